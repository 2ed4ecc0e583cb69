// A page of each author's works, most cited first (then newest). Keyset paging as in
// page_author_works_newest.
UNWIND $keys AS key
MATCH (a:Author {id: key.id})
CALL (a, key) {
  MATCH (a)-[:AUTHORED]->(p:Paper)
  WITH p, [-coalesce(p.citedByCount, 0), -coalesce(p.year, 0), p.id] AS sortKey
  WHERE key.after IS NULL OR sortKey > key.after
  ORDER BY sortKey
  LIMIT $first
  RETURN collect({sortKey: sortKey, node: p {.id, .title, .doi, .year, .publicationDate, .type, .venue, .venueId, .citedByCount,
                                          .language, .isOpenAccess, .oaStatus, .landingPageUrl, .pdfUrl, .arxivId, .codeUrls,
                                          .primaryCategory, .categories, .journalRef, .arxivComments, .arxivVersions,
                                          .importance, .importancePercentile, .importanceCohort,
                                          stub: coalesce(p.stub, false)}}) AS rows
}
RETURN key.index AS index,
       {total: COUNT { (a)-[:AUTHORED]->(:Paper) }, rows: rows} AS value
