// A page of each author's co-authors, strongest first: most shared works, then the most
// recent, then id. Keyset paging as in page_author_works_newest.
UNWIND $keys AS key
MATCH (a:Author {id: key.id})
CALL (a, key) {
  MATCH (a)-[c:COLLABORATES_WITH]-(b:Author)
  WITH b, c, [-c.sharedWorks, -coalesce(c.lastYear, 0), b.id] AS sortKey
  WHERE key.after IS NULL OR sortKey > key.after
  ORDER BY sortKey
  LIMIT $first
  RETURN collect({sortKey: sortKey, node: {
    author: b {.id, .name, .orcid, .worksCount, .citationCount, .hIndex, .importance},
    sharedWorks: c.sharedWorks, firstYear: c.firstYear, lastYear: c.lastYear
  }}) AS rows
}
RETURN key.index AS index,
       {total: COUNT { (a)-[:COLLABORATES_WITH]-(:Author) }, rows: rows} AS value
