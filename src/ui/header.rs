//! The site header: brand, the three tools, About, and the theme toggle.

use yew::prelude::*;
use yew_router::prelude::*;

use super::icons;
use super::route::Route;
use super::theme::ThemeToggle;
use crate::routes;

/// One navigation link, marked `aria-current="page"` when it is the current route.
#[derive(Properties, PartialEq)]
struct NavLinkProps {
    to: Route,
    current: Option<Route>,
    children: Html,
}

#[component]
fn NavLink(props: &NavLinkProps) -> Html {
    let active = props.current == Some(props.to);
    let classes = classes!("nav-link", active.then_some("active"));
    html! {
        <Link<Route> to={props.to} {classes}>
            <span aria-current={active.then_some("page")}>{ props.children.clone() }</span>
        </Link<Route>>
    }
}

/// The header shown on every page.
#[component]
pub fn Header() -> Html {
    let current = use_route::<Route>();
    html! {
        <header class="site-header">
            <a class="skip-link" href="#main">{ "Skip to content" }</a>
            <div class="header-inner">
                <Link<Route> to={Route::Home} classes="brand">
                    <span class="brand-mark" aria-hidden="true">{ "pg" }</span>
                    <span class="brand-name">{ "pgdojo" }</span>
                </Link<Route>>
                <nav class="site-nav" aria-label="Tools">
                    <ul>
                        <li><NavLink to={Route::Lint} {current}>{ icons::lock() }<span>{ routes::LINT.title }</span></NavLink></li>
                        <li><NavLink to={Route::Explain} {current}>{ icons::tree() }<span>{ routes::EXPLAIN.title }</span></NavLink></li>
                        <li><NavLink to={Route::Pool} {current}>{ icons::pool() }<span>{ routes::POOL.title }</span></NavLink></li>
                        <li><NavLink to={Route::About} {current}><span>{ routes::ABOUT.title }</span></NavLink></li>
                    </ul>
                </nav>
                <ThemeToggle />
            </div>
        </header>
    }
}
