//! The page of each tool: its purpose, what it will show, and the CLI command that runs the same core.
//!
//! The tools' interactive workspaces grow on top of this page as their cores land.

use yew::prelude::*;

use crate::routes;
use crate::ui::icons;

/// Which tool a page is for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tool {
    Explain,
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
        Tool::Explain => Intro {
            title: routes::EXPLAIN.title,
            icon: icons::tree,
            summary:
                "Paste whatever your client printed for EXPLAIN: text, JSON, YAML or XML, straight \
                      from psql, pgAdmin or the server log.",
            shows: [
                "a collapsible tree with exclusive time per node",
                "a sortable grid and a flame graph",
                "row misestimates, buffers and I/O",
                "hints that name the likely fix",
            ],
            cli: "pgdojo explain plan.txt --format json",
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
