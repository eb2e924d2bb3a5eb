//! Every parsed node records the input line it is written on (`Node::source_line`), in all four
//! formats, counted in the text as pasted, i.e. before psql's header, `+` markers and frames are
//! removed. The Raw tab links lines to nodes with it.

use pgdojo::explain::{parse, InputFormat, Node};
use std::path::Path;

const DIR: &str = "tests/fixtures/explain/pg15";

/// The text a node's line must contain for its format.
fn expected_on_line(node: &Node, format: InputFormat) -> String {
    match format {
        InputFormat::Text => node.display_name.clone(),
        InputFormat::Json => format!("\"Node Type\": \"{}\"", node.node_type),
        InputFormat::Yaml => format!("Node Type: \"{}\"", node.node_type),
        InputFormat::Xml => format!("<Node-Type>{}</Node-Type>", node.node_type),
    }
}

/// Parses `input` and checks every node's line names that node, and that lines grow in pre-order
/// (each node is written after its parent and its earlier siblings). Returns the lines.
fn check(label: &str, input: &str, format: InputFormat) -> Vec<usize> {
    let plan = parse(input).unwrap_or_else(|e| panic!("{label}: {e}"));
    assert_eq!(plan.input_format, format, "{label}: format");
    let lines: Vec<&str> = input.split('\n').collect();
    let mut previous = None;
    let mut out = Vec::new();
    for (i, node) in plan.preorder().into_iter().enumerate() {
        let at = node
            .source_line
            .unwrap_or_else(|| panic!("{label}: node {i} ({}) has no line", node.node_type));
        let line = lines.get(at).copied().unwrap_or("");
        let want = expected_on_line(node, format);
        assert!(
            line.contains(&want),
            "{label}: node {i} points at line {at} {line:?}, which does not contain {want:?}"
        );
        assert!(
            previous.is_none_or(|p| p < at),
            "{label}: node {i} line {at} not after {previous:?}"
        );
        previous = Some(at);
        out.push(at);
    }
    out
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(DIR).join(name)).expect("fixture exists")
}

/// Wraps a document the way psql prints a one-cell result in aligned mode: header, rule, each
/// line with one space of padding and a `+` newline marker, and the `(1 row)` footer.
fn psql_cell(document: &str) -> String {
    let lines: Vec<&str> = document.trim_end().lines().collect();
    let width = lines.iter().map(|l| l.len()).max().unwrap_or(0);
    let mut out = format!(" {:^width$} \n{}\n", "QUERY PLAN", "-".repeat(width + 2));
    for (i, line) in lines.iter().enumerate() {
        let marker = if i + 1 < lines.len() { "+" } else { "" };
        out.push_str(&format!(" {line:<width$}{marker}\n"));
    }
    out.push_str("(1 row)\n");
    out
}

#[test]
fn every_capture_points_each_node_at_its_line() {
    let mut names: Vec<String> = std::fs::read_dir(DIR)
        .expect("fixture dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_suffix(".txt").map(str::to_string))
        .collect();
    names.sort();
    assert!(names.len() >= 15, "captures missing: {names:?}");
    for name in names {
        let mut counts = Vec::new();
        for (ext, format) in [
            ("txt", InputFormat::Text),
            ("json", InputFormat::Json),
            ("yaml", InputFormat::Yaml),
            ("xml", InputFormat::Xml),
        ] {
            let label = format!("{name}.{ext}");
            counts.push(check(&label, &fixture(&label), format).len());
        }
        assert!(
            counts.windows(2).all(|w| w[0] == w[1]),
            "{name}: {counts:?}"
        );
    }
}

#[test]
fn psql_decorated_input_counts_lines_as_pasted() {
    // The TEXT captures are psql output: a centred header and a rule precede the root.
    let text = fixture("hash_batches.txt");
    assert!(text.trim_start().starts_with("QUERY PLAN"));
    let lines = check("psql text", &text, InputFormat::Text);
    assert_eq!(lines[0], 2, "root after the header and the rule");

    // JSON pasted from psql: every line but the last ends in `+`, two lines of header on top.
    let json = fixture("parallel_hash_join.json");
    let bare = check("bare json", &json, InputFormat::Json);
    let framed = check("psql json", &psql_cell(&json), InputFormat::Json);
    let shifted: Vec<usize> = bare.iter().map(|l| l + 2).collect();
    assert_eq!(
        framed, shifted,
        "psql's header moves every node two lines down"
    );

    let yaml = fixture("cte_subplans.yaml");
    let bare = check("bare yaml", &yaml, InputFormat::Yaml);
    let framed = check("psql yaml", &psql_cell(&yaml), InputFormat::Yaml);
    assert_eq!(framed, bare.iter().map(|l| l + 2).collect::<Vec<_>>());

    let xml = fixture("memoize.xml");
    let bare = check("bare xml", &xml, InputFormat::Xml);
    let framed = check("psql xml", &psql_cell(&xml), InputFormat::Xml);
    assert_eq!(framed, bare.iter().map(|l| l + 2).collect::<Vec<_>>());
}

#[test]
fn lines_dropped_by_cleanup_still_count() {
    // A preamble, a prompt line and blank lines before the plan; pgAdmin-style quoting.
    let input = "Some preamble the user copied\n\n\"Limit  (cost=0.00..0.10 rows=1 width=4)\"\n\"  ->  Seq Scan on t  (cost=0.00..1.10 rows=10 width=4)\"\n\"        Filter: (a > 1)\"\n\"  ->  Seq Scan on u  (cost=0.00..1.10 rows=10 width=4)\"";
    let plan = parse(input).expect("parses");
    let lines: Vec<Option<usize>> = plan.preorder().iter().map(|n| n.source_line).collect();
    assert_eq!(lines, [Some(2), Some(3), Some(5)]);

    // psql `\x` expanded output drops the record and separator lines.
    let expanded = "-[ RECORD 1 ]------------------------------------------------------\nQUERY PLAN | Hash Join  (cost=1.00..2.00 rows=1 width=8)\n-[ RECORD 2 ]------------------------------------------------------\nQUERY PLAN |   Hash Cond: (a.id = b.id)\n-[ RECORD 3 ]------------------------------------------------------\nQUERY PLAN |   ->  Seq Scan on a  (cost=0.00..1.00 rows=1 width=4)\n-[ RECORD 4 ]------------------------------------------------------\nQUERY PLAN |   ->  Hash  (cost=1.00..1.00 rows=1 width=4)";
    let plan = parse(expanded).expect("parses");
    let lines: Vec<Option<usize>> = plan.preorder().iter().map(|n| n.source_line).collect();
    assert_eq!(lines, [Some(1), Some(5), Some(7)]);

    // One-line JSON: every node is on line 0.
    let one_line = r#"[{"Plan": {"Node Type": "Limit", "Plans": [{"Node Type": "Seq Scan", "Relation Name": "t", "Alias": "t"}]}}]"#;
    let plan = parse(one_line).expect("parses");
    assert!(plan.preorder().iter().all(|n| n.source_line == Some(0)));
}
