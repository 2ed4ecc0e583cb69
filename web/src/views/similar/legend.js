// The colours of the Similar papers graph (its papers' years) and the legend that reads them.

// Oldest to newest: light to dark blue.
const OLD = [198, 219, 239];
const NEW = [8, 48, 107];
const NO_YEAR = "#b9bec7";

export function colourOf(year, low, high) {
  if (year == null) return NO_YEAR;
  const t = high > low ? (year - low) / (high - low) : 1;
  const [r, g, b] = OLD.map((c, i) => Math.round(c + t * (NEW[i] - c)));
  return `rgb(${r}, ${g}, ${b})`;
}

export function legend(low, high) {
  if (low == null) return "";
  return `<span class="scale"><span>${low}</span><span class="ramp" style="background:linear-gradient(to right, ${colourOf(
    low,
    low,
    high,
  )}, ${colourOf(high, low, high)})"></span><span>${high}</span></span>
    <span>Left to right: year published</span>
    <span>Size: citations</span>
    <span>Lines: each paper's closest ties, darker is closer</span>
    <span><span class="ring"></span> this paper</span>`;
}
