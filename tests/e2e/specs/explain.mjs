// The EXPLAIN visualizer page: parse as you type (TEXT and JSON), tree, tabs, hints, share link,
// export, errors, and a generated 3,600-node plan.
import { assert, equal } from "../assert.mjs";
import { pasteAndTime } from "../paste.mjs";

const TEXT_PLAN = `Hash Join  (cost=30.50..95.20 rows=1200 width=40) (actual time=0.410..2.950 rows=1180 loops=1)
  Hash Cond: (o.customer_id = c.id)
  Buffers: shared hit=48
  ->  Seq Scan on orders o  (cost=0.00..52.00 rows=1200 width=24) (actual time=0.008..0.900 rows=1180 loops=1)
        Buffers: shared hit=40
  ->  Hash  (cost=18.00..18.00 rows=1000 width=20) (actual time=0.380..0.381 rows=1000 loops=1)
        Buckets: 1024  Batches: 1  Memory Usage: 60kB
        Buffers: shared hit=8
        ->  Seq Scan on customers c  (cost=0.00..18.00 rows=1000 width=20) (actual time=0.004..0.150 rows=1000 loops=1)
              Buffers: shared hit=8
Planning Time: 0.150 ms
Execution Time: 3.120 ms
`;

// TEXT_PLAN with a Materialize inserted between the Hash Join and its outer scan.
const EXTRA_NODE_PLAN = TEXT_PLAN.replace(
  "  ->  Seq Scan on orders o  (cost=0.00..52.00 rows=1200 width=24) (actual time=0.008..0.900 rows=1180 loops=1)\n        Buffers: shared hit=40\n",
  "  ->  Materialize  (cost=0.00..58.00 rows=1200 width=24) (actual time=0.010..1.100 rows=1180 loops=1)\n" +
    "        Buffers: shared hit=40\n" +
    "        ->  Seq Scan on orders o  (cost=0.00..52.00 rows=1200 width=24) (actual time=0.008..0.900 rows=1180 loops=1)\n" +
    "              Buffers: shared hit=40\n",
);

// A parallel scan whose first worker did most of the work (VERBOSE-style worker lines).
const SKEWED_PLAN = `Gather  (cost=1000.00..12000.00 rows=300000 width=8) (actual time=0.300..95.000 rows=330000 loops=1)
  Workers Planned: 3
  Workers Launched: 2
  Buffers: shared hit=1500 read=300
  ->  Parallel Seq Scan on events  (cost=0.00..11000.00 rows=100000 width=8) (actual time=0.010..60.000 rows=110000 loops=3)
        Filter: (kind = 'click'::text)
        Buffers: shared hit=1500 read=300
        Worker 0:  actual time=0.012..90.000 rows=290000 loops=1
          Buffers: shared hit=1300 read=250
        Worker 1:  actual time=0.011..30.000 rows=25000 loops=1
          Buffers: shared hit=120 read=30
Planning Time: 0.100 ms
Execution Time: 96.000 ms
`;

const JSON_PLAN = JSON.stringify([
  {
    Plan: {
      "Node Type": "Limit",
      "Startup Cost": 0.0,
      "Total Cost": 0.35,
      "Plan Rows": 10,
      "Plan Width": 4,
      "Actual Startup Time": 0.01,
      "Actual Total Time": 0.02,
      "Actual Rows": 10,
      "Actual Loops": 1,
      Plans: [
        {
          "Node Type": "Seq Scan",
          "Parent Relationship": "Outer",
          "Relation Name": "items",
          Alias: "items",
          "Startup Cost": 0.0,
          "Total Cost": 35.5,
          "Plan Rows": 2550,
          "Plan Width": 4,
          "Actual Startup Time": 0.008,
          "Actual Total Time": 0.015,
          "Actual Rows": 10,
          "Actual Loops": 1,
        },
      ],
    },
    "Planning Time": 0.05,
    "Execution Time": 0.04,
  },
]);

