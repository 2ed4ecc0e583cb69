// A page of the works on each topic or any topic below it, most cited first. Keyset paging as
// in page_author_works_newest.
UNWIND $keys AS key
MATCH (t:Topic {id: key.id})
CALL (t, key) {
  MATCH (t)<-[:SUBTOPIC_OF*0..3]-(:Topic)<-[:HAS_TOPIC]-(p:Paper)
  WITH DISTINCT p
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
       {total: COUNT { MATCH (t)<-[:SUBTOPIC_OF*0..3]-(:Topic)<-[:HAS_TOPIC]-(p:Paper)
                       RETURN DISTINCT p },
        rows: rows} AS value
