// The migration linter page: lint as you type, lock badges, findings, options, examples, draft and
// share link.
import { assert, equal } from "../assert.mjs";
import { pasteAndTime } from "../paste.mjs";

const DANGEROUS = `-- Dangerous in production
ALTER TABLE users ADD COLUMN phone VARCHAR(20) NOT NULL;
CREATE INDEX idx_users_email ON users (email);
`;

async function openLinter(ctx, options) {
  const page = await ctx.newPage(options);
  await page.goto(ctx.url("lint/"));
  await page.waitForSelector("#lint-sql", { timeout: 15000 });
  return page;
}

const summaryText = (page) => page.textContent("#lint-summary");

export const tests = [
  {
    name: "pasting a dangerous migration shows lock badges and findings",
    async run(ctx) {
      const page = await openLinter(ctx);
      await page.fill("#lint-sql", DANGEROUS);
      await page.waitForFunction(() => document.querySelectorAll(".statement").length === 2);
      const badges = await page.$$eval(".statement .locks .lock-badge", (els) => els.map((e) => e.textContent));
      assert(badges.some((b) => b.includes("ACCESS EXCLUSIVE") && b.includes("users")), `badges: ${badges}`);
      assert(badges.some((b) => b.includes("SHARE") && b.includes("users")), `index badge: ${badges}`);
      const readBlocking = await page.$$(".statement .lock-badge.impact-reads");
      assert(readBlocking.length >= 1, "the ACCESS EXCLUSIVE badge is coloured as blocking reads");
      const rules = await page.$$eval(".finding .rule-id", (els) => els.map((e) => e.textContent));
      assert(rules.includes("adding-required-field"), `rules: ${rules}`);
      assert(rules.includes("require-concurrent-index-creation"), `rules: ${rules}`);
      assert((await summaryText(page)).includes("Not safe"), "verdict says not safe");
      // The safe rewrite is there to copy, and the rule's docs are one click away.
      assert((await page.$$(".finding .safe-sql pre")).length >= 1, "a safe rewrite is shown");
      await page.click(".finding .rule-doc summary");
      assert(await page.isVisible(".finding .rule-doc[open] a"), "rule docs open with a docs link");
      // The overview lists the worst finding first and jumps to its statement.
      const first = await page.textContent(".overview-list li:first-child");
      assert(first.startsWith("error"), `worst first: ${first}`);
      await page.click(".overview-list li:first-child button");
      await page.waitForSelector(".statement.selected");
      await page.waitForSelector(".editor-band-mark");
      // Selecting a statement highlights it in the editor.
      await page.click("#statement-1 .statement-head");
      await page.waitForSelector("#statement-1.selected");
      await ctx.screenshot(page, "lint-dangerous");
    },
  },
  {
    name: "options change the analysis: PostgreSQL version and transaction wrapping",
    async run(ctx) {
      const page = await openLinter(ctx);
      await page.fill("#lint-sql", "CREATE INDEX CONCURRENTLY idx ON orders (user_id);\n");
      await page.waitForFunction(() => document.querySelectorAll(".statement").length === 1);
      const before = await page.$$eval(".finding .rule-id", (els) => els.map((e) => e.textContent));
      assert(!before.includes("concurrently-in-transaction"), `no transaction finding yet: ${before}`);
      await page.check("#lint-assume-tx");
      await page.waitForFunction(() =>
        [...document.querySelectorAll(".finding .rule-id")].some((e) => e.textContent === "concurrently-in-transaction"),
      );
      await page.selectOption("#lint-pg-version", "11");
      await page.waitForFunction(() => document.querySelector("#lint-summary").textContent.includes("PostgreSQL 11"));
    },
  },
  {
    name: "examples load, the safe one lints clean, and the draft survives a reload",
    async run(ctx) {
      const page = await openLinter(ctx);
      await page.selectOption("#lint-example", "expand-contract");
      await page.waitForFunction(() => document.querySelector("#lint-sql").value.includes("NOT VALID"));
      assert(!(await summaryText(page)).includes("Not safe"), "the expand/contract example is not flagged");
      equal(await page.$$eval(".finding.severity-error", (e) => e.length), 0, "errors in the safe example");
      await page.fill("#lint-sql", "DROP TABLE legacy_orders;\n");
      await page.waitForFunction(() => document.querySelectorAll(".statement").length === 1);
      await page.reload();
      await page.waitForSelector("#lint-sql");
      equal(await page.inputValue("#lint-sql"), "DROP TABLE legacy_orders;\n", "draft after reload");
      await ctx.screenshot(page, "lint-draft");
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 800 });
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert(overflow <= 0, `the linter overflows by ${overflow} px at ${width} px`);
      }
      await ctx.screenshot(page, "lint-phone");
    },
  },
  {
    name: "a share link round-trips the SQL and the options; a broken link explains itself",
    async run(ctx) {
      const page = await openLinter(ctx, { permissions: ["clipboard-read", "clipboard-write"] });
      await page.fill("#lint-sql", DANGEROUS);
      await page.selectOption("#lint-pg-version", "12");
      await page.check("#lint-assume-tx");
      await page.click(".share-button");
      await page.waitForSelector(".share-status");
      const link = await page.evaluate(() => navigator.clipboard.readText());
      assert(link.includes("#v1."), `link carries the state: ${link}`);
      equal(link, page.url(), "the address bar holds the same link");
      const other = await ctx.newPage();
      await other.goto(link);
      await other.waitForSelector("#lint-sql");
      equal(await other.inputValue("#lint-sql"), DANGEROUS, "SQL from the link");
      equal(await other.inputValue("#lint-pg-version"), "12", "version from the link");
      assert(await other.isChecked("#lint-assume-tx"), "transaction option from the link");
      const broken = await ctx.newPage();
      await broken.goto(ctx.url("lint/#v1.not-a-real-link"));
      await broken.waitForSelector(".banner-error");
      const message = await broken.textContent(".banner-error");
      assert(message.includes("damaged"), `message explains: ${message}`);
      await broken.waitForSelector("#lint-sql");
    },
  },
  {
    name: "a 10,000-statement migration shows its findings",
    async run(ctx) {
      const page = await openLinter(ctx);
      const lines = [];
      for (let i = 0; i < 10000; i += 1) {
        lines.push(i % 2 === 0 ? `CREATE INDEX idx_${i} ON t${i % 50} (c${i});` : `ALTER TABLE t${i % 50} ADD COLUMN c${i} text;`);
      }
      const text = lines.join("\n") + "\n";
      const ms = await pasteAndTime(page, "#lint-sql", text, () =>
        document.querySelector("#lint-summary").textContent.includes("10000 statements"),
      );
      console.log(`     (10,000 statements linted and shown in ${Math.round(ms)} ms)`);
      assert((await page.$$(".finding")).length > 0, "findings are shown");
      assert(await page.isVisible("#lint-show-all"), "long lists render lazily");
    },
  },
  {
    name: "the editor's line numbers follow its scrolling, after typing and after an example loads",
    async run(ctx) {
      const page = await openLinter(ctx);
      const gap = () =>
        page.evaluate(() => {
          const area = document.querySelector("#lint-sql");
          const gutter = area.closest(".code-editor").querySelector(".editor-gutter");
          return { area: area.scrollTop, gutter: gutter.scrollTop };
        });
      const lines = Array.from({ length: 400 }, (_, i) => `ALTER TABLE t${i} ADD COLUMN c text;`).join("\n");
      // One input event, as a paste sends (a fill sends two per line, which Chromium itself makes
      // slow for long texts).
      await page.evaluate((text) => {
        const area = document.querySelector("#lint-sql");
        area.value = text;
        area.dispatchEvent(new InputEvent("input", { bubbles: true }));
      }, lines);
      await page.waitForFunction(() => document.querySelector("#lint-summary").textContent.includes("400 statements"));
      await page.evaluate(() => {
        document.querySelector("#lint-sql").scrollTop = 2000;
      });
      await page.waitForFunction(() => {
        const area = document.querySelector("#lint-sql");
        return area.closest(".code-editor").querySelector(".editor-gutter").scrollTop === area.scrollTop;
      });
      const scrolled = await gap();
      assert(scrolled.area > 1000, `the textarea scrolled: ${scrolled.area}`);
      equal(scrolled.gutter, scrolled.area, "gutter scroll after scrolling");
      // An example replaces the text from outside the textarea; the gutter must follow its reset.
      await page.selectOption("#lint-example", "expand-contract");
      await page.waitForFunction(() => document.querySelector("#lint-sql").value.includes("NOT VALID"));
      await page.waitForFunction(() => {
        const area = document.querySelector("#lint-sql");
        return area.closest(".code-editor").querySelector(".editor-gutter").scrollTop === area.scrollTop;
      });
      const reset = await gap();
      equal(reset.gutter, reset.area, "gutter scroll after an example");
    },
  },
];
