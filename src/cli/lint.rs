//! `pgdojo lint`: lints migration files with the [`pgdojo::lint`] core.
//!
//! Contract (issue 3): `pgdojo lint [FILE...|-] [--pg-version N] [--assume-in-transaction]
//! [--format text|json|gcc|github|sarif]`; exit 0 without error-level findings, 1 with one, 2 on
//! usage or I/O errors. `--format json` prints one JSON object per file, one per line.

use pgdojo::lint::options::{MAX_PG_VERSION, MIN_PG_VERSION};
use pgdojo::lint::{lint, render, LintOptions, LintReport};

use crate::input::read_input;

/// Output formats.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Gcc,
    Github,
    Sarif,
}

/// Arguments of `pgdojo lint`.
#[derive(clap::Args, Debug)]
pub struct LintArgs {
    /// Migration files to lint; `-` reads standard input.
    #[arg(default_value = "-")]
    pub files: Vec<String>,
    /// Target PostgreSQL major version.
    #[arg(long, default_value_t = MAX_PG_VERSION,
          value_parser = clap::value_parser!(u32).range(MIN_PG_VERSION as i64..=MAX_PG_VERSION as i64))]
    pub pg_version: u32,
    /// The migration tool runs each file inside one transaction.
    #[arg(long)]
    pub assume_in_transaction: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Runs the subcommand and returns the exit code.
pub fn run(args: LintArgs) -> u8 {
    let options = LintOptions {
        pg_version: args.pg_version,
        assume_in_transaction: args.assume_in_transaction,
    };
    if let Err(message) = options.validate() {
        eprintln!("pgdojo lint: {message}");
        return 2;
    }
    let mut reports: Vec<(String, LintReport)> = Vec::with_capacity(args.files.len());
    for file in &args.files {
        match read_input(file) {
            Ok(text) => reports.push((display_name(file), lint(&text, options))),
            Err(message) => {
                eprintln!("pgdojo lint: {message}");
                return 2;
            }
        }
    }
    if let Err(message) = print(args.format, &reports) {
        eprintln!("pgdojo lint: {message}");
        return 2;
    }
    u8::from(reports.iter().any(|(_, r)| r.has_errors()))
}

fn display_name(file: &str) -> String {
    if file == "-" {
        "<stdin>".to_string()
    } else {
        file.to_string()
    }
}

fn print(format: Format, reports: &[(String, LintReport)]) -> Result<(), String> {
    let mut out = String::new();
    match format {
        Format::Sarif => {
            let log = render::sarif(reports);
            out = serde_json::to_string_pretty(&log).map_err(|e| e.to_string())?;
            out.push('\n');
        }
        _ => {
            for (path, report) in reports {
                match format {
                    Format::Text => out.push_str(&render::text(path, report)),
                    Format::Gcc => out.push_str(&render::gcc(path, report)),
                    Format::Github => out.push_str(&render::github(path, report)),
                    Format::Json => {
                        let mut value = serde_json::to_value(report).map_err(|e| e.to_string())?;
                        if let Some(obj) = value.as_object_mut() {
                            obj.insert("file".into(), serde_json::Value::String(path.clone()));
                        }
                        out.push_str(&serde_json::to_string(&value).map_err(|e| e.to_string())?);
                        out.push('\n');
                    }
                    Format::Sarif => {}
                }
            }
        }
    }
    use std::io::Write;
    std::io::stdout()
        .write_all(out.as_bytes())
        .map_err(|e| format!("cannot write output: {e}"))
}
