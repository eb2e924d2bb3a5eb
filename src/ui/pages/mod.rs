//! One module per page; [`render`] maps a route to its page.

mod about;
mod explain;
mod home;
mod lint;
mod not_found;
mod panic_test;
mod tool_intro;

use yew::prelude::*;

use super::route::Route;

/// The page for `route`.
pub fn render(route: Route) -> Html {
    match route {
        Route::Home => html! { <home::Home /> },
        Route::Lint => html! { <lint::LintPage /> },
        Route::Explain => html! { <explain::ExplainPage /> },
        Route::Pool => html! { <tool_intro::ToolIntro tool={tool_intro::Tool::Pool} /> },
        Route::About => html! { <about::About /> },
        Route::PanicTest => html! { <panic_test::PanicTest /> },
        Route::NotFound => html! { <not_found::NotFound /> },
    }
}
