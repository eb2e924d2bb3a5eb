//! One module per page; [`render`] maps a route to its page.

mod about;
mod explain;
mod home;
mod lint;
mod not_found;
mod panic_test;
mod pool;

use yew::prelude::*;

use super::route::Route;

/// The page for `route`.
pub fn render(route: Route) -> Html {
    match route {
        Route::Home => html! { <home::Home /> },
        Route::Lint => html! { <lint::LintPage /> },
        Route::Explain => html! { <explain::ExplainPage /> },
        Route::Pool => html! { <pool::PoolPage /> },
        Route::About => html! { <about::About /> },
        Route::PanicTest => html! { <panic_test::PanicTest /> },
        Route::NotFound => html! { <not_found::NotFound /> },
    }
}