const AUTO_EXPLAIN = `2024-05-01 10:00:00 UTC [77] LOG:  duration: 3.100 ms  plan:
Query Text: select count(*) from t where a > 10
Aggregate  (cost=20.00..20.01 rows=1 width=8) (actual time=3.000..3.001 rows=1 loops=1)
  ->  Seq Scan on t  (cost=0.00..18.50 rows=600 width=0) (actual time=0.010..2.900 rows=590 loops=1)
        Filter: (a > 10)
        Rows Removed by Filter: 410
`;

/** A partitioned-table scan: an Append over `partitions` Seq Scans (partitions + 1 nodes). */
function partitionPlan(partitions) {
  const lines = [
    `Append  (cost=0.00..${partitions * 10}.00 rows=${partitions * 100} width=8) (actual time=0.010..${(partitions * 0.02).toFixed(3)} rows=${partitions * 97} loops=1)`,
  ];
  for (let i = 1; i <= partitions; i += 1) {
    const name = `events_p${String(i).padStart(4, "0")}`;
    lines.push(`  ->  Seq Scan on ${name} events_${i}  (cost=0.00..10.00 rows=100 width=8) (actual time=0.003..0.015 rows=97 loops=1)`);
    lines.push(`        Filter: (kind = 'click'::text)`);
    lines.push(`        Rows Removed by Filter: 3`);
  }
  lines.push("Planning Time: 25.000 ms", `Execution Time: ${(partitions * 0.02 + 1).toFixed(3)} ms`);
  return lines.join("\n") + "\n";
}

/** A chain of `depth` nested nodes (deeply nested views and subqueries look like this). */
function deepPlan(depth) {
  const lines = [];
  for (let d = 0; d < depth; d += 1) {
    const head = d === 0 ? "" : " ".repeat(2 + 6 * (d - 1)) + "->  ";
    const node = d === depth - 1 ? "Seq Scan on leaf" : "Subquery Scan on level" + d;
    const t = ((depth - d) * 0.01).toFixed(3);
    lines.push(`${head}${node}  (cost=0.00..${depth - d}.00 rows=1 width=4) (actual time=0.001..${t} rows=1 loops=1)`);
  }
  lines.push(`Execution Time: ${(depth * 0.01 + 0.1).toFixed(3)} ms`);
  return lines.join("\n") + "\n";
}

/** A 360 px phone in the dark theme, the narrow look every table must survive. */
const PHONE_DARK = { viewport: { width: 360, height: 740 }, colorScheme: "dark" };

/** The two looks a layout test checks, with their screenshot names: wide and light, phone and dark. */
const looks = (shot) => [
  [{}, shot],
  [PHONE_DARK, `${shot}-phone-dark`],
];

async function openExplain(ctx, options) {
  const page = await ctx.newPage(options);
  await page.goto(ctx.url("explain/"));
  await page.waitForSelector("#explain-input", { timeout: 15000 });
  return page;
}

/** Sets the editor's text the way a paste does (one input event). */
async function paste(page, text) {
  await page.evaluate((text) => {
    const area = document.querySelector("#explain-input");
    area.value = text;
    area.dispatchEvent(new InputEvent("input", { bubbles: true }));
  }, text);
}

const treeRows = (page) => page.$$eval("#explain-tree .tree-row[data-node]", (els) => els.length);
const summary = (page) => page.textContent("#explain-summary");

