//! `pgdojo`: the native command-line tool.
//!
//! Runs the same pure cores as the browser app, so a team can enforce the checks in CI and anyone can
//! verify a result from a shell. Only this binary touches files and standard streams; each
//! subcommand lives in its own module and returns the process exit code.

#[cfg(not(target_arch = "wasm32"))]
mod explain;
#[cfg(not(target_arch = "wasm32"))]
mod input;
#[cfg(not(target_arch = "wasm32"))]
mod lint;
#[cfg(not(target_arch = "wasm32"))]
mod pool;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use clap::Parser;

    let cli = Cli::parse();
    let code = match cli.command {
        Command::Lint(args) => lint::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Pool(args) => pool::run(args),
    };
    std::process::ExitCode::from(code)
}

/// The CLI is native-only; the browser has its own entry point (`src/web.rs`).
#[cfg(target_arch = "wasm32")]
fn main() {}

/// pgdojo: PostgreSQL operations lab — migration linter, EXPLAIN analyser, pool simulator.
#[cfg(not(target_arch = "wasm32"))]
#[derive(clap::Parser, Debug)]
#[command(name = "pgdojo", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[cfg(not(target_arch = "wasm32"))]
#[derive(clap::Subcommand, Debug)]
enum Command {
    /// Lint migrations: locks per statement, what they block, and safer rewrites.
    Lint(lint::LintArgs),
    /// Analyse EXPLAIN output: timings, misestimates, buffers and hints.
    Explain(explain::ExplainArgs),
    /// Simulate connection pools in front of PostgreSQL.
    Pool(pool::PoolArgs),
}
