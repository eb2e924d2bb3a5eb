//! Example plans for the EXPLAIN visualizer's gallery: `EXPLAIN (ANALYZE, BUFFERS)` TEXT output of
//! the situations the page is built to explain. Written for pgdojo on an imaginary shop schema
//! (`orders`, `customers`, `order_items`, `events`); the numbers are consistent with each other so the
//! analysis and the hints behave as they would on a real server. `tests/gallery_plans.rs` holds each
//! example to its promise.

/// One gallery entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanExample {
    /// Stable id, used in the page's example picker and in tests.
    pub id: &'static str,
    pub title: &'static str,
    /// One sentence on what the example shows.
    pub lesson: &'static str,
    pub plan: &'static str,
    /// Hint ids the example is meant to raise.
    pub expected_hints: &'static [&'static str],
}

/// The gallery, in the order the page lists it.
pub const PLAN_EXAMPLES: [PlanExample; 4] = [
    PlanExample {
        id: "parallel-aggregate",
        title: "Parallel aggregate (two workers)",
        lesson: "Each worker aggregates its share of the table, Gather Merge combines the sorted \
                 partial groups, and the leader finalises them.",
        plan: PARALLEL_AGGREGATE,
        expected_hints: &[],
    },
    PlanExample {
        id: "disk-sort",
        title: "A sort that spills to disk",
        lesson:
            "work_mem is too small for the sort, so it writes runs to temporary files and merges \
                 them (external merge).",
        plan: DISK_SORT,
        expected_hints: &["disk-sort"],
    },
    PlanExample {
        id: "bad-estimate",
        title: "Bad row estimate under a nested loop",
        lesson: "The planner expected a handful of recent orders, got fifty thousand, and chose a \
                 nested loop that runs its inner index scan once per row.",
        plan: BAD_ESTIMATE,
        expected_hints: &["misestimate", "nested-loop-many-loops", "seq-scan-filter"],
    },
    PlanExample {
        id: "cte-subplans",
        title: "CTE, InitPlan and SubPlan",
        lesson:
            "A CTE computed once and scanned, an InitPlan that runs once before the main plan, and \
                 a correlated SubPlan that runs once per output row.",
        plan: CTE_SUBPLANS,
        expected_hints: &[],
    },
];

/// The example with this id.
pub fn plan_example(id: &str) -> Option<&'static PlanExample> {
    PLAN_EXAMPLES.iter().find(|e| e.id == id)
}

const PARALLEL_AGGREGATE: &str = "\
Finalize GroupAggregate  (cost=25147.31..25169.54 rows=5 width=44) (actual time=211.208..215.884 rows=5 loops=1)
  Group Key: status
  Buffers: shared hit=3412 read=9114
  ->  Gather Merge  (cost=25147.31..25169.39 rows=10 width=44) (actual time=211.175..215.851 rows=15 loops=1)
        Workers Planned: 2
        Workers Launched: 2
        Buffers: shared hit=3412 read=9114
        ->  Sort  (cost=24147.29..24147.30 rows=5 width=44) (actual time=205.517..205.519 rows=5 loops=3)
              Sort Key: status
              Sort Method: quicksort  Memory: 25kB
              Buffers: shared hit=3412 read=9114
              Worker 0:  Sort Method: quicksort  Memory: 25kB
              Worker 1:  Sort Method: quicksort  Memory: 25kB
              ->  Partial HashAggregate  (cost=24147.17..24147.23 rows=5 width=44) (actual time=205.468..205.472 rows=5 loops=3)
                    Group Key: status
                    Batches: 1  Memory Usage: 24kB
                    Buffers: shared hit=3398 read=9114
                    Worker 0:  Batches: 1  Memory Usage: 24kB
                    Worker 1:  Batches: 1  Memory Usage: 24kB
                    ->  Parallel Seq Scan on orders  (cost=0.00..20813.83 rows=666667 width=12) (actual time=0.031..71.902 rows=533333 loops=3)
                          Buffers: shared hit=3398 read=9114
Planning:
  Buffers: shared hit=16
Planning Time: 0.212 ms
Execution Time: 216.034 ms
";

const DISK_SORT: &str = "\
Sort  (cost=187204.84..189704.84 rows=1000000 width=44) (actual time=1523.118..1874.520 rows=1000000 loops=1)
  Sort Key: created_at DESC, id
  Sort Method: external merge  Disk: 55864kB
  Buffers: shared hit=2112 read=10388, temp read=6983 written=6999
  ->  Seq Scan on orders  (cost=0.00..22500.00 rows=1000000 width=44) (actual time=0.019..118.406 rows=1000000 loops=1)
        Buffers: shared hit=2112 read=10388
Planning Time: 0.095 ms
Execution Time: 1921.337 ms
";

const BAD_ESTIMATE: &str = "\
Nested Loop  (cost=0.86..1210.45 rows=12 width=56) (actual time=0.061..1432.812 rows=50112 loops=1)
  Buffers: shared hit=201004 read=9211
  ->  Seq Scan on orders o  (cost=0.00..1120.00 rows=12 width=24) (actual time=0.021..96.704 rows=50112 loops=1)
        Filter: ((status = 'shipped'::text) AND (created_at > '2024-06-01 00:00:00+00'::timestamp with time zone))
        Rows Removed by Filter: 949888
        Buffers: shared hit=2112 read=10388
  ->  Index Scan using customers_pkey on customers c  (cost=0.43..7.52 rows=1 width=32) (actual time=0.025..0.025 rows=1 loops=50112)
        Index Cond: (id = o.customer_id)
        Buffers: shared hit=198892 read=1180
Planning Time: 0.388 ms
Execution Time: 1441.097 ms
";

const CTE_SUBPLANS: &str = "\
Sort  (cost=3871.55..3873.80 rows=900 width=48) (actual time=58.911..59.004 rows=612 loops=1)
  Sort Key: t.total DESC
  Sort Method: quicksort  Memory: 73kB
  Buffers: shared hit=4650
  CTE totals
    ->  HashAggregate  (cost=2695.00..2740.00 rows=3000 width=40) (actual time=40.118..41.574 rows=3000 loops=1)
          Group Key: order_items.order_id
          Batches: 1  Memory Usage: 913kB
          Buffers: shared hit=1395
          ->  Seq Scan on order_items  (cost=0.00..1945.00 rows=150000 width=14) (actual time=0.010..11.227 rows=150000 loops=1)
                Buffers: shared hit=1395
  InitPlan 2 (returns $1)
    ->  Aggregate  (cost=67.50..67.51 rows=1 width=32) (actual time=4.882..4.883 rows=1 loops=1)
          ->  CTE Scan on totals totals_1  (cost=0.00..60.00 rows=3000 width=32) (actual time=0.001..4.310 rows=3000 loops=1)
  ->  CTE Scan on totals t  (cost=0.00..1019.00 rows=900 width=48) (actual time=40.131..58.412 rows=612 loops=1)
        Filter: (total > $1)
        Rows Removed by Filter: 2388
        Buffers: shared hit=3255
        SubPlan 3
          ->  Index Scan using orders_pkey on orders o  (cost=0.29..8.31 rows=1 width=8) (actual time=0.004..0.004 rows=1 loops=612)
                Index Cond: (id = t.order_id)
                Buffers: shared hit=1860
Planning Time: 0.301 ms
Execution Time: 59.384 ms
";
