//! The migration linter page: an editor that lints as you type, options, the example gallery, a
//! share link, and the results (summary, lock timeline, statements with their findings).

mod finding;
mod lock_badge;
mod overview;
mod statement;
mod timeline;

use serde::{Deserialize, Serialize};
use yew::prelude::*;

use crate::gallery::migrations::{example, EXAMPLES};
use crate::lint::options::{MAX_PG_VERSION, MIN_PG_VERSION};
use crate::lint::{lint, LintOptions, LintReport, Severity};
use crate::routes;
use crate::ui::components::code_editor::CodeEditor;
use crate::ui::components::share_button::ShareButton;
use crate::ui::prepared::use_prepared;
use crate::ui::{fragment, icons, persist};

use overview::FindingsOverview;
use statement::StatementCard;
use timeline::LockTimeline;

/// localStorage key of the draft.
const DRAFT_KEY: &str = "pgdojo.lint.draft";
/// Statements rendered before "show all": keeps a 10,000-statement file responsive.
const FIRST_STATEMENTS: usize = 150;

/// Everything the page needs to restore: kept as the draft and carried by share links.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct LintState {
    sql: String,
    pg_version: u32,
    assume_in_transaction: bool,
}

impl LintState {
    fn options(&self) -> LintOptions {
        LintOptions {
            pg_version: self.pg_version.clamp(MIN_PG_VERSION, MAX_PG_VERSION),
            assume_in_transaction: self.assume_in_transaction,
        }
    }
}

impl Default for LintState {
    fn default() -> Self {
        LintState {
            sql: EXAMPLES[0].sql.to_owned(),
            pg_version: MAX_PG_VERSION,
            assume_in_transaction: false,
        }
    }
}

/// The initial state: a share link wins over the draft; a broken link is reported, not fatal.
fn initial_state() -> (LintState, Option<String>) {
    let draft = || persist::load::<LintState>(DRAFT_KEY).unwrap_or_default();
    match fragment::read_state::<LintState>() {
        Some(Ok(state)) => (state, None),
        Some(Err(error)) => (
            draft(),
            Some(format!("Could not open the shared migration: {error}.")),
        ),
        None => (draft(), None),
    }
}

