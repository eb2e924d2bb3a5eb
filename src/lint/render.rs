//! Renders reports as text for people and as formats CI systems read (gcc, GitHub annotations,
//! SARIF 2.1.0). Pure: strings in, strings out; the CLI only prints them.

use serde_json::json;

use super::report::{Finding, LintReport, Severity};
use super::rules::all_rules;

/// Human-readable report: one block per statement with locks, then its findings.
pub fn text(path: &str, report: &LintReport) -> String {
    let mut out = String::new();
    for s in &report.statements {
        let locks: Vec<String> = s
            .locks
            .iter()
            .map(|l| {
                let new = if l.new { " (new)" } else { "" };
                format!("{} on {}{new}", l.mode.name(), l.relation)
            })
            .collect();
        let mut facts = Vec::new();
        if s.rewrite {
            facts.push("rewrites");
        }
        if s.scan {
            facts.push("scans");
        }
        if s.in_transaction {
            facts.push("in transaction");
        }
        if !s.analysed {
            facts.push("NOT ANALYSED");
        }
        out.push_str(&format!(
            "{path}:{}:{}: [{}] {}{}{}\n",
            s.line,
            s.column,
            s.kind,
            if locks.is_empty() {
                "no table locks".to_string()
            } else {
                locks.join(", ")
            },
            if s.blocks.is_empty() {
                String::new()
            } else {
                format!(
                    " | blocks {}",
                    s.blocks
                        .iter()
                        .map(|b| b.label())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            },
            if facts.is_empty() {
                String::new()
            } else {
                format!(" | {}", facts.join(", "))
            }
        ));
        for f in &s.findings {
            push_finding(&mut out, path, f);
        }
    }
    for f in &report.file_findings {
        push_finding(&mut out, path, f);
    }
    let count = |sev| report.findings().filter(|f| f.severity == sev).count();
    out.push_str(&format!(
        "{path}: {} statements, {} errors, {} warnings, {} hints\n",
        report.statements.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Hint)
    ));
    out
}

fn push_finding(out: &mut String, path: &str, f: &Finding) {
    out.push_str(&format!(
        "  {path}:{}:{}: {} [{}] {}\n    help: {}\n",
        f.line,
        f.column,
        f.severity.name(),
        f.rule,
        f.message,
        f.help
    ));
}

/// `file:line:column: severity: message [rule]`, one line per finding (editors and CI parse it).
pub fn gcc(path: &str, report: &LintReport) -> String {
    report
        .findings()
        .map(|f| {
            let sev = level(f.severity);
            format!(
                "{path}:{}:{}: {sev}: {} [{}]\n",
                f.line, f.column, f.message, f.rule
            )
        })
        .collect()
}

/// GitHub Actions workflow commands (`::error file=...::message`).
pub fn github(path: &str, report: &LintReport) -> String {
    report
        .findings()
        .map(|f| {
            // GitHub names the lowest level "notice" where SARIF and gcc say "note".
            let sev = match f.severity {
                Severity::Hint => "notice",
                other => level(other),
            };
            format!(
                "::{sev} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                escape_property(path),
                f.line,
                f.column,
                f.end_line,
                f.end_column,
                escape_property(&f.rule),
                escape_data(&format!("{} — {}", f.message, f.help))
            )
        })
        .collect()
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// SARIF 2.1.0 log with one run covering all the given files.
pub fn sarif(reports: &[(String, LintReport)]) -> serde_json::Value {
    let rules: Vec<serde_json::Value> = all_rules()
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "shortDescription": {"text": r.doc.problem},
                "fullDescription": {"text": r.doc.why},
                "helpUri": r.doc.docs_url,
                "help": {"text": r.doc.safe_sql},
                "defaultConfiguration": {"level": level(r.severity)},
            })
        })
        .collect();
    let results: Vec<serde_json::Value> = reports
        .iter()
        .flat_map(|(path, report)| {
            report.findings().map(move |f| {
                json!({
                    "ruleId": f.rule,
                    "level": level(f.severity),
                    "message": {"text": format!("{} Help: {}", f.message, f.help)},
                    "locations": [{"physicalLocation": {
                        "artifactLocation": {"uri": path},
                        "region": {"startLine": f.line, "startColumn": f.column,
                                   "endLine": f.end_line, "endColumn": f.end_column + 1}
                    }}]
                })
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "pgdojo", "informationUri": "https://www.postgresql.org/docs/current/explicit-locking.html", "rules": rules}},
            "results": results
        }]
    })
}

/// The SARIF / gcc level word of a severity (both call a hint a "note").
fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Hint => "note",
    }
}
