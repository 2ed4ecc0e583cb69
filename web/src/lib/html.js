// Text put into HTML: every character that could open a tag, an entity or end an attribute
// is written as a character reference.

export function escapeHtml(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
