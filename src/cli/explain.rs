//! `pgdojo explain`: analyses EXPLAIN output with the [`pgdojo::explain`] core.

use crate::input::read_input;

/// Arguments of `pgdojo explain`.
#[derive(clap::Args, Debug)]
pub struct ExplainArgs {
    /// File holding the EXPLAIN output; `-` reads standard input.
    #[arg(default_value = "-")]
    pub file: String,
}

/// Runs the subcommand and returns the exit code (2 when the input cannot be read or is not a plan).
pub fn run(args: ExplainArgs) -> u8 {
    if let Err(message) = read_input(&args.file) {
        eprintln!("pgdojo explain: {message}");
        return 2;
    }
    eprintln!("pgdojo explain: the EXPLAIN analyser core is not available in this build yet");
    2
}
