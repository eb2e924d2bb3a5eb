//! The app's page paths, relative to the site's public URL.
//!
//! Pure data shared by the browser router and the tests: `tools/post-build.mjs` copies `index.html`
//! into one folder per path so a deep link loads the app on a static host, and
//! `tests/architecture.rs` checks that the router, this list and the hook agree.

/// One page of the app: its path below the public URL and its title in the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// Path below the public URL, without leading or trailing slash ("" is the home page).
    pub path: &'static str,
    /// Short title used in the header and the document title.
    pub title: &'static str,
}

/// The migration safety linter.
pub const LINT: Page = Page {
    path: "lint",
    title: "Migration linter",
};
/// The EXPLAIN visualizer.
pub const EXPLAIN: Page = Page {
    path: "explain",
    title: "EXPLAIN visualizer",
};
/// The pool-sizing workshop.
pub const POOL: Page = Page {
    path: "pool",
    title: "Pool workshop",
};
/// What each tool teaches, with links to the PostgreSQL documentation.
pub const ABOUT: Page = Page {
    path: "about",
    title: "About",
};

/// The three tools, in header order.
pub const TOOLS: [Page; 3] = [LINT, EXPLAIN, POOL];

/// Every page that has a folder of its own in the built site (the home page is the site root).
pub const DEEP_LINKS: [Page; 4] = [LINT, EXPLAIN, POOL, ABOUT];
