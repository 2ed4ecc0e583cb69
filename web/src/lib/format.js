// Dates and counts as the pages write them.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// "Jun 12, 2023" from "2023-06-12"; the year alone when the day is unknown.
export function formatDate(date, year) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || "");
  if (!match) return year ? String(year) : "";
  return `${MONTHS[Number(match[2]) - 1]} ${Number(match[3])}, ${match[1]}`;
}

// "1 paper", "1,204 papers"; `many` when adding an s will not do.
export function plural(count, one, many = `${one}s`) {
  return `${Number(count).toLocaleString("en-US")} ${count === 1 ? one : many}`;
}
