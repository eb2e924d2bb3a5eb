#!/usr/bin/env bash
# Captures EXPLAIN (ANALYZE, BUFFERS) plans in TEXT, JSON, YAML and XML from a private, throw-away
# PostgreSQL cluster, into tests/fixtures/explain/pg<version>/<name>.{txt,json,yaml,xml}.
#
# Not run by the tests: the captured files are committed. Needs the Debian `postgresql` package and
# root (the cluster runs as the `postgres` user on 127.0.0.1, port 54329, data in /tmp).
#
#   tools/capture-explain-fixtures.sh            # capture, then stop and delete the cluster
set -euo pipefail

PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
PORT=${PORT:-54329}
DATA=/tmp/pgdojo-explain-cluster
VERSION=$("$PGBIN/postgres" --version | sed -E 's/.* ([0-9]+)\..*/\1/')
OUT="$(cd "$(dirname "$0")/.." && pwd)/tests/fixtures/explain/pg$VERSION"
mkdir -p "$OUT"

as_pg() { su postgres -s /bin/bash -c "$*"; }

rm -rf "$DATA"
mkdir -p "$DATA" && chown postgres "$DATA"
as_pg "$PGBIN/initdb -D $DATA -A trust -U postgres --no-instructions >/dev/null"
as_pg "$PGBIN/pg_ctl -D $DATA -l $DATA/log -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1' -w start"
trap 'as_pg "$PGBIN/pg_ctl -D $DATA -m fast -w stop" >/dev/null; rm -rf "$DATA"' EXIT

PSQL=(psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1)

"${PSQL[@]}" <<'SQL'
CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, country text NOT NULL);
INSERT INTO customers SELECT g, 'customer ' || g, (ARRAY['fr','de','us','jp'])[1 + g % 4]
FROM generate_series(1, 10000) g;
CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES customers,
                     status text NOT NULL, amount numeric NOT NULL, created_at date NOT NULL);
INSERT INTO orders SELECT g, (1 + (g::bigint * 7919) % 10000)::int,
       (ARRAY['new','paid','shipped','cancelled'])[1 + g % 4] || CASE WHEN g % 1000 = 0 THEN '-rare' ELSE '' END,
       (g % 997) * 1.5, date '2024-01-01' + (g % 365)
FROM generate_series(1, 300000) g;
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE INDEX orders_created_idx ON orders (created_at);
CREATE TABLE "Order Lines" ("order id" int, "line no" int, qty int);
INSERT INTO "Order Lines" SELECT g / 3, g % 3, g % 7 FROM generate_series(1, 30000) g;
CREATE TABLE events (id int, kind int, payload text) PARTITION BY RANGE (id);
CREATE TABLE events_1 PARTITION OF events FOR VALUES FROM (0) TO (50000);
CREATE TABLE events_2 PARTITION OF events FOR VALUES FROM (50000) TO (100000);
INSERT INTO events SELECT g, g % 10, repeat('x', 20) FROM generate_series(0, 99999) g;
CREATE TABLE audit (at timestamptz, what text);
CREATE FUNCTION audit_order() RETURNS trigger LANGUAGE plpgsql AS
$$BEGIN PERFORM pg_sleep(0.0001); INSERT INTO audit VALUES (now(), NEW.status); RETURN NEW; END$$;
CREATE TABLE new_orders (LIKE orders);
ALTER TABLE new_orders ADD FOREIGN KEY (customer_id) REFERENCES customers;
CREATE TRIGGER new_orders_audit AFTER INSERT ON new_orders FOR EACH ROW EXECUTE FUNCTION audit_order();
VACUUM ANALYZE;
-- Inserted after VACUUM so the index-only scan below must visit the heap.
INSERT INTO orders SELECT g, 1 + g % 10000, 'new', 1, date '2025-01-01' FROM generate_series(300001, 320000) g;
ANALYZE orders;
SQL

