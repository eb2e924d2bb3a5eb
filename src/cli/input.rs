//! Reading the CLI's inputs: a file path or `-` for standard input.
//!
//! Errors become one clear line for the user (the caller exits with status 2), never a panic.

use std::io::Read;

/// Reads `path` as UTF-8 text; `-` reads standard input.
pub fn read_input(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(text)
    } else {
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        String::from_utf8(bytes).map_err(|_| format!("{path} is not UTF-8 text"))
    }
}