/// The linter page.
#[component]
pub fn LintPage() -> Html {
    let initial = use_memo((), |_| initial_state());
    let state = use_state(|| initial.0.clone());
    let link_error = use_state(|| initial.1.clone());
    let selected = use_state(|| None::<usize>);
    let show_all = use_state(|| false);

    // Typed or pasted SQL is linted in the input handler (`on_sql`), see `crate::ui::prepared`.
    let prepared = use_prepared::<(String, LintOptions), LintReport>();
    let report = {
        let prepared = prepared.clone();
        use_memo((state.sql.clone(), state.options()), move |key| {
            prepared.take_or(key, || lint(&key.0, key.1))
        })
    };

    // Every change is kept as the draft; an edited shared state is no longer the link's state.
    let update = {
        let state = state.clone();
        Callback::from(move |next: LintState| {
            persist::save(DRAFT_KEY, &next);
            fragment::clear();
            state.set(next);
        })
    };
    let on_sql = {
        let (state, update, selected) = (state.clone(), update.clone(), selected.clone());
        let prepared = prepared.clone();
        Callback::from(move |sql: String| {
            let options = state.options();
            prepared.put((sql.clone(), options), lint(&sql, options));
            selected.set(None);
            update.emit(LintState {
                sql,
                ..(*state).clone()
            });
        })
    };
    let on_version = {
        let (state, update) = (state.clone(), update.clone());
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                if let Ok(pg_version) = select.value().parse() {
                    update.emit(LintState {
                        pg_version,
                        ..(*state).clone()
                    });
                }
            }
        })
    };
    let on_tx = {
        let (state, update) = (state.clone(), update.clone());
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                update.emit(LintState {
                    assume_in_transaction: input.checked(),
                    ..(*state).clone()
                });
            }
        })
    };
    let on_example = {
        let (state, update, selected) = (state.clone(), update.clone(), selected.clone());
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                if let Some(example) = example(&select.value()) {
                    selected.set(None);
                    update.emit(LintState {
                        sql: example.sql.to_owned(),
                        ..(*state).clone()
                    });
                }
                select.set_value("");
            }
        })
    };
    let make_fragment = {
        let state = state.clone();
        Callback::from(move |_: ()| crate::share::encode(&*state))
    };
    let on_select = {
        let (selected, show_all) = (selected.clone(), show_all.clone());
        Callback::from(move |index: usize| {
            // A statement past the first batch must be rendered before it can be shown.
            if index >= FIRST_STATEMENTS {
                show_all.set(true);
            }
            selected.set(Some(index));
        })
    };
    // Bring the selected statement's card into view.
    use_effect_with(*selected, |selected| {
        if let Some(card) = selected
            .and_then(|i| gloo::utils::document().get_element_by_id(&format!("statement-{i}")))
        {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            card.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });

    let highlight = selected
        .and_then(|i| report.statements.get(i))
        .map(|s| (s.line, s.end_line));
    let statements = &report.statements;
    let visible = if *show_all {
        statements.len()
    } else {
        statements.len().min(FIRST_STATEMENTS)
    };

    html! {
        <section class="tool-page lint-page">
            <h1 class="tool-title">{ icons::lock() }{ routes::LINT.title }</h1>
            <p class="lede">
                { "Paste a migration as your migration tool would run it. Each statement shows the locks \
                   it takes, what they block, and how long they are held." }
            </p>
            if let Some(message) = (*link_error).clone() {
                <p class="banner banner-error" role="alert">{ message }</p>
            }
            <div class="toolbar" role="group" aria-label="Linter options">
                <label class="field">
                    <span>{ "Examples" }</span>
                    <select id="lint-example" onchange={on_example}>
                        <option value="" selected=true>{ "Load an example…" }</option>
                        { for EXAMPLES.iter().map(|e| html! {
                            <option value={e.id}>{ e.title }</option>
                        }) }
                    </select>
                </label>
                <label class="field">
                    <span>{ "PostgreSQL" }</span>
                    <select id="lint-pg-version" onchange={on_version}>
                        { for (MIN_PG_VERSION..=MAX_PG_VERSION).rev().map(|v| html! {
                            <option value={v.to_string()} selected={v == state.pg_version}>{ v }</option>
                        }) }
                    </select>
                </label>
                <label class="field checkbox">
                    <input type="checkbox" id="lint-assume-tx" checked={state.assume_in_transaction}
                        onchange={on_tx} />
                    <span>{ "The migration tool wraps the file in a transaction" }</span>
                </label>
                <ShareButton {make_fragment} />
            </div>
            <div class="split">
                <div class="split-input">
                    <CodeEditor id="lint-sql" label="Migration SQL" value={state.sql.clone()}
                        on_input={on_sql} {highlight}
                        placeholder="ALTER TABLE users ADD COLUMN phone text;" />
                    <p class="hint-text">{ "Drop a .sql file on the editor to load it. Nothing leaves your browser." }</p>
                </div>
                <div class="split-output">
                    <Summary report={report.clone()} />
                    <FindingsOverview report={report.clone()} on_select={on_select.clone()} />
                    <LockTimeline report={report.clone()} selected={*selected} on_select={on_select.clone()} />
                    <h2 class="section-title">{ "Statements" }</h2>
                    <ol class="statement-list" aria-label="Statements">
                        { for statements.iter().take(visible).map(|s| html! {
                            <StatementCard statement={s.clone()} selected={*selected == Some(s.index)}
                                on_select={on_select.clone()} />
                        }) }
                    </ol>
                    if visible < statements.len() {
                        <button type="button" class="button secondary" id="lint-show-all"
                            onclick={let show_all = show_all.clone(); move |_| show_all.set(true)}>
                            { format!("Show all {} statements", statements.len()) }
                        </button>
                    }
                    if !report.file_findings.is_empty() {
                        <h2 class="section-title">{ "Whole-file findings" }</h2>
                        <ul class="finding-list">
                            { for report.file_findings.iter().enumerate().map(|(i, f)| html! {
                                <finding::FindingView finding={f.clone()} key_id={format!("file-{i}")} />
                            }) }
                        </ul>
                    }
                </div>
            </div>
        </section>
    }
}

/// Props of [`Summary`].
#[derive(Properties, PartialEq)]
struct SummaryProps {
    report: std::rc::Rc<LintReport>,
}

/// Counts by severity, and the verdict in one line.
#[component]
fn Summary(props: &SummaryProps) -> Html {
    let count = |severity: Severity| {
        props
            .report
            .findings()
            .filter(|f| f.severity == severity)
            .count()
    };
    let (errors, warnings, hints) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Hint),
    );
    let statements = props.report.statements.len();
    let (class, verdict) = if statements == 0 {
        ("summary-empty", "Paste a migration to see what it locks.")
    } else if errors > 0 {
        (
            "summary-error",
            "Not safe to run on a busy database as written.",
        )
    } else if warnings > 0 {
        (
            "summary-warning",
            "Risky: read the warnings before running it.",
        )
    } else {
        ("summary-ok", "No blocking problems found.")
    };
    html! {
        <div class={classes!("summary", class)} id="lint-summary" role="status" aria-live="polite">
            <p class="verdict">{ verdict }</p>
            <p class="counts">
                <span>{ format!("{statements} statement{}", plural(statements)) }</span>
                <span class="count-error">{ format!("{errors} error{}", plural(errors)) }</span>
                <span class="count-warning">{ format!("{warnings} warning{}", plural(warnings)) }</span>
                <span class="count-hint">{ format!("{hints} hint{}", plural(hints)) }</span>
                <span>{ format!("PostgreSQL {}", props.report.pg_version) }</span>
            </p>
        </div>
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
