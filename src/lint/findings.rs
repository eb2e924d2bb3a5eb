//! Runs the rules over an analysis, applies ignore directives, and positions the findings.

use super::analyse::{Analysed, Analysis};
use super::ignore::{parse_directive, Directive};
use super::position::Position;
use super::report::{Finding, Severity};
use super::rules::{all_rules, rule, Draft, Rule};

/// Id of the finding for a directive naming an unknown rule.
pub const UNKNOWN_RULE_IN_IGNORE: &str = "unknown-rule-in-ignore";
/// Id of the finding for a directive that suppressed nothing.
pub const UNUSED_IGNORE: &str = "unused-ignore";
const IGNORE_DOCS: &str =
    "https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-COMMENTS";

/// Findings per statement (same order as `analysis.statements`) and file-level findings.
pub fn collect(src: &str, analysis: &Analysis) -> (Vec<Vec<Finding>>, Vec<Finding>) {
    let mut file_findings = Vec::new();
    let file_directives: Vec<(Directive, bool)> = analysis
        .split
        .comments
        .iter()
        .filter_map(|c| parse_directive(src, c))
        .filter(|d| d.file_wide)
        .map(|d| (d, false))
        .collect();
    let mut file_directives = file_directives;
    let mut per_statement = Vec::with_capacity(analysis.statements.len());

    for s in &analysis.statements {
        let mut local: Vec<(Directive, bool)> = s
            .raw
            .leading_comments
            .iter()
            .filter_map(|c| parse_directive(src, c))
            .filter(|d| !d.file_wide)
            .map(|d| (d, false))
            .collect();
        let mut findings = Vec::new();
        for r in all_rules() {
            for draft in (r.check)(analysis, s) {
                if suppress(&mut local, r.id) || suppress(&mut file_directives, r.id) {
                    continue;
                }
                findings.push(finding(r, s, draft));
            }
        }
        for (d, used) in &local {
            findings.extend(directive_findings(analysis, src, d, *used));
        }
        per_statement.push(findings);
    }
    for (d, used) in &file_directives {
        file_findings.extend(directive_findings(analysis, src, d, *used));
    }
    (per_statement, file_findings)
}

/// Marks the first directive naming `id` as used; returns whether one did.
fn suppress(directives: &mut [(Directive, bool)], id: &str) -> bool {
    for (d, used) in directives.iter_mut() {
        if d.rules.iter().any(|r| r == id) {
            *used = true;
            return true;
        }
    }
    false
}

fn finding(r: &Rule, s: &Analysed, d: Draft) -> Finding {
    Finding {
        rule: r.id.to_string(),
        severity: d.severity.unwrap_or(r.severity),
        line: s.start.line,
        column: s.start.column,
        end_line: s.end.line,
        end_column: s.end.column,
        message: d.message,
        help: d.help,
        safe_sql: d.safe_sql.or_else(|| Some(r.doc.safe_sql.to_string())),
        docs_url: r.doc.docs_url.to_string(),
    }
}

fn directive_findings(a: &Analysis, src: &str, d: &Directive, used: bool) -> Vec<Finding> {
    let start = a.lines.position(src, d.start);
    let end_after = a.lines.position(src, d.end);
    let end = Position {
        line: end_after.line,
        column: end_after.column.saturating_sub(1).max(1),
    };
    let at = |rule: &str, severity, message: String, help: &str| Finding {
        rule: rule.to_string(),
        severity,
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        message,
        help: help.to_string(),
        safe_sql: None,
        docs_url: IGNORE_DOCS.to_string(),
    };
    let mut out = Vec::new();
    let unknown: Vec<&String> = d.rules.iter().filter(|r| rule(r).is_none()).collect();
    for u in &unknown {
        out.push(at(
            UNKNOWN_RULE_IN_IGNORE,
            Severity::Error,
            format!("the ignore directive names unknown rule `{u}`"),
            "check the rule id (kebab-case, as shown in findings); a misspelt id ignores nothing",
        ));
    }
    if !used && unknown.len() < d.rules.len() {
        out.push(at(
            UNUSED_IGNORE,
            Severity::Hint,
            "this ignore directive suppressed no finding".to_string(),
            "remove it, or move it directly above the statement it is meant for",
        ));
    }
    out
}
