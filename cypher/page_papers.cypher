// A page of the papers that pass a filter, in one order, with the size of the whole list.
// The candidates come from one source, the filter's most selective part as the caller picked
// it: the `paper_text` full-text index ($words; $titleWords marks the papers whose title has
// every word), the authors', the institutions', the topics' or categories' papers ($fromIds,
// by id through their indexes, topics with everything below them), the papers of some years
// (the `paper_year` index), or every paper. Only that source's branch gets any input. The
// rest of the filter is checked on each candidate (a null parameter checks nothing).
// The candidates are read twice, once to count them ($count false: not at all) and once for
// the page, so that neither holds the whole list: counting streams and the page is a top-k
// sort. The catalog writes the block between `begin part` and `end part` again where
// `repeat part` stands.
// Keyset paging: the sort key of the last row seen is $after; $first is the page size plus
// one (to tell if there is more).
CALL () {
  UNWIND CASE WHEN $count THEN [1] ELSE [] END AS counting
  // begin part candidates
  CALL () {
    // One row per paper: a title hit is also an abstract hit.
    UNWIND CASE WHEN $from = 'query' THEN [1] ELSE [] END AS go
    CALL () {
      CALL db.index.fulltext.queryNodes('paper_text', $words) YIELD node, score
      RETURN node AS p, 1 AS tier, score
      UNION ALL
      CALL db.index.fulltext.queryNodes('paper_text', $titleWords) YIELD node
      RETURN node AS p, 0 AS tier, 0.0 AS score
    }
    WITH p, min(tier) AS tier, sum(score) AS score
    RETURN p, tier, score
    UNION ALL
    // Several authors, places or topics may reach one paper: once each.
    UNWIND CASE WHEN $from = 'authors' THEN $fromIds ELSE [] END AS id
    MATCH (:Author {id: id})-[:AUTHORED]->(p:Paper)
    WITH DISTINCT p
    RETURN p, 1 AS tier, 0.0 AS score
    UNION ALL
    UNWIND CASE WHEN $from = 'institutions' THEN $fromIds ELSE [] END AS id
    MATCH (:Institution {id: id})<-[:AFFILIATED_WITH]-(:Author)-[r:AUTHORED]->(p:Paper)
    WHERE id IN r.institutionIds
    WITH DISTINCT p
    RETURN p, 1 AS tier, 0.0 AS score
    UNION ALL
    UNWIND CASE WHEN $from = 'topics' THEN $fromIds ELSE [] END AS id
    MATCH (:Topic {id: id})<-[:SUBTOPIC_OF*0..3]-(:Topic)<-[:HAS_TOPIC]-(p:Paper)
    WITH DISTINCT p
    RETURN p, 1 AS tier, 0.0 AS score
    UNION ALL
    UNWIND CASE WHEN $from = 'years' THEN [1] ELSE [] END AS go
    MATCH (p:Paper)
    WHERE p.year >= $yearFrom AND p.year <= $yearTo
    RETURN p, 1 AS tier, 0.0 AS score
    UNION ALL
    UNWIND CASE WHEN $from = 'all' THEN [1] ELSE [] END AS go
    MATCH (p:Paper)
    RETURN p, 1 AS tier, 0.0 AS score
  }
  WITH p, tier, score
  WHERE NOT coalesce(p.stub, false)
    AND ($yearFrom IS NULL OR p.year >= $yearFrom)
    AND ($yearTo IS NULL OR p.year <= $yearTo)
    AND ($dateFrom IS NULL OR p.publicationDate >= $dateFrom)
    AND ($dateTo IS NULL OR p.publicationDate <= $dateTo)
    AND ($hasCode IS NULL OR (size(coalesce(p.codeUrls, [])) > 0) = $hasCode)
    AND ($openAccess IS NULL OR coalesce(p.isOpenAccess, false) = $openAccess)
    AND ($minCitations IS NULL OR coalesce(p.citedByCount, 0) >= $minCitations)
    AND ($categories IS NULL
         OR EXISTS { (p)-[:HAS_TOPIC]->(:Category)-[:SUBTOPIC_OF*0..1]->(c:Category)
                     WHERE c.id IN $categories })
    AND ($topics IS NULL
         OR EXISTS { (p)-[:HAS_TOPIC]->(:Topic)-[:SUBTOPIC_OF*0..3]->(t:Topic) WHERE t.id IN $topics })
    AND ($authors IS NULL OR EXISTS { (a:Author)-[:AUTHORED]->(p) WHERE a.id IN $authors })
    AND ($institutions IS NULL
         OR EXISTS { (:Author)-[r:AUTHORED]->(p)
                     WHERE any(i IN coalesce(r.institutionIds, []) WHERE i IN $institutions) })
  // The day as a number (20240131), from the date or else the year, so that it sorts either way.
  WITH p, tier, score,
       coalesce(toInteger(replace(p.publicationDate, '-', '')), p.year * 10000, 0) AS day,
       coalesce(p.citedByCount, 0) AS cites
  WITH p, CASE $order
            WHEN 'newest' THEN [-day, -cites, p.id]
            WHEN 'most_cited' THEN [-cites, -day, p.id]
            WHEN 'importance' THEN [-coalesce(p.importance, 0.0), -cites, p.id]
            ELSE [tier, -score, -cites, p.id]
          END AS sortKey
  // end part candidates
  RETURN count(*) AS total
}
CALL () {
  // repeat part candidates
  WITH p, sortKey
  WHERE $after IS NULL OR sortKey > $after
  ORDER BY sortKey
  LIMIT $first
  RETURN collect({sortKey: sortKey, node: p {.id, .title, .doi, .year, .publicationDate, .type, .venue, .venueId, .citedByCount,
                                          .language, .isOpenAccess, .oaStatus, .landingPageUrl, .pdfUrl, .arxivId, .codeUrls,
                                          .primaryCategory, .categories, .journalRef, .arxivComments, .arxivVersions,
                                          .importance, .importancePercentile, .importanceCohort,
                                          stub: coalesce(p.stub, false)}}) AS rows
}
RETURN total, rows
