// Trunk post-build hook. Runs in the staging directory before Trunk publishes dist/:
//  1. replaces SCRIPT_HASHES in the Content-Security-Policy with the sha256 of every inline script
//     (Trunk writes one to start the wasm), so the policy never needs 'unsafe-inline';
//  2. copies index.html to 404.html and to <page>/index.html for every page in src/routes.rs, so a
//     deep link such as /pgdojo/explain/ cold-starts the app on a static host like GitHub Pages.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR || process.cwd();
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run through trunk build)");
  process.exit(1);
}

const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");

// Inline scripts are <script> tags without a src attribute; hash their exact text.
const hashes = [];
for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  const [, attributes, body] = match;
  if (/\bsrc\s*=/i.test(attributes) || body.trim() === "") continue;
  hashes.push(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
}
const csp = /(<meta http-equiv="Content-Security-Policy" content="[^"]*)SCRIPT_HASHES/;
if (!csp.test(html)) {
  console.error("post-build: index.html has no SCRIPT_HASHES placeholder in its CSP");
  process.exit(1);
}
html = html.replace(csp, (_, head) => head + hashes.join(" "));
writeFileSync(indexPath, html);

// Pages come from src/routes.rs, the single list the router is checked against.
const routes = readFileSync(join(source, "src", "routes.rs"), "utf8");
const pages = [...routes.matchAll(/path:\s*"([^"]+)"/g)].map((m) => m[1]);
if (pages.length === 0) {
  console.error("post-build: found no page paths in src/routes.rs");
  process.exit(1);
}
writeFileSync(join(staging, "404.html"), html);
for (const page of pages) {
  mkdirSync(join(staging, page), { recursive: true });
  writeFileSync(join(staging, page, "index.html"), html);
}
// GitHub Pages must serve the files as they are.
writeFileSync(join(staging, ".nojekyll"), "");
console.log(`post-build: ${hashes.length} inline script hash(es); 404.html and ${pages.length} page folders`);
