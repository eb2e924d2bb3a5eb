//! The pinned tool versions in `tools/versions.env` agree with every file that repeats them.

use std::fs;

fn pinned(name: &str) -> String {
    let env = fs::read_to_string("tools/versions.env").expect("tools/versions.env");
    env.lines()
        .find_map(|l| l.strip_prefix(&format!("{name}=")))
        .unwrap_or_else(|| panic!("{name} missing from tools/versions.env"))
        .trim()
        .to_owned()
}

#[test]
fn trunk_pins_the_same_wasm_opt_as_the_npm_package() {
    let binaryen = pinned("BINARYEN_VERSION");
    let trunk = fs::read_to_string("Trunk.toml").expect("Trunk.toml");
    assert!(
        trunk.contains(&format!("wasm_opt = \"version_{binaryen}\"")),
        "Trunk.toml must pin wasm_opt = \"version_{binaryen}\""
    );
    let package: serde_json::Value =
        serde_json::from_str(&fs::read_to_string("package.json").expect("package.json")).unwrap();
    assert_eq!(
        package["devDependencies"]["binaryen"],
        format!("{binaryen}.0.0")
    );
    assert_eq!(
        package["devDependencies"]["playwright-core"],
        pinned("PLAYWRIGHT_CORE_VERSION")
    );
}

#[test]
fn trunk_version_is_the_one_installed_and_used_in_ci() {
    let trunk = pinned("TRUNK_VERSION");
    assert_eq!(
        trunk, "0.21.14",
        "0.22 needs a newer rustc than the project's"
    );
    let workflow = fs::read_to_string(".github/workflows/pages.yml").expect("pages workflow");
    assert!(
        workflow.contains("tools/install.sh"),
        "the Pages workflow installs tools with tools/install.sh (versions from versions.env)"
    );
}

#[test]
fn wasm_bindgen_is_locked() {
    let lock = fs::read_to_string("Cargo.lock").expect("Cargo.lock");
    assert!(
        lock.contains("name = \"wasm-bindgen\"\nversion = \"0.2."),
        "Cargo.lock must pin wasm-bindgen (tools/install.sh installs the matching CLI)"
    );
}

#[test]
fn release_profile_is_tuned_for_small_wasm() {
    let cargo = fs::read_to_string("Cargo.toml").expect("Cargo.toml");
    for line in [
        "opt-level = \"z\"",
        "lto = true",
        "codegen-units = 1",
        "panic = \"abort\"",
    ] {
        assert!(
            cargo.contains(line),
            "Cargo.toml release profile lacks {line}"
        );
    }
    assert!(
        !cargo.contains("strip = true"),
        "strip = true breaks wasm-opt"
    );
}
