// A page of the works an institution's authors wrote there (as given on each authorship),
// newest first, then most cited. Keyset paging as in page_author_works_newest.
UNWIND $keys AS key
MATCH (i:Institution {id: key.id})
CALL (i, key) {
  MATCH (i)<-[:AFFILIATED_WITH]-(:Author)-[r:AUTHORED]->(p:Paper)
  WHERE i.id IN r.institutionIds
  WITH DISTINCT p
  WITH p, [-coalesce(p.year, 0), -coalesce(p.citedByCount, 0), p.id] AS sortKey
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
       {total: COUNT { MATCH (i)<-[:AFFILIATED_WITH]-(:Author)-[r:AUTHORED]->(p:Paper)
                       WHERE i.id IN r.institutionIds RETURN DISTINCT p },
        rows: rows} AS value
