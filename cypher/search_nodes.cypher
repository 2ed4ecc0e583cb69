// Full-text search over titles and names (the `search` index). $query is Lucene syntax made
// from the caller's words; stubs and unwanted types are dropped, best score first, then id.
// Each hit carries the fields its type's lookup statement gives (get_papers, get_authors,
// get_topics, get_institutions), not every property: a paper's abstract or a hub's ranked
// lists would cross the wire for nothing.
CALL db.index.fulltext.queryNodes('search', $query, {limit: $candidates}) YIELD node, score
WITH node, score,
     head([l IN labels(node) WHERE l IN ['Author', 'Paper', 'Topic', 'Institution']]) AS type
WHERE type IN $types AND NOT coalesce(node.stub, false)
WITH node, score, type
ORDER BY score DESC, node.id
LIMIT $first
OPTIONAL MATCH (node:Topic)-[:SUBTOPIC_OF]->(parent:Topic)
RETURN score, type, CASE type
  WHEN 'Paper' THEN
    node {.id, .title, .doi, .year, .publicationDate, .type, .venue, .venueId, .citedByCount,
          .language, .isOpenAccess, .oaStatus, .landingPageUrl, .pdfUrl, .arxivId, .codeUrls,
          .primaryCategory, .categories, .journalRef, .arxivComments, .arxivVersions,
          .importance, .importancePercentile, .importanceCohort,
          stub: coalesce(node.stub, false)}
  WHEN 'Author' THEN
    node {.id, .name, .orcid, .worksCount, .citationCount, .hIndex, .importance}
  WHEN 'Topic' THEN node {.id, .name, .level, parentId: parent.id}
  ELSE node {.id, .name, .ror, .countryCode, .type}
END AS value
