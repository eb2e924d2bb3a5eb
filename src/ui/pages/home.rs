//! The landing page: one card per tool.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::routes;
use crate::ui::icons;
use crate::ui::route::Route;

struct Card {
    to: Route,
    title: &'static str,
    icon: fn() -> Html,
    pitch: &'static str,
}

const CARDS: [Card; 3] = [
    Card {
        to: Route::Lint,
        title: routes::LINT.title,
        icon: icons::lock,
        pitch: "Paste a migration and see, statement by statement, which lock it takes on which table, \
                what that lock blocks, whether the table is rewritten, and the safe way to write it.",
    },
    Card {
        to: Route::Explain,
        title: routes::EXPLAIN.title,
        icon: icons::tree,
        pitch: "Paste EXPLAIN output in any format and see where the time went: exclusive times, \
                misestimates, buffers, and what to do about them.",
    },
    Card {
        to: Route::Pool,
        title: routes::POOL.title,
        icon: icons::pool,
        pitch: "Simulate connection pools in front of PostgreSQL and learn why a small, busy pool beats \
                a big one, with numbers that match queueing theory.",
    },
];

/// The home page.
#[component]
pub fn Home() -> Html {
    html! {
        <section class="home">
            <h1>{ "pgdojo" }</h1>
            <p class="lede">{ "A PostgreSQL operations lab that runs entirely in your browser." }</p>
            <ul class="cards">
                { for CARDS.iter().map(|card| html! {
                    <li class="card">
                        <Link<Route> to={card.to} classes="card-link">
                            { (card.icon)() }
                            <h2>{ card.title }</h2>
                        </Link<Route>>
                        <p>{ card.pitch }</p>
                    </li>
                }) }
            </ul>
        </section>
    }
}
