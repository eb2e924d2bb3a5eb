// A small static server that serves dist/ under /pgdojo/ the way GitHub Pages does:
// folders redirect to a trailing slash and serve their index.html, and any unknown path gets
// 404.html with status 404 (the app then routes on the client).
// Used by `make serve` and by the end-to-end tests (tests/e2e/run.mjs).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function isDir(path) {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Starts the server; resolves to { server, port, base }. */
export async function startServer({ dir = "dist", port = 0, host = "127.0.0.1", base = "/pgdojo/" } = {}) {
  const root = resolve(dir);
  const notFoundPage = join(root, "404.html");

  async function send(res, status, path, headOnly) {
    const body = await readFile(path);
    res.writeHead(status, {
      "content-type": TYPES[extname(path)] || "application/octet-stream",
      "content-length": body.length,
      "cache-control": "no-cache",
    });
    res.end(headOnly ? undefined : body);
  }

  async function notFound(res, headOnly) {
    if (await isFile(notFoundPage)) return send(res, 404, notFoundPage, headOnly);
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("404 Not Found");
  }

  const server = createServer(async (req, res) => {
    try {
      const headOnly = req.method === "HEAD";
      if (req.method !== "GET" && !headOnly) {
        res.writeHead(405, { allow: "GET, HEAD" });
        return res.end();
      }
      const url = new URL(req.url, "http://localhost");
      let path;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        return notFound(res, headOnly);
      }
      if (path === base.slice(0, -1)) {
        res.writeHead(301, { location: base + url.search });
        return res.end();
      }
      if (!path.startsWith(base)) return notFound(res, headOnly);
      const relative = normalize(path.slice(base.length));
      const target = join(root, relative);
      // Never serve outside dist/.
      if (target !== root && !target.startsWith(root + sep)) return notFound(res, headOnly);
      if (await isDir(target)) {
        if (!path.endsWith("/")) {
          res.writeHead(301, { location: path + "/" + url.search });
          return res.end();
        }
        const index = join(target, "index.html");
        if (await isFile(index)) return send(res, 200, index, headOnly);
        return notFound(res, headOnly);
      }
      if (await isFile(target)) return send(res, 200, target, headOnly);
      return notFound(res, headOnly);
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    }
  });

  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, ok);
  });
  return { server, port: server.address().port, base };
}

// `node tests/e2e/server.mjs --dir dist --port 8080`: serve until interrupted.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const dir = option("--dir", "dist");
  const port = Number(option("--port", "8080"));
  const { port: actual, base } = await startServer({ dir, port });
  console.log(`Serving ${dir}/ at http://127.0.0.1:${actual}${base} (Ctrl-C to stop)`);
}
