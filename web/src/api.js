// The one way the pages talk to the service: POST /graphql. Errors come back as thrown
// ApiError with the service's code (NOT_FOUND, INVALID_INPUT, NEO4J_UNAVAILABLE, ...).

export class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code || "ERROR";
  }
}

export async function gql(query, variables, signal) {
  let response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError("The service did not answer. Is it running?", "UNREACHABLE");
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The service answered ${response.status} without data.`, "HTTP");
  }
  if (body.errors && body.errors.length) {
    const first = body.errors[0];
    throw new ApiError(body.errors.map((e) => e.message).join("; "), first.extensions?.code);
  }
  return body.data;
}

export function escapeHtml(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// "Jun 12, 2023" from "2023-06-12"; the year alone when the day is unknown.
export function formatDate(date, year) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || "");
  if (!match) return year ? String(year) : "";
  return `${MONTHS[Number(match[2]) - 1]} ${Number(match[3])}, ${match[1]}`;
}

export function plural(count, one, many = `${one}s`) {
  return `${Number(count).toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

// The page of a node, from its id's form (the API's ids say what they name).
export function pathOf(id, type) {
  const kind = type ? type.toUpperCase() : kindOf(id);
  const prefix = { AUTHOR: "author", PAPER: "paper", TOPIC: "topic", INSTITUTION: "institution" };
  return `/${prefix[kind] || "paper"}/${encodePath(id)}`;
}

export function kindOf(id) {
  if (/^[AX]\d/.test(id)) return "AUTHOR";
  if (/^W\d/.test(id) || /^arXiv:/i.test(id)) return "PAPER";
  if (/^I\d/.test(id)) return "INSTITUTION";
  return "TOPIC";
}

// Ids such as `fields/17` or `cs.LG` stay readable in an address.
export function encodePath(id) {
  return String(id).split("/").map(encodeURIComponent).join("/");
}
