// What an id names and where its page is. The API's ids say what they name: A… and X… are
// researchers, W… and arXiv:… papers, I… institutions, anything else a topic.

export function kindOf(id) {
  if (/^[AX]\d/.test(id)) return "AUTHOR";
  if (/^W\d/.test(id) || /^arXiv:/i.test(id)) return "PAPER";
  if (/^I\d/.test(id)) return "INSTITUTION";
  return "TOPIC";
}

// The page of a node, from its type or else its id's form.
export function pathOf(id, type) {
  const kind = type ? type.toUpperCase() : kindOf(id);
  const prefix = { AUTHOR: "author", PAPER: "paper", TOPIC: "topic", INSTITUTION: "institution" };
  return `/${prefix[kind] || "paper"}/${encodePath(id)}`;
}

// Ids such as `fields/17` or `cs.LG` stay readable in an address.
export function encodePath(id) {
  return String(id).split("/").map(encodeURIComponent).join("/");
}