export const tests = [
  {
    name: "pasting a TEXT plan shows the tree with every node, the summary and node details",
    async run(ctx) {
      const page = await openExplain(ctx);
      await paste(page, TEXT_PLAN);
      await page.waitForFunction(() => document.querySelector("#explain-node-count")?.textContent === "4 nodes");
      equal(await treeRows(page), 4, "tree rows");
      const text = await summary(page);
      assert(text.includes("TEXT input") && text.includes("Execution 3.120 ms"), `summary: ${text}`);
      const names = await page.$$eval("#explain-tree .node-name", (els) => els.map((e) => e.textContent));
      equal(names.join(","), "Hash Join,Seq Scan,Hash,Seq Scan", "node names in plan order");
      // Selecting a node shows all its fields.
      await page.click('#explain-tree [data-node="3"] .tree-node');
      await page.waitForSelector("#explain-detail");
      const detail = await page.textContent("#explain-detail");
      assert(detail.includes("customers") && detail.includes("Actual total ms"), `detail: ${detail}`);
      // Collapsing the Hash hides its child; the toggle is a keyboard-reachable button.
      await page.focus('#explain-tree [data-node="2"] .tree-toggle');
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.querySelectorAll("#explain-tree .tree-row[data-node]").length === 3);
      equal(await page.getAttribute('#explain-tree [data-node="2"] .tree-toggle', "aria-expanded"), "false", "aria-expanded");
      await page.waitForFunction(() => document.activeElement.classList.contains("tree-toggle"));
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.querySelectorAll("#explain-tree .tree-row[data-node]").length === 4);
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.querySelectorAll("#explain-tree .tree-row[data-node]").length === 3);
      // Another metric for the bars.
      await page.selectOption("#explain-metric", "rows");
      await page.waitForFunction(() => document.querySelector('#explain-tree [data-node="1"] .node-value').textContent === "1,180");
      // Arrow keys: down moves the focus, left collapses, right expands.
      await page.focus('#explain-tree [data-node="0"] .tree-node');
      await page.keyboard.press("ArrowDown");
      equal(await page.evaluate(() => document.activeElement.closest(".tree-row").dataset.node), "1", "focus after ArrowDown");
      await page.focus('#explain-tree [data-node="0"] .tree-node');
      await page.keyboard.press("ArrowLeft");
      await page.waitForFunction(() => document.querySelectorAll("#explain-tree .tree-row[data-node]").length === 1);
      await page.waitForFunction(() => document.activeElement.closest?.(".tree-row")?.dataset.node === "0");
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction(() => document.querySelectorAll("#explain-tree .tree-row[data-node]").length === 3);
      await ctx.screenshot(page, "explain-text");
    },
  },
  {
    name: "JSON input parses the same way",
    async run(ctx) {
      const page = await openExplain(ctx);
      await paste(page, JSON_PLAN);
      await page.waitForFunction(() => document.querySelector("#explain-node-count")?.textContent === "2 nodes");
      assert((await summary(page)).includes("JSON input"), "format detected");
      const names = await page.$$eval("#explain-tree .tree-node", (els) => els.map((e) => e.textContent));
      assert(names[1].includes("Seq Scan") && names[1].includes("items"), `second node: ${names[1]}`);
    },
  },
  {
    name: "not a plan: a clear message, and the page keeps working",
    async run(ctx) {
      const page = await openExplain(ctx);
      await paste(page, "hello, this is not a plan\n");
      await page.waitForSelector("#explain-error");
      assert((await page.textContent("#explain-error")).includes("does not look like an EXPLAIN plan"), "message");
      await paste(page, TEXT_PLAN);
      await page.waitForSelector("#explain-tree");
    },
  },
  {
    name: "tabs switch between tree, grid, hints, flame, raw and query (mouse and arrow keys)",
    async run(ctx) {
      const page = await openExplain(ctx);
      await page.selectOption("#explain-example", "cte-subplans");
      await page.waitForFunction(() => document.querySelector("#explain-node-count")?.textContent === "7 nodes");
      await page.click("#explain-tab-1");
      await page.waitForSelector("#explain-grid");
      equal(await page.$$eval("#explain-grid tbody tr", (els) => els.length), 7, "grid rows");
      // Sorting by plan order puts the root first.
      await page.click('#explain-grid th:nth-child(1) button');
      equal(await page.textContent("#explain-grid tbody tr:first-child td:first-child"), "0", "sorted by plan order");
      await page.focus("#explain-tab-1");
      await page.keyboard.press("ArrowRight");
      await page.waitForSelector("#explain-hints, #explain-hints-empty");
      equal(await page.getAttribute("#explain-tab-2", "aria-selected"), "true", "arrow key selects the next tab");
      await page.click("#explain-tab-3");
      await page.waitForSelector("#explain-flame");
      const boxes = await page.$$eval("#explain-flame .flame-box", (els) => els.length);
      assert(boxes >= 5, `flame boxes: ${boxes}`);
      await page.click('#explain-flame .flame-box[data-node="1"]');
      await page.waitForSelector('#explain-flame .flame-box.selected[data-node="1"]');
      await ctx.screenshot(page, "explain-flame");
      await page.click("#explain-tab-4");
      assert((await page.textContent("#explain-raw")).includes("CTE totals"), "raw input shown");
      // Node lines link to their nodes: 7 nodes, 7 clickable lines; the selection shows in the editor.
      equal(await page.$$eval("#explain-raw .raw-node-line", (els) => els.length), 7, "linked node lines");
      await page.click('#explain-raw .raw-node-line[data-node="6"]');
      await page.waitForSelector('#explain-raw .raw-node-line.selected[data-node="6"]');
      assert((await page.textContent("#explain-raw .raw-node-line.selected")).includes("Index Scan using orders_pkey"), "line of node 6");
      await page.waitForSelector(".editor-band-mark");
      // No Query Text in this plan: the user pastes the query; the selected node's table is marked.
      await page.click("#explain-tab-5");
      await page.fill("#explain-query-input", "SELECT t.order_id, (SELECT o.customer_id FROM orders o WHERE o.id = t.order_id)\nFROM totals t ORDER BY t.total DESC");
      await page.waitForSelector("#explain-query mark");
      const marks = await page.$$eval("#explain-query mark", (els) => els.map((e) => e.textContent));
      assert(marks.includes("orders") && marks.includes("order_id"), `marks: ${marks}`);
    },
  },
  {
    name: "a JSON plan pasted from psql links its Raw tab lines to their nodes",
    async run(ctx) {
      const page = await openExplain(ctx);
      // psql prints a JSON plan as one cell: a header, a rule, `+` at each line's end, a footer.
      const body = JSON.stringify(JSON.parse(JSON_PLAN), null, 2).split("\n");
      const width = Math.max(...body.map((l) => l.length));
      const framed = [" QUERY PLAN", "-".repeat(width + 2)]
        .concat(body.map((l, i) => ` ${l.padEnd(width)}${i + 1 < body.length ? "+" : ""}`))
        .concat(["(1 row)", ""])
        .join("\n");
      await paste(page, framed);
      await page.waitForFunction(() => document.querySelector("#explain-node-count")?.textContent === "2 nodes");
      await page.click("#explain-tab-4");
      await page.waitForSelector("#explain-raw");
      equal(await page.$$eval("#explain-raw .raw-node-line", (els) => els.length), 2, "one linked line per node");
      const line = '#explain-raw .raw-node-line[data-node="1"]';
      assert((await page.textContent(line)).includes('"Node Type": "Seq Scan"'), "node 1's line names it");
      await page.click(line);
      await page.waitForSelector('#explain-raw .raw-node-line.selected[data-node="1"]');
      equal(await page.getAttribute(line, "aria-pressed"), "true", "the selected line says so");
      await ctx.screenshot(page, "explain-raw-json");
      // The editor's band marks the same line (psql's header shifts it by two).
      await page.waitForSelector(".editor-band-mark");
      // The tree's detail panel shows the node that line belongs to.
      await page.click("#explain-tab-0");
      await page.waitForSelector("#explain-detail");
      const detail = await page.textContent("#explain-detail");
      assert(detail.includes("#1") && detail.includes("items"), `detail: ${detail}`);
    },
  },
  {
    name: "hints are listed with evidence, fix and docs; clicking one selects its node in the tree",
    async run(ctx) {
      const page = await openExplain(ctx);
      await page.selectOption("#explain-example", "bad-estimate");
      await page.waitForFunction(() => document.querySelector("#explain-node-count")?.textContent === "3 nodes");
      const badges = await page.$$eval("#explain-tree .hint-badge", (els) => els.map((e) => e.textContent));
      assert(badges.includes("misestimate"), `badges on nodes: ${badges}`);
      assert((await page.$$("#explain-tree .node-misestimate.under")).length >= 1, "misestimate arrow");
      await page.click("#explain-tab-2");
      await page.waitForSelector("#explain-hints");
      const ids = await page.$$eval("#explain-hints .hint-id", (els) => els.map((e) => e.textContent));
      assert(ids.includes("misestimate") && ids.includes("nested-loop-many-loops"), `hints: ${ids}`);
      const first = "#explain-hints li:first-child";
      assert((await page.$$(`${first} .evidence li`)).length >= 1, "evidence numbers");
      assert((await page.getAttribute(`${first} a`, "href")).includes("postgresql.org/docs"), "docs link");
      await ctx.screenshot(page, "explain-hints");
      await page.click(`${first} .hint-node`);
      await page.waitForSelector("#explain-tree .tree-row.selected");
      equal(await page.getAttribute("#explain-tab-0", "aria-selected"), "true", "back on the tree tab");
      await page.waitForSelector("#explain-detail");
    },
  },
  {
    name: "an auto_explain log entry shows its query text with the selected node's table highlighted",
    async run(ctx) {
      const page = await openExplain(ctx);
      await paste(page, AUTO_EXPLAIN);
      await page.waitForFunction(() => document.querySelector("#explain-node-count")?.textContent === "2 nodes");
      await page.click('#explain-tree [data-node="1"] .tree-node');
      await page.click("#explain-tab-5");
      await page.waitForSelector("#explain-query mark");
      const marks = await page.$$eval("#explain-query mark", (els) => els.map((e) => e.textContent));
      equal(marks.join(","), "t,a", "highlighted relation and filter column");
      assert((await page.textContent("#explain-query")).includes("select count(*) from t where a > 10"), "query text");
    },
  },
  {
    name: "compare: a second plan is matched node by node with time deltas",
    async run(ctx) {
      const page = await openExplain(ctx);
      await paste(page, TEXT_PLAN);
      await page.waitForSelector("#explain-tree");
      await page.click("#explain-tab-6");
      await page.waitForSelector("#explain-compare-input");
      const faster = TEXT_PLAN.replace("actual time=0.410..2.950", "actual time=0.210..1.450").replace("Execution Time: 3.120 ms", "Execution Time: 1.600 ms");
      await page.fill("#explain-compare-input", faster);
      await page.waitForSelector("#explain-compare");
      const text = await page.textContent("#explain-compare-summary");
      assert(text.includes("4 matched, 0 changed, 0 added, 0 removed") && text.includes("Total time: -1.520 ms"), `summary: ${text}`);
      equal(await page.$$eval("#explain-compare tbody tr", (els) => els.length), 4, "compare rows");
      assert((await page.$$("#explain-compare td.better")).length >= 1, "a faster node is marked better");
      await ctx.screenshot(page, "explain-compare");
    },
  },
  {
    name: "compare: an extra node in the middle leaves the rows after it matched",
    async run(ctx) {
      for (const [options, shot] of looks("explain-compare-extra")) {
        const page = await openExplain(ctx, options);
        await paste(page, TEXT_PLAN);
        await page.waitForSelector("#explain-tree");
        await page.click("#explain-tab-6");
        await page.waitForSelector("#explain-compare-input");
        await page.fill("#explain-compare-input", EXTRA_NODE_PLAN);
        await page.waitForSelector("#explain-compare");
        const text = await page.textContent("#explain-compare-summary");
        assert(text.includes("4 matched, 0 changed, 1 added, 0 removed"), `summary: ${text}`);
        const rows = await page.$$eval("#explain-compare tbody tr", (els) =>
          els.map((e) => [e.dataset.a ?? "", e.dataset.b ?? "", e.querySelector(".match-badge").textContent]),
        );
        equal(JSON.stringify(rows), JSON.stringify([
          ["0", "0", "same"], ["", "1", "added"], ["1", "2", "same"], ["2", "3", "same"], ["3", "4", "same"],
        ]), "aligned rows");
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert(overflow <= 0, `overflows by ${overflow} px`);
        await ctx.screenshot(page, shot);
      }
    },
  },
  {
    name: "compare: a scan replaced by an index scan is marked changed, in words as well as colour",
    async run(ctx) {
      const page = await openExplain(ctx);
      await paste(page, TEXT_PLAN);
      await page.waitForSelector("#explain-tree");
      await page.click("#explain-tab-6");
      await page.waitForSelector("#explain-compare-input");
      await page.fill("#explain-compare-input", TEXT_PLAN.replace("Seq Scan on orders o", "Index Scan using orders_customer_idx on orders o"));
      await page.waitForSelector("#explain-compare");
      const text = await page.textContent("#explain-compare-summary");
      assert(text.includes("3 matched, 1 changed, 0 added, 0 removed"), `summary: ${text}`);
      const row = await page.textContent("#explain-compare tbody tr.match-changed");
      assert(row.includes("changed") && row.includes("Seq Scan on orders o → Index Scan using orders_customer_idx on orders o"), `row: ${row}`);
      await ctx.screenshot(page, "explain-compare-changed");
    },
  },
  {
    name: "workers: the detail panel splits a parallel node by worker, with the leader and a skew note",
    async run(ctx) {
      for (const [options, shot] of looks("explain-workers")) {
        const page = await openExplain(ctx, options);
        await paste(page, SKEWED_PLAN);
        await page.waitForSelector("#explain-tree");
        await page.click('#explain-tree [data-node="1"] .tree-node');
        await page.waitForSelector("#explain-workers");
        const rows = await page.$$eval("#explain-workers tbody tr", (els) => els.map((e) => e.textContent));
        equal(rows.length, 3, "two workers and the leader");
        assert(rows[0].includes("Worker 0") && rows[0].includes("290,000") && rows[0].includes("88%"), `worker 0: ${rows[0]}`);
        assert(rows[2].includes("Leader") && rows[2].includes("15,000"), `leader: ${rows[2]}`);
        const note = await page.textContent("#explain-workers-skew");
        assert(note.includes("1.8×"), `skew note: ${note}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert(overflow <= 0, `overflows by ${overflow} px`);
        await page.$eval("#explain-workers", (el) => el.scrollIntoView());
        await ctx.screenshot(page, shot);
      }
    },
  },
  {
    name: "the draft survives a reload and a share link round-trips the plan",
    async run(ctx) {
      const page = await openExplain(ctx, { permissions: ["clipboard-read", "clipboard-write"] });
      await paste(page, TEXT_PLAN);
      await page.waitForFunction(() => document.querySelector("#explain-node-count")?.textContent === "4 nodes");
      await page.reload();
      await page.waitForSelector("#explain-input");
      equal(await page.inputValue("#explain-input"), TEXT_PLAN, "draft after reload");
      await page.click(".share-button");
      await page.waitForSelector(".share-status");
      const link = await page.evaluate(() => navigator.clipboard.readText());
      assert(link.includes("#v1."), `link carries the plan: ${link}`);
      const other = await ctx.newPage();
      await other.goto(link);
      await other.waitForSelector("#explain-tree");
      equal(await other.inputValue("#explain-input"), TEXT_PLAN, "plan from the link");
      equal(await other.textContent("#explain-node-count"), "4 nodes", "tree from the link");
      const broken = await ctx.newPage();
      await broken.goto(ctx.url("explain/#v1.not-a-real-link"));
      await broken.waitForSelector(".banner-error");
      assert((await broken.textContent(".banner-error")).includes("shared plan"), "broken link explained");
    },
  },
  {
    name: "exports the normalised plan as JSON, and the flame graph and the tree as SVG and PNG",
    async run(ctx) {
      const page = await openExplain(ctx);
      await paste(page, TEXT_PLAN);
      await page.waitForSelector("#explain-tree");
      const [json] = await Promise.all([page.waitForEvent("download"), page.click("#explain-export-json")]);
      equal(json.suggestedFilename(), "plan.json", "JSON file name");
      const body = JSON.parse(await streamText(await json.createReadStream()));
      equal(body.plan.root.node_type, "Hash Join", "normalised root");
      equal(body.plan.root.children.length, 2, "children kept");
      const [svg] = await Promise.all([page.waitForEvent("download"), page.click("#explain-export-svg")]);
      equal(svg.suggestedFilename(), "plan-flame.svg", "SVG file name");
      const markup = await streamText(await svg.createReadStream());
      assert(markup.includes("<svg") && markup.includes("Hash Join"), "SVG holds the graph");
      assert(/<svg[^>]* height="\d+/.test(markup), "the SVG file has its own size");
      const [png] = await Promise.all([page.waitForEvent("download"), page.click("#explain-export-png")]);
      equal(png.suggestedFilename(), "plan-flame.png", "PNG file name");
      const bytes = await streamBytes(await png.createReadStream());
      equal(bytes.subarray(1, 4).toString("latin1"), "PNG", "PNG signature");
      assert(bytes.length > 1000, `PNG size ${bytes.length}`);
      await page.click("#explain-tab-0");
      const [tree] = await Promise.all([page.waitForEvent("download"), page.click("#explain-export-tree-svg")]);
      equal(tree.suggestedFilename(), "plan-tree.svg", "tree SVG file name");
      const treeMarkup = await streamText(await tree.createReadStream());
      assert(treeMarkup.includes("Seq Scan on customers c"), "tree SVG lists the nodes");
      const [treePng] = await Promise.all([page.waitForEvent("download"), page.click("#explain-export-tree-png")]);
      equal((await streamBytes(await treePng.createReadStream())).subarray(1, 4).toString("latin1"), "PNG", "tree PNG");
    },
  },
  {
    name: "a generated 3,600-node plan shows its tree quickly, folding similar partitions",
    async run(ctx) {
      const text = partitionPlan(3599);
      // The target is under 1 s. A shared machine adds noise, so the best of up to three
      // pastes (each on a fresh page) is held to it; every attempt is printed.
      const times = [];
      let page;
      for (let attempt = 0; attempt < 3 && !(times.length && Math.min(...times) < 1000); attempt += 1) {
        if (page) {
          // A fresh start: no draft of the previous attempt's plan to load.
          await page.evaluate(() => localStorage.clear());
          await page.close();
        }
        page = await openExplain(ctx);
        const draft = await page.inputValue("#explain-input");
        assert(!draft.includes("events_p3599"), "the attempt starts without the big plan");
        times.push(
          await pasteAndTime(page, "#explain-input", text, () =>
            document.querySelector("#explain-node-count")?.textContent === "3,600 nodes" &&
            document.querySelector("#explain-tree .tree-more"),
          ),
        );
      }
      console.log(`     (3,600-node plan parsed, analysed and its tree shown in ${times.map(Math.round).join(", ")} ms)`);
      assert(Math.min(...times) < 1000, `the tree took ${times.map(Math.round).join(", ")} ms, target under 1000`);
      equal(await treeRows(page), 4, "Append + 3 partitions before the fold");
      assert((await page.textContent("#explain-tree .tree-more")).includes("3596 more similar"), "fold label");
      await page.click("#explain-tree .tree-more-button");
      await page.waitForSelector("#explain-tree-more");
      const rows = await treeRows(page);
      assert(rows >= 100 && rows <= 400, `rows are capped: ${rows}`);
      await page.click("#explain-tree-more");
      await page.waitForFunction((n) => document.querySelectorAll("#explain-tree .tree-row[data-node]").length > n, rows);
      await ctx.screenshot(page, "explain-3600");
    },
  },
  {
    name: "a 300-deep nested plan renders its tree and flame graph",
    async run(ctx) {
      const page = await openExplain(ctx);
      await paste(page, deepPlan(300));
      await page.waitForFunction(() => document.querySelector("#explain-node-count")?.textContent === "300 nodes");
      equal(await treeRows(page), 300, "every level is a row");
      await page.click("#explain-tab-3");
      await page.waitForSelector("#explain-flame");
      const boxes = await page.$$eval("#explain-flame .flame-box", (els) => els.length);
      equal(boxes, 300, "flame boxes");
    },
  },
  {
    name: "dark theme and a 360 px phone: the page fits without horizontal scrolling",
    async run(ctx) {
      const page = await openExplain(ctx, PHONE_DARK);
      await page.selectOption("#explain-example", "parallel-aggregate");
      await page.waitForSelector("#explain-tree");
      await page.click('#explain-tree [data-node="4"] .tree-node');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert(overflow <= 0, `overflows by ${overflow} px`);
      await ctx.screenshot(page, "explain-phone-dark");
    },
  },
];

async function streamBytes(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function streamText(stream) {
  return (await streamBytes(stream)).toString("utf8");
}
