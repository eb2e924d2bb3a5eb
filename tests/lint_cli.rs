//! `pgdojo lint` as a user runs it: exit codes, the JSON contract of issue 3, and the other formats.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const DANGEROUS: &str = "tests/fixtures/lint/cli/dangerous.sql";
const SAFE: &str = "tests/fixtures/lint/cli/safe.sql";

fn pgdojo(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pgdojo"))
        .arg("lint")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run pgdojo");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("write stdin");
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().expect("pgdojo output")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

#[test]
fn exit_codes() {
    assert_eq!(pgdojo(&[DANGEROUS], None).status.code(), Some(1));
    assert_eq!(pgdojo(&[SAFE], None).status.code(), Some(0));
    assert_eq!(pgdojo(&["no/such/file.sql"], None).status.code(), Some(2));
    assert_eq!(
        pgdojo(&[SAFE, "--pg-version", "9"], None).status.code(),
        Some(2)
    );
    assert_eq!(
        pgdojo(&[SAFE, "--format", "xml"], None).status.code(),
        Some(2)
    );
    // One bad file among good ones is still an I/O error.
    assert_eq!(pgdojo(&[SAFE, "missing.sql"], None).status.code(), Some(2));
}

#[test]
fn json_has_the_contract_fields() {
    let out = pgdojo(&[DANGEROUS, "--format", "json", "--pg-version", "16"], None);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "one object per file");
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(v["pg_version"], 16);
    let s = &v["statements"][0];
    assert_eq!(s["index"], 0);
    assert_eq!(s["line"], 2);
    assert_eq!(s["column"], 1);
    assert_eq!(s["end_line"], 2);
    assert_eq!(s["end_column"], 56);
    assert_eq!(
        s["sql"],
        "ALTER TABLE users ADD COLUMN phone VARCHAR(20) NOT NULL"
    );
    assert_eq!(s["kind"], "alter-table");
    assert_eq!(s["analysed"], true);
    assert_eq!(s["in_transaction"], false);
    assert_eq!(s["locks"][0]["relation"], "users");
    assert_eq!(s["locks"][0]["mode"], "ACCESS EXCLUSIVE");
    assert_eq!(s["blocks"][0], "SELECT");
    assert_eq!(s["blocks"][2], "INSERT/UPDATE/DELETE");
    assert_eq!(s["rewrite"], false);
    assert_eq!(s["scan"], false);
    let f = s["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "adding-required-field")
        .expect("adding-required-field finding");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["line"], 2);
    assert_eq!(f["column"], 1);
    assert!(f["message"].as_str().is_some_and(|m| m.contains("users")));
    assert!(f["help"].as_str().is_some_and(|h| !h.is_empty()));
    let idx = &v["statements"][1];
    assert_eq!(idx["locks"][0]["mode"], "SHARE");
    assert_eq!(idx["scan"], true);
}

#[test]
fn stdin_and_several_files() {
    let out = pgdojo(&["-", "--format", "json"], Some("CREATE INDEX i ON t (a);"));
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(v["statements"][0]["kind"], "create-index");
    let out = pgdojo(&[SAFE, DANGEROUS, "--format", "json"], None);
    assert_eq!(stdout(&out).lines().count(), 2);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn assume_in_transaction_flag() {
    let sql = "CREATE INDEX CONCURRENTLY i ON t (a);";
    let out = pgdojo(
        &["-", "--format", "json", "--assume-in-transaction"],
        Some(sql),
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(v["statements"][0]["in_transaction"], true);
    assert!(stdout(&out).contains("concurrently-in-transaction"));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn other_formats() {
    let gcc = stdout(&pgdojo(&[DANGEROUS, "--format", "gcc"], None));
    assert!(gcc.contains(&format!("{DANGEROUS}:2:1: error: ")));
    assert!(gcc.contains("[adding-required-field]"));
    let gh = stdout(&pgdojo(&[DANGEROUS, "--format", "github"], None));
    assert!(gh.starts_with(&format!("::error file={DANGEROUS},line=2,col=1,")));
    let sarif: serde_json::Value =
        serde_json::from_str(&stdout(&pgdojo(&[DANGEROUS, "--format", "sarif"], None)))
            .expect("sarif json");
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert!(results
        .iter()
        .any(|r| r["ruleId"] == "adding-required-field"
            && r["locations"][0]["physicalLocation"]["region"]["startLine"] == 2));
    let text = stdout(&pgdojo(&[DANGEROUS], None));
    assert!(text.contains("ACCESS EXCLUSIVE on users"));
    assert!(text.contains("error [adding-required-field]"));
}
