//! Architecture invariants, checked by reading the sources:
//! - the pure cores never import browser crates and never touch files, the clock or the environment;
//! - every Rust source file starts with a `//!` module doc;
//! - the router's paths, `src/routes.rs` and `ARCHITECTURE.md` agree.

use std::fs;
use std::path::{Path, PathBuf};

/// Crates that only the UI may use.
const BROWSER_CRATES: [&str; 6] = [
    "yew",
    "yew_router",
    "web_sys",
    "js_sys",
    "gloo",
    "wasm_bindgen",
];

/// Side effects the cores must leave to the UI (DOM, storage, timers) and the CLI (files).
const SIDE_EFFECTS: [&str; 6] = [
    "std::fs",
    "std::net",
    "std::env",
    "std::process",
    "SystemTime",
    "Instant::now",
];

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return files;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// Source files of the pure side of the crate: everything in `src/` except `ui/`, `cli/` and the
/// two binary entry points.
fn core_files() -> Vec<PathBuf> {
    rust_files(Path::new("src"))
        .into_iter()
        .filter(|p| !p.starts_with("src/ui") && !p.starts_with("src/cli") && !p.ends_with("web.rs"))
        .collect()
}

/// The source text without `//` comments, so docs may mention the crates the code must not use.
fn code_without_comments(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn uses_crate(code: &str, krate: &str) -> bool {
    let bytes = code.as_bytes();
    code.match_indices(&format!("{krate}::"))
        .any(|(i, _)| i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_'))
        || code.contains(&format!("extern crate {krate}"))
}

#[test]
fn cores_import_no_browser_crate_and_touch_no_outside_world() {
    let files = core_files();
    // Every pure core is scanned (a renamed or moved core would otherwise escape the check).
    for core in [
        "src/lint",
        "src/explain",
        "src/pool",
        "src/chart",
        "src/gallery",
    ] {
        assert!(
            files.iter().any(|p| p.starts_with(core)),
            "the {core} core is missing from the boundary check"
        );
    }
    let mut offences = Vec::new();
    for path in &files {
        let code = code_without_comments(&fs::read_to_string(path).expect("readable source"));
        for krate in BROWSER_CRATES {
            if uses_crate(&code, krate) {
                offences.push(format!("{} uses {krate}", path.display()));
            }
        }
        for effect in SIDE_EFFECTS {
            if code.contains(effect) {
                offences.push(format!("{} uses {effect}", path.display()));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "core/UI boundary broken:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_boundary_check_sees_imports() {
    assert!(uses_crate("use yew::prelude::*;", "yew"));
    assert!(uses_crate("let d = gloo::utils::document();", "gloo"));
    assert!(!uses_crate("let my_yew::x = 1;", "yew"));
    assert!(!code_without_comments("// uses web_sys::Window").contains("web_sys"));
}

#[test]
fn every_source_file_has_a_module_doc() {
    let mut missing = Vec::new();
    for dir in ["src", "tests", "benches", "fuzz/fuzz_targets"] {
        for path in rust_files(Path::new(dir)) {
            let text = fs::read_to_string(&path).expect("readable source");
            let first = text
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty() && !l.starts_with("#!["));
            if !first.is_some_and(|l| l.starts_with("//!")) {
                missing.push(path.display().to_string());
            }
        }
    }
    assert!(
        missing.is_empty(),
        "files without a //! module doc:\n{}",
        missing.join("\n")
    );
}

#[test]
fn router_paths_match_the_page_list() {
    let router = fs::read_to_string("src/ui/route.rs").expect("router source");
    let mut routed: Vec<String> = router
        .lines()
        .filter_map(|l| l.trim().strip_prefix("#[at(\""))
        .filter_map(|l| l.split('"').next())
        .map(|p| p.trim_start_matches('/').to_owned())
        .collect();
    routed.retain(|p| !p.is_empty() && p != "404" && !p.starts_with("debug/"));
    routed.sort();
    let mut pages: Vec<String> = pgdojo::routes::DEEP_LINKS
        .iter()
        .map(|p| p.path.to_owned())
        .collect();
    pages.sort();
    assert_eq!(routed, pages, "src/ui/route.rs and src/routes.rs disagree");
}

#[test]
fn architecture_md_maps_every_module() {
    let doc = fs::read_to_string("ARCHITECTURE.md").expect("ARCHITECTURE.md");
    for heading in ["Bird's-eye view", "Code map", "Invariants"] {
        assert!(
            doc.contains(heading),
            "ARCHITECTURE.md lacks a \"{heading}\" section"
        );
    }
    let mut missing = Vec::new();
    for entry in fs::read_dir("src").expect("src").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let module = format!("src/{name}");
        let shown = if entry.path().is_dir() {
            format!("`{module}/`")
        } else {
            format!("`{module}`")
        };
        if !doc.contains(&shown) {
            missing.push(shown);
        }
    }
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md's code map misses {}",
        missing.join(", ")
    );
}