# name | settings | query   (one per line; settings are `SET ...;` statements run first)
QUERIES=$(cat <<'Q'
parallel_agg|SET parallel_setup_cost=0; SET parallel_tuple_cost=0; SET min_parallel_table_scan_size=0; SET max_parallel_workers_per_gather=2;|SELECT status, count(*), sum(amount) FROM orders GROUP BY status
parallel_hash_join|SET parallel_setup_cost=0; SET parallel_tuple_cost=0; SET min_parallel_table_scan_size=0;|SELECT c.country, count(*) FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY c.country
disk_sort|SET work_mem='64kB'; SET max_parallel_workers_per_gather=0;|SELECT * FROM orders ORDER BY amount, id
hash_batches|SET work_mem='64kB'; SET max_parallel_workers_per_gather=0;|SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id
hashagg_spill|SET work_mem='64kB'; SET max_parallel_workers_per_gather=0; SET enable_sort=off; SET enable_indexscan=off; SET enable_indexonlyscan=off;|SELECT customer_id, count(*) FROM orders GROUP BY customer_id
cte_subplans|SET max_parallel_workers_per_gather=0;|WITH big AS MATERIALIZED (SELECT customer_id, sum(amount) AS total FROM orders GROUP BY customer_id) SELECT c.name, b.total, (SELECT count(*) FROM orders o2 WHERE o2.customer_id = c.id) AS n FROM big b JOIN big b2 ON b2.customer_id = b.customer_id JOIN customers c ON c.id = b.customer_id WHERE b.total > (SELECT avg(total) FROM big) ORDER BY b.total DESC LIMIT 20
memoize|SET enable_hashjoin=off; SET enable_mergejoin=off; SET max_parallel_workers_per_gather=0;|SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.created_at < date '2024-01-20'
seq_scan_filter|SET max_parallel_workers_per_gather=0;|SELECT * FROM orders WHERE status = 'paid-rare'
index_only_heap_fetches|SET enable_seqscan=off; SET enable_bitmapscan=off; SET max_parallel_workers_per_gather=0;|SELECT count(created_at) FROM orders WHERE created_at >= date '2024-12-15'
lossy_bitmap|SET work_mem='64kB'; SET enable_indexscan=off; SET enable_seqscan=off; SET max_parallel_workers_per_gather=0;|SELECT count(*) FROM orders WHERE created_at BETWEEN date '2024-02-01' AND date '2024-08-01'
large_offset|SET max_parallel_workers_per_gather=0;|SELECT * FROM orders ORDER BY id OFFSET 100000 LIMIT 10
incremental_sort|SET max_parallel_workers_per_gather=0;|SELECT * FROM orders ORDER BY created_at, amount LIMIT 50
setops_window|SET max_parallel_workers_per_gather=0;|SELECT customer_id, rank() OVER (ORDER BY customer_id) FROM (SELECT customer_id FROM orders WHERE amount < 10 INTERSECT SELECT id FROM customers WHERE country = 'fr' EXCEPT SELECT v FROM (VALUES (1), (2)) AS t(v)) s
partitions_quoted|SET max_parallel_workers_per_gather=0;|SELECT e.kind, count(*) FROM events e JOIN "Order Lines" ol ON ol."order id" = e.id WHERE e.id < 70000 GROUP BY e.kind
never_executed|SET max_parallel_workers_per_gather=0;|SELECT * FROM customers c WHERE c.id = -1 AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)
trigger_insert|SET max_parallel_workers_per_gather=0;|INSERT INTO new_orders SELECT * FROM orders WHERE id <= 300
jit|SET jit=on; SET jit_above_cost=0; SET jit_inline_above_cost=0; SET jit_optimize_above_cost=0; SET max_parallel_workers_per_gather=0;|SELECT sum(amount * 2), avg(amount) FROM orders WHERE amount > 3
workers_not_launched|SET parallel_setup_cost=0; SET parallel_tuple_cost=0; SET min_parallel_table_scan_size=0; SET max_parallel_workers=0;|SELECT count(*) FROM orders WHERE amount > 100
merge_join_functions|SET enable_hashjoin=off; SET max_parallel_workers_per_gather=0;|SELECT g, c.name FROM generate_series(1, 2000) g JOIN customers c ON c.id = g ORDER BY g
Q
)

while IFS='|' read -r name settings query; do
  [ -z "$name" ] && continue
  for format in text json yaml xml; do
    case $format in text) ext=txt ;; *) ext=$format ;; esac
    options="ANALYZE, BUFFERS, VERBOSE, FORMAT $format"
    # TEXT is captured as psql prints it by default (header, padding, footer): what people paste.
    if [ "$format" = text ]; then flags=(); else flags=(-A -t); fi
    "${PSQL[@]}" "${flags[@]}" <<SQL > "$OUT/$name.$ext"
BEGIN;
$settings
EXPLAIN ($options) $query;
ROLLBACK;
SQL
  done
  echo "captured $name"
done <<< "$QUERIES"
