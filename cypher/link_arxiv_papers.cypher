// Before a batch of OpenAlex works: a paper known from arXiv alone (`$prefix<id>`) that one of
// them names, by arXiv id or by DOI, is folded into the work's paper. Its arXiv fields and
// categories move over; its arXiv authors give way to OpenAlex's (and become :Stale).
UNWIND $works AS w
CALL (w) {
  CALL (w) {
    MATCH (x:Paper {arxivId: w.arxivId})
    WHERE x.id STARTS WITH $prefix
    RETURN x
    UNION
    MATCH (x:Paper {doi: w.doi})
    WHERE x.id STARTS WITH $prefix AND (w.arxivId IS NULL OR x.arxivId = w.arxivId)
    RETURN x
  }
  WITH x
  ORDER BY x.id
  LIMIT 1
  MERGE (t:Paper {id: w.id})
  WITH x, t
  WHERE t.arxivUpdatedDate IS NULL
  SET t += x {.title, .abstract, .publicationDate, .year, .arxivId, .arxivUpdatedDate,
              .arxivDoi, .arxivCodeUrls, .journalRef, .arxivComments, .arxivVersions,
              .license, .primaryCategory, .categories}
  WITH x, t
  CALL (x, t) {
    MATCH (x)-[h:HAS_TOPIC]->(c:Category)
    CREATE (t)-[:HAS_TOPIC {score: h.score, primary: h.primary}]->(c)
  }
  CALL (x) {
    MATCH (a:Author)-[:AUTHORED]->(x)
    SET a:Stale
  }
  DETACH DELETE x
  RETURN count(*) AS folded
}
RETURN sum(folded) AS folded
