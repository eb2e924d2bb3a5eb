//! `pgdojo lint`: lints migration files with the [`pgdojo::lint`] core.

use crate::input::read_input;

/// Arguments of `pgdojo lint`.
#[derive(clap::Args, Debug)]
pub struct LintArgs {
    /// Migration files to lint; `-` reads standard input.
    #[arg(default_value = "-")]
    pub files: Vec<String>,
}

/// Runs the subcommand and returns the exit code (2 on usage or I/O errors).
pub fn run(args: LintArgs) -> u8 {
    for file in &args.files {
        if let Err(message) = read_input(file) {
            eprintln!("pgdojo lint: {message}");
            return 2;
        }
    }
    eprintln!("pgdojo lint: the migration linter core is not available in this build yet");
    2
}
