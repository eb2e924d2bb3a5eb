//! The app root: router, layout (header, main, footer) and the route switch.

use yew::prelude::*;
use yew_router::prelude::*;

use super::header::Header;
use super::pages;
use super::route::Route;

/// The root component, mounted by [`super::start`].
#[component]
pub fn App() -> Html {
    html! {
        <BrowserRouter>
            <Layout />
        </BrowserRouter>
    }
}

/// Header, the current page and the footer; keeps the document title in step with the route.
#[component]
fn Layout() -> Html {
    let route = use_route::<Route>().unwrap_or(Route::NotFound);
    use_effect_with(route, |route| {
        gloo::utils::document().set_title(&route.title());
    });
    html! {
        <>
            <Header />
            <main id="main" class="site-main" tabindex="-1" data-route={format!("{route:?}")}>
                { pages::render(route) }
            </main>
            <footer class="site-footer">
                <p>{ "pgdojo runs entirely in your browser: nothing you paste leaves this page." }</p>
            </footer>
        </>
    }
}
