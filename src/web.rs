//! Browser entry point: Trunk compiles this binary to WebAssembly and it mounts the Yew app.

#[cfg(target_arch = "wasm32")]
fn main() {
    pgdojo::ui::start();
}

/// Natively there is nothing to mount; the CLI is the `pgdojo` binary.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("pgdojo-web is the browser build: run `make serve`, or use the `pgdojo` CLI");
    std::process::exit(2);
}
