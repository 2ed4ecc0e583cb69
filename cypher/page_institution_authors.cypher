// A page of each institution's authors, most papers there first, then the most recent.
// Keyset paging as in page_author_works_newest.
UNWIND $keys AS key
MATCH (i:Institution {id: key.id})
CALL (i, key) {
  MATCH (a:Author)-[r:AFFILIATED_WITH]->(i)
  WITH a, r, [-r.papers, -coalesce(r.lastYear, 0), a.id] AS sortKey
  WHERE key.after IS NULL OR sortKey > key.after
  ORDER BY sortKey
  LIMIT $first
  RETURN collect({sortKey: sortKey, node: {
    author: a {.id, .name, .orcid, .worksCount, .citationCount, .hIndex, .importance},
    firstYear: r.firstYear, lastYear: r.lastYear, papers: r.papers
  }}) AS rows
}
RETURN key.index AS index, {total: COUNT { (:Author)-[:AFFILIATED_WITH]->(i) }, rows: rows} AS value
