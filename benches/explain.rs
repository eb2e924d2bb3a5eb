//! Parse + analyse + hints throughput on generated plans: a 10,000-node wide plan (TEXT and JSON)
//! and a 300-level deep plan. Criterion reports elements/s, i.e. nodes per second.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use pgdojo::explain::explain;

const TIMES: &str = "(actual time=0.010..1.500 rows=100 loops=1)";

/// Append over `parts` hash joins (4 nodes each): `1 + 4 × parts` nodes, with typical property lines.
fn wide_text(parts: usize) -> String {
    wide_text_with(parts, false)
}

/// [`wide_text`], or with `variant` its "after" version for the compare bench: one extra member in
/// the middle and every seventh outer scan turned into an index scan.
fn wide_text_with(parts: usize, variant: bool) -> String {
    let mut s = String::from(
        "Append  (cost=0.00..99999.00 rows=250000 width=16) (actual time=0.010..900.000 rows=250000 loops=1)\n  Buffers: shared hit=99999\n",
    );
    for i in 0..parts {
        let scan = if variant && i % 7 == 0 {
            format!("Index Scan using part_{i}_idx on part_{i}")
        } else {
            format!("Seq Scan on part_{i}")
        };
        if variant && i == parts / 2 {
            s.push_str(&format!(
                "  ->  Seq Scan on extra_member  (cost=0.00..20.00 rows=1000 width=8) {TIMES}\n"
            ));
        }
        s.push_str(&format!(
            "  ->  Hash Join  (cost=1.00..30.00 rows=100 width=16) {TIMES}\n\
             \x20       Hash Cond: (p{i}.id = q{i}.id)\n\
             \x20       Buffers: shared hit=12 read=3\n\
             \x20       ->  {scan} p{i}  (cost=0.00..20.00 rows=1000 width=8) {TIMES}\n\
             \x20             Filter: (status = 'paid'::text)\n\
             \x20             Rows Removed by Filter: 900\n\
             \x20             Buffers: shared hit=10 read=3\n\
             \x20       ->  Hash  (cost=1.00..1.00 rows=100 width=8) {TIMES}\n\
             \x20             Buckets: 1024  Batches: 1  Memory Usage: 9kB\n\
             \x20             ->  Seq Scan on other_{i} q{i}  (cost=0.00..1.00 rows=100 width=8) {TIMES}\n"
        ));
    }
    s.push_str("Planning Time: 12.000 ms\nExecution Time: 950.000 ms\n");
    s
}

fn json_node(kind: &str, relation: Option<&str>, plans: Vec<String>) -> String {
    let rel = relation
        .map(|r| format!("\"Relation Name\": \"{r}\", \"Alias\": \"{r}\", "))
        .unwrap_or_default();
    let children = if plans.is_empty() {
        String::new()
    } else {
        format!(", \"Plans\": [{}]", plans.join(", "))
    };
    format!(
        "{{\"Node Type\": \"{kind}\", {rel}\"Startup Cost\": 0.00, \"Total Cost\": 20.00, \"Plan Rows\": 1000, \"Plan Width\": 8, \"Actual Startup Time\": 0.010, \"Actual Total Time\": 1.500, \"Actual Rows\": 100, \"Actual Loops\": 1, \"Shared Hit Blocks\": 10, \"Shared Read Blocks\": 3{children}}}"
    )
}

/// The same shape as [`wide_text`] in JSON.
fn wide_json(parts: usize) -> String {
    let members: Vec<String> = (0..parts)
        .map(|i| {
            let scan = json_node("Seq Scan", Some(&format!("part_{i}")), vec![]);
            let inner = json_node("Seq Scan", Some(&format!("other_{i}")), vec![]);
            let hash = json_node("Hash", None, vec![inner]);
            json_node("Hash Join", None, vec![scan, hash])
        })
        .collect();
    format!(
        "[{{\"Plan\": {}, \"Planning Time\": 12.0, \"Execution Time\": 950.0}}]",
        json_node("Append", None, members)
    )
}

/// A chain of `depth` nested nodes (each a child of the previous one).
fn deep_text(depth: usize) -> String {
    let mut s = String::new();
    for level in 0..depth {
        let (indent, arrow) = if level == 0 {
            (String::new(), "")
        } else {
            (" ".repeat(level * 6 - 4), "->  ")
        };
        s.push_str(&format!(
            "{indent}{arrow}Nested Loop  (cost=0.00..{}.00 rows=10 width=8) {TIMES}\n{indent}{}Join Filter: (a.x = b.y)\n",
            depth - level,
            if level == 0 { "  " } else { "      " }
        ));
    }
    s
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("explain");
    let inputs = [
        ("wide-text-10001-nodes", wide_text(2500), 10_001),
        ("wide-json-10001-nodes", wide_json(2500), 10_001),
        ("deep-text-300-levels", deep_text(300), 300),
    ];
    for (name, input, nodes) in &inputs {
        let report = explain(input).expect("generated plan parses");
        assert_eq!(report.plan.node_count(), *nodes, "{name}");
        group.throughput(Throughput::Elements(*nodes as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), input, |b, input| {
            b.iter(|| explain(black_box(input)).map(|r| r.hints.len()))
        });
    }
    group.finish();

    // Tree-aware compare of two 10,001-node plans (the second has 10,002), after parsing.
    let mut group = c.benchmark_group("explain-compare");
    let (before, after) = (wide_text(2500), wide_text_with(2500, true));
    let a = pgdojo::explain::parse(&before).expect("before parses");
    let b = pgdojo::explain::parse(&after).expect("after parses");
    assert_eq!(b.node_count(), 10_002);
    group.throughput(Throughput::Elements(
        (a.node_count() + b.node_count()) as u64,
    ));
    group.bench_function("wide-10001-vs-10002-nodes", |bench| {
        bench.iter(|| pgdojo::explain::compare::match_plans(black_box(&a), black_box(&b)).len())
    });
    // The dynamic programme near its cap: 500 Append members a side (250,000 cells), none identical
    // (every relation renamed), so no member is peeled off and every pair is scored.
    let renamed = wide_text(500)
        .replace("part_", "renamed_")
        .replace("other_", "elsewhere_");
    let (a, b) = (
        pgdojo::explain::parse(&wide_text(500)).expect("parses"),
        pgdojo::explain::parse(&renamed).expect("parses"),
    );
    group.throughput(Throughput::Elements(
        (a.node_count() + b.node_count()) as u64,
    ));
    group.bench_function("append-500-members-renamed", |bench| {
        bench.iter(|| pgdojo::explain::compare::match_plans(black_box(&a), black_box(&b)).len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
