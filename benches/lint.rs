//! Criterion bench: lint a generated 10,000-statement migration (throughput in statements/s).

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use pgdojo::lint::{lint, LintOptions};

/// Statement templates covering the lock model's main paths; `{n}` makes names unique.
const TEMPLATES: &[&str] = &[
    "ALTER TABLE users_{n} ADD COLUMN phone_{n} varchar(20) NOT NULL",
    "CREATE INDEX CONCURRENTLY idx_{n} ON orders ((lower(email)), created_at) WHERE deleted_at IS NULL",
    "ALTER TABLE orders ADD CONSTRAINT fk_{n} FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID",
    "ALTER TABLE orders VALIDATE CONSTRAINT fk_{n}",
    "UPDATE users SET plan = 'free' WHERE id BETWEEN {n} AND {n} + 1000",
    "SELECT $$ body ; with ; semicolons $$, 'it''s', E'x\\'y' FROM t_{n}",
    "/* block /* nested */ comment */ ALTER TABLE t_{n} ALTER COLUMN c TYPE bigint",
    "REINDEX INDEX CONCURRENTLY idx_{n}",
    "CREATE TABLE new_{n} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, user_id bigint REFERENCES users (id), payload jsonb, created_at timestamptz NOT NULL DEFAULT now())",
    "BEGIN",
    "ALTER TABLE accounts ALTER COLUMN email SET NOT NULL",
    "COMMIT",
];

/// A migration of `count` statements, one per line.
fn migration(count: usize) -> String {
    let mut out = String::from("SET lock_timeout = '2s';\n");
    for n in 1..count {
        out.push_str(&TEMPLATES[n % TEMPLATES.len()].replace("{n}", &n.to_string()));
        out.push_str(";\n");
    }
    out
}

fn bench(c: &mut Criterion) {
    let text = migration(10_000);
    let mut group = c.benchmark_group("lint");
    group.sample_size(10);
    group.throughput(Throughput::Elements(10_000));
    group.bench_function("10k_statements", |b| {
        b.iter(|| lint(black_box(&text), LintOptions::default()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
