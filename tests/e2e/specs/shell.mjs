// The app shell: deep links, header navigation, theme, keyboard, layout, CSP and the panic panel.
import { assert, equal } from "../assert.mjs";

/** Every page: its path below the public URL, the route the app reports and its heading. */
const PAGES = [
  { path: "", route: "Home", heading: "pgdojo", shot: "home" },
  { path: "lint/", route: "Lint", heading: "Migration linter", shot: "lint" },
  { path: "explain/", route: "Explain", heading: "EXPLAIN visualizer", shot: "explain" },
  { path: "pool/", route: "Pool", heading: "Pool workshop", shot: "pool" },
  { path: "about/", route: "About", heading: "About pgdojo", shot: "about" },
];

async function waitForRoute(page, route) {
  await page.waitForSelector(`main#main[data-route="${route}"]`, { timeout: 15000 });
}

export const tests = [
  {
    name: "every page cold-loads from a deep link, with and without the trailing slash",
    async run(ctx) {
      const page = await ctx.newPage();
      for (const { path, route, heading, shot } of PAGES) {
        for (const variant of path ? [path, path.slice(0, -1)] : [""]) {
          const response = await page.goto(ctx.url(variant));
          equal(response.status(), 200, `status of ${variant || "/"}`);
          await waitForRoute(page, route);
          equal((await page.textContent("main h1")).trim(), heading, `heading of ${variant || "/"}`);
          assert((await page.title()).includes("pgdojo"), `title of ${variant} mentions pgdojo`);
        }
        await ctx.screenshot(page, `page-${shot}`);
      }
    },
  },
  {
    name: "an unknown path gets the app's not-found page through 404.html",
    async run(ctx) {
      const page = await ctx.newPage();
      const response = await page.goto(ctx.url("no/such/page"));
      equal(response.status(), 404, "status");
      // The browser logs the 404 status of the document itself.
      ctx.expectConsoleError("status of 404");
      await waitForRoute(page, "NotFound");
      equal((await page.textContent("main h1")).trim(), "Page not found", "heading");
      await page.click("main a");
      await waitForRoute(page, "Home");
      equal(new URL(page.url()).pathname, ctx.base, "link back to the start page");
    },
  },
  {
    name: "the header navigates between the tools and marks the current one",
    async run(ctx) {
      const page = await ctx.newPage();
      await page.goto(ctx.url());
      await waitForRoute(page, "Home");
      for (const { route, heading, path } of PAGES.slice(1)) {
        await page.click(`.site-nav a:has-text("${heading === "About pgdojo" ? "About" : heading}")`);
        await waitForRoute(page, route);
        equal(new URL(page.url()).pathname, ctx.base + path.slice(0, -1), `URL after clicking ${route}`);
        const current = await page.$$eval('.site-nav [aria-current="page"]', (els) =>
          els.map((e) => e.textContent.trim()),
        );
        equal(current.length, 1, `one current link on ${route}`);
      }
      await page.goBack();
      await waitForRoute(page, "Pool");
      await page.click(".brand");
      await waitForRoute(page, "Home");
    },
  },
  {
    name: "the theme toggle cycles auto, light, dark and is remembered across reloads",
    async run(ctx) {
      const page = await ctx.newPage({ colorScheme: "light" });
      await page.goto(ctx.url("about/"));
      await waitForRoute(page, "About");
      const theme = () => page.getAttribute("html", "data-theme");
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      equal(await theme(), "auto", "initial theme");
      const lightBackground = await background();
      await page.click("#theme-toggle");
      equal(await theme(), "light", "after one click");
      await page.click("#theme-toggle");
      equal(await theme(), "dark", "after two clicks");
      assert((await background()) !== lightBackground, "dark theme changes the background");
      await ctx.screenshot(page, "theme-dark");
      await page.reload();
      await waitForRoute(page, "About");
      equal(await theme(), "dark", "after reload");
      equal(await page.getAttribute("#theme-toggle", "data-theme-choice"), "dark", "toggle state after reload");
      await page.click("#theme-toggle");
      equal(await theme(), "auto", "after three clicks");
      await page.reload();
      await waitForRoute(page, "About");
      equal(await theme(), "auto", "auto after reload");
    },
  },
  {
    name: "auto theme follows the system colour scheme; an explicit choice overrides it",
    async run(ctx) {
      const page = await ctx.newPage({ colorScheme: "dark" });
      await page.goto(ctx.url());
      await waitForRoute(page, "Home");
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      equal(await background(), "rgb(15, 20, 27)", "dark background under a dark system preference");
      await page.click("#theme-toggle");
      equal(await page.getAttribute("html", "data-theme"), "light", "explicit light");
      equal(await background(), "rgb(247, 248, 250)", "light background despite the dark system");
    },
  },
  {
    name: "keyboard users reach the skip link, the tools and the toggle with a visible focus ring",
    async run(ctx) {
      const page = await ctx.newPage();
      await page.goto(ctx.url());
      await waitForRoute(page, "Home");
      await page.keyboard.press("Tab");
      equal(await page.evaluate(() => document.activeElement.className), "skip-link", "first Tab stop");
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert(outline !== "none", "focused element shows an outline");
      await page.keyboard.press("Enter");
      equal(await page.evaluate(() => location.hash), "#main", "skip link jumps to the content");
      const stops = [];
      await page.focus(".brand");
      for (let i = 0; i < 6; i += 1) {
        await page.keyboard.press("Tab");
        stops.push(await page.evaluate(() => document.activeElement.textContent.trim()));
      }
      for (const label of ["Migration linter", "EXPLAIN visualizer", "Pool workshop", "About", "auto"]) {
        assert(stops.some((s) => s.includes(label)), `Tab reaches "${label}" (stops: ${stops.join(" | ")})`);
      }
      await page.focus('.site-nav a:has-text("Pool workshop")');
      await page.keyboard.press("Enter");
      await waitForRoute(page, "Pool");
    },
  },
  {
    name: "a 360 px phone shows every page without horizontal scrolling",
    async run(ctx) {
      const page = await ctx.newPage({ viewport: { width: 360, height: 740 } });
      for (const { path, route, shot } of PAGES) {
        await page.goto(ctx.url(path));
        await waitForRoute(page, route);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert(overflow <= 0, `${route} overflows by ${overflow} px at 360 px`);
        await ctx.screenshot(page, `phone-${shot}`);
      }
    },
  },
  {
    name: "the page loads only from its own origin under a strict CSP, fonts included",
    async run(ctx) {
      const page = await ctx.newPage();
      const violations = [];
      await page.exposeFunction("reportViolation", (v) => violations.push(v));
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) =>
          window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      await page.goto(ctx.url("explain/"));
      await waitForRoute(page, "Explain");
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
      assert(csp.includes("default-src 'self'"), "CSP restricts to self");
      assert(!csp.includes("SCRIPT_HASHES"), "post-build hook filled the script hashes");
      assert(!/script-src[^;]*'unsafe-inline'/.test(csp), "no unsafe-inline scripts");
      await page.evaluate(() => document.fonts.ready);
      const fontLoaded = await page.evaluate(() => document.fonts.check('16px "Inter Variable"'));
      assert(fontLoaded, "the bundled Inter font is loaded");
      equal(violations.length, 0, `CSP violations (${violations.join(", ")})`);
    },
  },
  {
    name: "a panic shows the error panel with a copyable message instead of a dead page",
    async run(ctx) {
      ctx.expectConsoleError("deliberate panic");
      ctx.expectConsoleError(/unreachable|RuntimeError/);
      // The debug page has no folder of its own: 404.html serves it.
      ctx.expectConsoleError("status of 404");
      const page = await ctx.newPage({ permissions: ["clipboard-read", "clipboard-write"] });
      await page.goto(ctx.url("debug/panic"));
      await page.waitForSelector("#panic-panel", { timeout: 15000 });
      const message = await page.inputValue("#panic-message");
      assert(message.includes("deliberate panic"), `panel shows the panic message: ${message}`);
      equal(await page.getAttribute("#panic-panel", "role"), "alertdialog", "panel role");
      // The copy button works although the wasm has aborted (static/copy.js needs no wasm).
      await page.click("#panic-panel button");
      await page.waitForSelector('#panic-panel button:has-text("Copied")');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      equal(copied, message, "clipboard holds the message");
      await ctx.screenshot(page, "panic-panel");
    },
  },
];
