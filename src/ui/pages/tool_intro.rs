//! The page of each tool: its purpose, what it will show, and the CLI command that runs the same core.
//!
//! The tools' interactive workspaces grow on top of this page as their cores land.

use yew::prelude::*;

use crate::routes;
use crate::ui::icons;

/// Which tool a page is for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tool {
    Pool,
}

struct Intro {
    title: &'static str,
    icon: fn() -> Html,
    summary: &'static str,
    shows: [&'static str; 4],
    cli: &'static str,
}

fn intro(tool: Tool) -> Intro {
    match tool {
        Tool::Pool => Intro {
            title: routes::POOL.title,
            icon: icons::pool,
            summary: "Simulate application pools, connection setup and a saturating database, and find the \
                      pool size where latency is lowest.",
            shows: [
                "latency and pool-wait quantiles over time",
                "connections per tier against max_connections",
                "a sweep over pool sizes that marks the knee",
                "guided scenarios from real incidents",
            ],
            cli: "pgdojo pool --arrival-rate 200 --service exp:20 --pool-size 10 --format json",
        },
    }
}

/// Props of [`ToolIntro`].
#[derive(Properties, PartialEq)]
pub struct ToolIntroProps {
    pub tool: Tool,
}

/// A tool's page.
#[component]
pub fn ToolIntro(props: &ToolIntroProps) -> Html {
    let intro = intro(props.tool);
    html! {
        <section class="tool-page">
            <h1 class="tool-title">{ (intro.icon)() }{ intro.title }</h1>
            <p class="lede">{ intro.summary }</p>
            <h2>{ "What it shows" }</h2>
            <ul class="feature-list">
                { for intro.shows.iter().map(|item| html! { <li>{ *item }</li> }) }
            </ul>
            <h2>{ "The same check from a shell" }</h2>
            <pre class="cli-example"><code>{ intro.cli }</code></pre>
        </section>
    }
}
