//! Shown for any path the router does not know.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::ui::route::Route;

/// The not-found page.
#[component]
pub fn NotFound() -> Html {
    html! {
        <section class="not-found">
            <h1>{ "Page not found" }</h1>
            <p>{ "There is no page at this address. " }
               <Link<Route> to={Route::Home}>{ "Go to the start page" }</Link<Route>>{ "." }</p>
        </section>
    }
}
