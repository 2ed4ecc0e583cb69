// A page of the works each paper cites, most cited first; stubs (works not loaded) only when
// $includeStubs. Keyset paging as in page_author_works_newest.
UNWIND $keys AS key
MATCH (q:Paper {id: key.id})
CALL (q, key) {
  MATCH (q)-[:CITES]->(p:Paper)
  WHERE $includeStubs OR NOT coalesce(p.stub, false)
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
       {total: COUNT { (q)-[:CITES]->(p:Paper) WHERE $includeStubs OR NOT coalesce(p.stub, false) },
        rows: rows} AS value
