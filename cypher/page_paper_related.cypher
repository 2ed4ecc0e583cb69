// A page of each paper's similar papers (its own list, made by refresh_similarity), best first
// for $kind: 'all' by score, 'co_citation' and 'coupling' by that value among the papers that
// have one, 'openalex' by score among those OpenAlex lists. Stubs only when $includeStubs.
// The kind leads the sort key, so a cursor is only good for the kind it came from. The listed
// papers are matched once (part listed) and matched again for the total.
UNWIND $keys AS key
MATCH (q:Paper {id: key.id})
CALL (q, key) {
  // begin part listed
  MATCH (q)-[s:SIMILAR_TO]->(p:Paper)
  WHERE ($includeStubs OR NOT coalesce(p.stub, false))
    AND CASE $kind
          WHEN 'co_citation' THEN s.coCitation IS NOT NULL
          WHEN 'coupling' THEN s.coupling IS NOT NULL
          WHEN 'openalex' THEN s.openalex IS NOT NULL
          ELSE true
        END
  // end part listed
  WITH p, s,
       [$kind,
        -CASE $kind WHEN 'co_citation' THEN s.coCitation WHEN 'coupling' THEN s.coupling
                    ELSE s.score END,
        p.id] AS sortKey
  WHERE key.after IS NULL OR sortKey > key.after
  ORDER BY sortKey
  LIMIT $first
  RETURN collect({sortKey: sortKey, node: {
    score: s.score, coCitation: coalesce(s.coCitation, 0.0), coupling: coalesce(s.coupling, 0.0),
    openalex: coalesce(s.openalex, false),
    paper: p {.id, .title, .doi, .year, .publicationDate, .type, .venue, .venueId, .citedByCount,
              .language, .isOpenAccess, .oaStatus, .landingPageUrl, .pdfUrl, .arxivId, .codeUrls,
              .primaryCategory, .categories, .journalRef, .arxivComments, .arxivVersions,
              .importance, .importancePercentile, .importanceCohort,
              stub: coalesce(p.stub, false)}}}) AS rows
}
RETURN key.index AS index,
       {total: COUNT {
          // repeat part listed
        },
        rows: rows} AS value
