// End-to-end test runner: serves dist/ like GitHub Pages, drives Debian's Chromium with
// playwright-core (no browser download), runs every tests/e2e/specs/*.mjs, and ends with the line
// `N passed, N failed`. Exits non-zero on any failure.
//
// Every page a test opens is watched: a console error, an uncaught exception or a request to any
// origin but the local server fails the test (a test may declare the console errors it expects).
import { mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const dir = option("--dir", "dist");
const only = option("--grep", "");
const screenshots = join(here, "screenshots");
mkdirSync(screenshots, { recursive: true });

const { server, port, base } = await startServer({ dir });
const origin = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
});

/** A fresh browser context per test, so localStorage starts empty. */
function makeContext(testName) {
  const problems = [];
  const expected = [];
  const contexts = [];
  const ctx = {
    origin,
    base,
    /** Absolute URL of a path below the public URL ("" is the home page). */
    url: (path = "") => `${origin}${base}${path}`,
    /** Declares a console error this test provokes on purpose (substring or RegExp). */
    expectConsoleError: (pattern) => expected.push(pattern),
    /** Opens a watched page; options go to browser.newContext (viewport, colorScheme...). */
    async newPage(options = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
      contexts.push(context);
      const page = await context.newPage();
      page.on("console", (message) => {
        if (message.type() === "error") problems.push({ kind: "console error", text: message.text() });
      });
      page.on("pageerror", (error) => problems.push({ kind: "uncaught exception", text: String(error) }));
      page.on("request", (request) => {
        const url = request.url();
        if (url.startsWith("data:") || url.startsWith("blob:")) return;
        if (!url.startsWith(origin + "/")) problems.push({ kind: "foreign request", text: url });
      });
      return page;
    },
    /** Saves a screenshot for humans under tests/e2e/screenshots/ (git-ignored). */
    async screenshot(page, name) {
      await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
    },
  };
  const finish = async () => {
    for (const context of contexts) await context.close();
    const matches = (text) =>
      expected.some((p) => (p instanceof RegExp ? p.test(text) : text.includes(p)));
    return problems.filter((p) => p.kind === "foreign request" || !matches(p.text));
  };
  return { ctx, finish, testName };
}

const specFiles = readdirSync(join(here, "specs")).filter((f) => f.endsWith(".mjs")).sort();
let passed = 0;
let failed = 0;
for (const file of specFiles) {
  const { tests } = await import(pathToFileURL(join(here, "specs", file)).href);
  for (const test of tests) {
    const name = `${file.replace(/\.mjs$/, "")}: ${test.name}`;
    if (only && !name.includes(only)) continue;
    const { ctx, finish } = makeContext(name);
    const started = Date.now();
    let error = null;
    try {
      await test.run(ctx);
    } catch (e) {
      error = e;
    }
    let problems = [];
    try {
      problems = await finish();
    } catch (e) {
      error = error || e;
    }
    const ms = Date.now() - started;
    if (!error && problems.length === 0) {
      passed += 1;
      console.log(`ok   ${name} (${ms} ms)`);
    } else {
      failed += 1;
      console.log(`FAIL ${name} (${ms} ms)`);
      if (error) console.log(`     ${String(error.stack || error).split("\n").join("\n     ")}`);
      for (const p of problems) console.log(`     ${p.kind}: ${p.text}`);
    }
  }
}

await browser.close();
server.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
