//! The About page: what each tool teaches, with links to the PostgreSQL documentation.

use yew::prelude::*;

use crate::routes;
use crate::ui::icons;

/// A link to the PostgreSQL documentation (opens in a new tab; the app itself makes no request).
#[derive(Properties, PartialEq)]
struct DocLinkProps {
    page: &'static str,
    children: Html,
}

#[component]
fn DocLink(props: &DocLinkProps) -> Html {
    html! {
        <a class="doc-link" href={format!("https://www.postgresql.org/docs/current/{}", props.page)}
            target="_blank" rel="noopener noreferrer">
            { props.children.clone() }{ icons::external() }
        </a>
    }
}

/// The About page.
#[component]
pub fn About() -> Html {
    html! {
        <article class="about prose">
            <h1>{ "About pgdojo" }</h1>
            <p class="lede">
                { "pgdojo is a practice room for the parts of PostgreSQL that hurt in production: schema \
                   changes on busy tables, slow queries, and connection limits. Everything runs in your \
                   browser; the same checks ship as a command-line tool for CI." }
            </p>

            <section aria-labelledby="about-lint">
                <h2 id="about-lint">{ routes::LINT.title }</h2>
                <p>
                    { "Every DDL statement takes a table-level lock, and the strongest of them, ACCESS \
                       EXCLUSIVE, stops even plain reads. Worse, a statement waiting for its lock queues \
                       every later query behind it, so a migration that only needs a moment can stall a \
                       busy table for as long as the longest running transaction. The linter shows, for \
                       each statement, the lock mode on each table, the operations it blocks, whether it \
                       rewrites or scans the table, and how long the lock is held: until COMMIT." }
                </p>
                <p>
                    { "It teaches the safe patterns: build indexes CONCURRENTLY, add constraints NOT VALID \
                       and validate them later, set a lock_timeout, and split expand/contract changes into \
                       steps. Read " }
                    <DocLink page="explicit-locking.html">{ "Explicit Locking" }</DocLink>
                    { " for the lock modes and their conflicts, and the notes of " }
                    <DocLink page="sql-altertable.html">{ "ALTER TABLE" }</DocLink>
                    { " for which subcommand takes which lock." }
                </p>
            </section>

            <section aria-labelledby="about-explain">
                <h2 id="about-explain">{ routes::EXPLAIN.title }</h2>
                <p>
                    { "EXPLAIN prints the plan the planner chose; EXPLAIN ANALYZE runs it and adds what \
                       really happened. Reading that output means multiplying per-loop times by loops, \
                       subtracting children to find where time was spent, and comparing estimated with \
                       actual rows. The visualizer does that arithmetic for every node and draws the result \
                       as a tree, a grid and a flame graph." }
                </p>
                <p>
                    { "It teaches what the numbers mean: a row misestimate that led to a nested loop, a \
                       sort that spilled to disk because work_mem was too small, a sequential scan whose \
                       filter discards most rows. See " }
                    <DocLink page="using-explain.html">{ "Using EXPLAIN" }</DocLink>
                    { " and the " }
                    <DocLink page="sql-explain.html">{ "EXPLAIN reference" }</DocLink>
                    { " for every option." }
                </p>
            </section>

            <section aria-labelledby="about-pool">
                <h2 id="about-pool">{ routes::POOL.title }</h2>
                <p>
                    { "Each PostgreSQL connection is a server process with its own memory, and a server \
                       with a few cores can only make progress on a few queries at once. Opening more \
                       connections than that adds contention, not throughput, while application instances \
                       multiplied by their pool size quickly reach max_connections." }
                </p>
                <p>
                    { "The workshop simulates pools, connection setup and a saturating database, so a \
                       class can watch a small pool with a queue outrun a large one, and check every number \
                       against queueing theory. See " }
                    <DocLink page="runtime-config-connection.html">{ "Connection settings" }</DocLink>
                    { " for max_connections and " }
                    <DocLink page="monitoring-stats.html">{ "the statistics views" }</DocLink>
                    { " to watch connections on a real server." }
                </p>
            </section>
        </article>
    }
}
