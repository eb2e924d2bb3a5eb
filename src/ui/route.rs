//! The router's routes. Paths are relative to `<base href>` (the public URL, e.g. `/pgdojo/`);
//! `tests/architecture.rs` checks they match [`crate::routes`].

use yew_router::Routable;

/// Every page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/lint")]
    Lint,
    #[at("/explain")]
    Explain,
    #[at("/pool")]
    Pool,
    #[at("/about")]
    About,
    /// Deliberately panics, so the end-to-end tests can prove the panic panel works.
    #[at("/debug/panic")]
    PanicTest,
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// The document title for this route.
    pub fn title(self) -> String {
        let page = match self {
            Route::Home => return "pgdojo — PostgreSQL operations lab".to_owned(),
            Route::Lint => crate::routes::LINT,
            Route::Explain => crate::routes::EXPLAIN,
            Route::Pool => crate::routes::POOL,
            Route::About => crate::routes::ABOUT,
            Route::PanicTest => return "pgdojo — panic test".to_owned(),
            Route::NotFound => return "pgdojo — page not found".to_owned(),
        };
        format!("{} — pgdojo", page.title)
    }
}
