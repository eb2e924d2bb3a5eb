//! `pgdojo explain`: analyses EXPLAIN output with the [`pgdojo::explain`] core.
//!
//! `--format text` prints an indented tree with times and rows (and, under nodes parallel workers
//! ran, each worker's and the leader's share), then the hints; `--format json`
//! prints the stable contract document of [`pgdojo::explain::Report::contract_json`].

use crate::input::read_input;
use pgdojo::explain::workers::{node_workers, ProcessShare};
use pgdojo::explain::{explain, Report};
use std::io::Write;

/// Output syntax.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OutputFormat {
    /// Human-readable tree and hints.
    #[default]
    Text,
    /// Machine-readable JSON (stable field names).
    Json,
}

/// Arguments of `pgdojo explain`.
#[derive(clap::Args, Debug)]
pub struct ExplainArgs {
    /// File holding the EXPLAIN output; `-` reads standard input.
    #[arg(default_value = "-")]
    pub file: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

/// Runs the subcommand and returns the exit code (2 when the input cannot be read or is not a plan).
pub fn run(args: ExplainArgs) -> u8 {
    let input = match read_input(&args.file) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("pgdojo explain: {message}");
            return 2;
        }
    };
    let report = match explain(&input) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("pgdojo explain: the input is not an EXPLAIN plan ({error})");
            return 2;
        }
    };
    let output = match args.format {
        OutputFormat::Json => format!("{}\n", report.contract_json()),
        OutputFormat::Text => render_text(&report),
    };
    // A closed pipe (`| head`) is not an error worth a panic.
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(output.as_bytes())
        .and_then(|_| stdout.flush());
    0
}

fn ms(value: Option<f64>) -> String {
    value.map_or_else(|| "-".into(), |v| format!("{v:.3} ms"))
}

/// `worker 0: rows 150000 (45%)  loops 1  time 60.000 ms`.
fn process_line(who: &str, share: &ProcessShare) -> String {
    let rows = match (share.rows, share.rows_share) {
        (Some(r), Some(f)) => format!("rows {r} ({:.0}%)", f * 100.0),
        (Some(r), None) => format!("rows {r}"),
        _ => "rows -".into(),
    };
    let loops = share.loops.map_or("-".into(), |l| l.to_string());
    format!("{who}: {rows}  loops {loops}  time {}", ms(share.time_ms))
}

/// The human-readable report.
fn render_text(report: &Report) -> String {
    let mut out = String::new();
    let plan = &report.plan;
    out.push_str(&format!(
        "input: {}, {} nodes, planning {}, execution {}\n\n",
        plan.input_format.name(),
        plan.node_count(),
        ms(plan.planning_ms),
        ms(plan.execution_ms)
    ));
    for (node, m) in plan.preorder().into_iter().zip(&report.analysis.nodes) {
        let indent = "  ".repeat(m.depth);
        let label = pgdojo::explain::hints::node_label(node);
        let sub = node
            .subplan_name
            .as_deref()
            .map(|s| format!("[{s}] "))
            .unwrap_or_default();
        let rows = match (node.actual_rows, node.plan_rows) {
            (Some(a), Some(p)) => format!("rows {a} (est {p})"),
            (None, Some(p)) => format!("est rows {p}"),
            (Some(a), None) => format!("rows {a}"),
            (None, None) => String::new(),
        };
        out.push_str(&format!(
            "#{:<4}{indent}{sub}{label}  {rows}  loops {}  incl {}  excl {}\n",
            m.index,
            node.actual_loops.map_or("-".into(), |l| l.to_string()),
            ms(m.inclusive_ms),
            ms(m.exclusive_ms)
        ));
        if let Some(w) = node_workers(node, m.index) {
            let pad = format!("     {indent}    ");
            for share in &w.workers {
                let who = share
                    .worker
                    .map_or_else(|| "worker ?".to_string(), |n| format!("worker {n}"));
                out.push_str(&format!("{pad}{}\n", process_line(&who, share)));
            }
            if let Some(leader) = &w.leader {
                out.push_str(&format!(
                    "{pad}{}\n",
                    process_line("leader (derived)", leader)
                ));
            }
            if let (true, Some(skew)) = (w.skewed, w.rows_skew) {
                out.push_str(&format!(
                    "{pad}skewed: the busiest worker produced {skew:.1}x the workers' mean rows\n"
                ));
            }
        }
    }
    out.push_str(&format!("\n{} hint(s)\n", report.hints.len()));
    for hint in &report.hints {
        out.push_str(&format!(
            "- [{}] node #{}: {}\n    fix: {}\n    docs: {}\n",
            hint.id, hint.node, hint.message, hint.fix, hint.docs_url
        ));
    }
    out
}
