//! EXPLAIN visualizer (pure core).
//!
//! Parses whatever a client printed for `EXPLAIN` (TEXT, JSON, YAML, XML, psql-decorated) into one plan
//! model, computes inclusive and exclusive times, misestimates and buffers, and derives actionable hints.
//!
//! Public API for front ends:
//! - [`explain`]: text in (any format, auto-detected) → [`Report`] = normalised [`Plan`] +
//!   [`Analysis`] (per-node metrics in pre-order) + [`Hint`]s. Never panics; errors are [`ParseError`].
//! - [`to_json`] serialises a whole report (every model type is serde `Serialize`/`Deserialize`);
//!   [`Report::contract_json`] is the stable document printed by `pgdojo explain --format json`.
//! - [`parse`], [`analyse`] and [`hints`] are the three steps on their own.
//!
//! Layout: `decorations` strips what clients print around a plan, `detect` picks the format,
//! `text` and `structured` (JSON/YAML/XML via one generic `doc` tree) build the [`model`],
//! `names` and `properties` are the shared vocabulary that makes all formats agree.
//!
//! The browser page and the CLI use the same entry point:
//! ```
//! let report = pgdojo::explain::explain("Seq Scan on t  (cost=0.00..1.10 rows=10 width=4)").unwrap();
//! assert_eq!(report.plan.root.node_type, "Seq Scan");
//! ```

pub mod analysis;
pub mod compare;
pub mod decorations;
pub mod detect;
pub mod doc;
pub mod error;
pub mod hints;
pub mod model;
pub mod names;
pub mod properties;
pub mod report;
pub mod structured;
pub mod text;
pub mod trim;
pub mod workers;

pub use analysis::{analyse, Analysis, NodeMetrics};
pub use error::ParseError;
pub use hints::{hints, Hint};
pub use model::{InputFormat, Node, Plan};
pub use report::{explain, to_json, Report};

use std::borrow::Cow;

/// Parses EXPLAIN output in any supported format (auto-detected) into the plan model.
pub fn parse(input: &str) -> Result<Plan, ParseError> {
    if input.trim().is_empty() {
        return Err(ParseError::new("the input is empty"));
    }
    let cleaned = decorations::clean(input);
    let start = structured_start(&cleaned.lines);
    // Only the first meaningful line decides the format: no need to copy a TEXT plan to find out.
    let format = detect::detect(&body_head(&cleaned.lines[start..]));
    if format == InputFormat::Text {
        // auto_explain's YAML starts with `Query Text: ...` and has a top-level `Plan:` map.
        if let Some(yaml_start) = detect::auto_explain_yaml_start(&cleaned.lines) {
            let yaml = cleaned.lines[yaml_start..].join("\n");
            if let Ok(mut plan) = structured::parse(&yaml, InputFormat::Yaml) {
                relocate(&mut plan, &cleaned, yaml_start);
                return Ok(plan);
            }
        }
    }
    match format {
        InputFormat::Text => text::parse(&cleaned),
        // A prompt such as `[123]postgres=#` can look like JSON: fall back to TEXT when that fails.
        other => {
            let body = structured_body(&cleaned.lines[start..]);
            match structured::parse(&body, other) {
                Ok(mut plan) => {
                    relocate(&mut plan, &cleaned, start);
                    Ok(plan)
                }
                Err(error) => {
                    if cleaned
                        .lines
                        .iter()
                        .any(|l| text::header::has_measurements(l))
                    {
                        text::parse(&cleaned)
                    } else {
                        Err(error)
                    }
                }
            }
        }
    }
}

/// Turns the structured readers' line numbers (lines of the document that began at cleaned line
/// `first`) into lines of the input as pasted.
fn relocate(plan: &mut Plan, cleaned: &decorations::Cleaned<'_>, first: usize) {
    let mut stack = vec![&mut plan.root];
    while let Some(node) = stack.pop() {
        node.source_line = node.source_line.map(|l| cleaned.input_line(first + l));
        stack.extend(node.children.iter_mut());
    }
}

/// Index of the first cleaned line that opens a JSON/XML/YAML document, or 0.
fn structured_start(lines: &[Cow<'_, str>]) -> usize {
    lines
        .iter()
        .position(|l| {
            let t = l.trim_start();
            t.starts_with('[')
                || t.starts_with('{')
                || t.starts_with("<explain")
                || t.starts_with("<?xml")
                || t.starts_with("- Plan:")
        })
        .filter(|&i| {
            // Only skip a preamble when no plan line precedes the document.
            !lines[..i].iter().any(|l| text::header::has_measurements(l))
        })
        .unwrap_or(0)
}

/// The lines up to the psql footer, one per line of the returned text.
fn structured_body(lines: &[Cow<'_, str>]) -> String {
    let mut body = String::new();
    for line in lines {
        if decorations::is_footer(line) {
            break;
        }
        body.push_str(line);
        body.push('\n');
    }
    body
}

/// The beginning of [`structured_body`], up to and including its first non-blank line: all that
/// [`detect::detect`] looks at.
fn body_head(lines: &[Cow<'_, str>]) -> String {
    let mut head = String::new();
    for line in lines {
        if decorations::is_footer(line) {
            break;
        }
        head.push_str(line);
        head.push('\n');
        if !line.trim().is_empty() {
            break;
        }
    }
    head
}
