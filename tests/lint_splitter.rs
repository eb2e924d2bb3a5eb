//! Splitting and positions: every fixture in `tests/fixtures/lint/splitter/` is linted and the
//! statement list (1-based span, kind, analysed flag, text) is compared with its reviewed snapshot.

use std::fs;
use std::path::Path;

use pgdojo::lint::{lint, LintOptions};

/// One line per statement: `index line:column-end_line:end_column kind [not analysed] | sql`.
fn statement_list(text: &str) -> String {
    lint(text, LintOptions::default())
        .statements
        .iter()
        .map(|s| {
            format!(
                "{} {}:{}-{}:{} {}{} | {}\n",
                s.index,
                s.line,
                s.column,
                s.end_line,
                s.end_column,
                s.kind,
                if s.analysed { "" } else { " [not analysed]" },
                s.sql.replace('\n', "\\n")
            )
        })
        .collect()
}

fn check(name: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lint/splitter")
        .join(format!("{name}.sql"));
    let text = fs::read_to_string(path).expect("fixture");
    insta::assert_snapshot!(format!("splitter_{name}"), statement_list(&text));
}

#[test]
fn quoting() {
    check("quoting");
}

#[test]
fn spans() {
    check("spans");
}

#[test]
fn unterminated() {
    check("unterminated");
}

#[test]
fn empty_and_comment_only_inputs_have_no_statements() {
    for text in ["", "   \n", "-- only a comment\n", "/* block */", ";;;"] {
        assert!(
            lint(text, LintOptions::default()).statements.is_empty(),
            "{text:?}"
        );
    }
}
