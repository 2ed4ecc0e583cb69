// Step 2: worksCount, citationCount, hIndex, AFFILIATED_WITH {firstYear, lastYear, papers}
// and COLLABORATES_WITH {sharedWorks, firstYear, lastYear} of the :Refreshing batch.
// A pair is one relationship from the lower id to the higher. When both ends are :Stale, the
// lower id creates it, the higher one leaves it; a still-:Stale end outside this batch will
// drop and recreate its pairs when its own turn comes. A work of more than $coauthorCap
// authors makes no pairs (a large collaboration says nothing of who works with whom).
MATCH (a:Author:Refreshing)
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p:Paper)
  WITH coalesce(p.citedByCount, 0) AS cites
  ORDER BY cites DESC
  WITH collect(cites) AS counts
  RETURN size(counts) AS works,
         reduce(total = 0, c IN counts | total + c) AS citations,
         size([i IN range(0, size(counts) - 1) WHERE counts[i] > i]) AS h
}
SET a.worksCount = works, a.citationCount = citations, a.hIndex = h
WITH a
CALL (a) {
  MATCH (a)-[r:AUTHORED]->(p:Paper)
  UNWIND r.institutionIds AS institutionId
  WITH a, institutionId, min(p.year) AS firstYear, max(p.year) AS lastYear,
       count(DISTINCT p) AS papers
  MATCH (i:Institution {id: institutionId})
  CREATE (a)-[:AFFILIATED_WITH {firstYear: firstYear, lastYear: lastYear, papers: papers}]->(i)
}
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p:Paper)
  WHERE COUNT { (p)<-[:AUTHORED]-() } <= $coauthorCap
  MATCH (p)<-[:AUTHORED]-(b:Author)
  WHERE b <> a AND (NOT b:Stale OR a.id < b.id)
  WITH a, b, count(DISTINCT p) AS shared, min(p.year) AS firstYear, max(p.year) AS lastYear
  WITH CASE WHEN a.id < b.id THEN a ELSE b END AS x,
       CASE WHEN a.id < b.id THEN b ELSE a END AS y,
       shared, firstYear, lastYear
  CREATE (x)-[:COLLABORATES_WITH {sharedWorks: shared, firstYear: firstYear, lastYear: lastYear}]->(y)
}
RETURN count(a) AS refreshed
