// Bundles the explorer and GraphiQL into dist/ so the service can serve them with no CDN.
import { cpSync } from "node:fs";
import { build } from "esbuild";

await build({
  entryPoints: { explorer: "src/main.js", graphiql: "src/graphiql.jsx" },
  bundle: true,
  minify: true,
  sourcemap: false,
  format: "iife",
  target: "es2020",
  outdir: "dist",
  loader: { ".tsv": "text", ".svg": "dataurl", ".woff": "dataurl", ".woff2": "dataurl", ".ttf": "dataurl" },
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});
cpSync("public", "dist", { recursive: true });
console.log("built web/dist");
