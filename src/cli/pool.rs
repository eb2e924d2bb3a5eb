//! `pgdojo pool`: runs the [`pgdojo::pool`] simulator from flags or a scenario file.

/// Arguments of `pgdojo pool`.
#[derive(clap::Args, Debug)]
pub struct PoolArgs {}

/// Runs the subcommand and returns the exit code (2 on usage errors).
pub fn run(_args: PoolArgs) -> u8 {
    eprintln!("pgdojo pool: the pool simulator core is not available in this build yet");
    2
}
