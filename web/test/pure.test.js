// The modules that need no page load in Node as they are, and neither they nor anything they
// import reaches for a package (cytoscape above all) or the page while loading.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const SRC = join(dirname(fileURLToPath(import.meta.url)), "..", "src");

const PURE = [
  "lib/api.js",
  "lib/format.js",
  "lib/html.js",
  "lib/ids.js",
  "graph/placement.js",
  "graph/style.js",
  "components/tabs.js",
  "views/explorer/address.js",
  "views/explorer/queries.js",
  "views/papers/filter.js",
  "views/similar/layout.js",
  "views/similar/legend.js",
  "views/similar/lists.js",
  "views/similar/names.js",
  "views/similar/queries.js",
];

// Every module `path` imports, itself included, by path under src/; packages as they are named.
function imports(path, seen = new Set()) {
  if (seen.has(path)) return seen;
  seen.add(path);
  const text = readFileSync(join(SRC, path), "utf8");
  for (const [, spec] of text.matchAll(/^import\s[^;]*?from\s+"([^"]+)";/gms)) {
    if (spec.startsWith(".")) imports(relative(SRC, join(SRC, dirname(path), spec)), seen);
    else seen.add(spec);
  }
  return seen;
}

for (const path of PURE) {
  test(`${path} loads without a page`, async () => {
    assert.equal(typeof globalThis.document, "undefined");
    assert.equal(typeof globalThis.window, "undefined");
    const module = await import(join(SRC, path));
    assert.ok(Object.keys(module).length > 0, "it exports something");
    const packages = [...imports(path)].filter((p) => !p.endsWith(".js"));
    assert.deepEqual(packages, [], "it imports no package");
  });
}
