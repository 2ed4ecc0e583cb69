// Text put into HTML (lib/html.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { escapeHtml } from "../src/lib/html.js";

test("markup characters become character references", () => {
  assert.equal(
    escapeHtml(`<a href="x">Tom & 'Jerry'</a>`),
    "&#60;a href=&#34;x&#34;&#62;Tom &#38; &#39;Jerry&#39;&#60;/a&#62;",
  );
});

test("plain text, accents and dashes pass as they are", () => {
  assert.equal(escapeHtml("Gödel, Escher – Bach…"), "Gödel, Escher – Bach…");
});

test("nothing is the empty string, and numbers are text", () => {
  assert.equal(escapeHtml(null), "");
  assert.equal(escapeHtml(undefined), "");
  assert.equal(escapeHtml(42), "42");
  assert.equal(escapeHtml(0), "0");
});

test("an escaped text cannot close an attribute", () => {
  const value = escapeHtml(`" onmouseover="alert(1)`);
  assert.ok(!value.includes('"'));
  assert.equal(value, "&#34; onmouseover=&#34;alert(1)");
});
