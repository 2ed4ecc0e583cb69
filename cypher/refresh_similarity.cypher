// The similarity lists of up to $limit :Stale papers, made again from the citations as they
// stand. For a paper p and another paper q:
//   coCitation = works citing both / sqrt(works citing p * works citing q)
//   coupling   = works both cite  / sqrt(works p cites  * works q cites)
// (Salton's cosine), where a work citing more than $hubCap works adds no co-citations and a
// work cited by more than $hubCap adds no coupling: a review or a classic says little about
// any one pair, and would make pairs by the million. openalex: OpenAlex lists q among p's
// related works, worth $openalexWeight. score = 1 - (1 - coCitation)(1 - coupling)(1 - that).
// p keeps (p)-[:SIMILAR_TO]->(q) for its $topK best by co-citation, its $topK best by coupling
// (ties by id) and every related work loaded; a kind's value is stored when it is above zero.
MATCH (p:Paper:Stale)
WITH p
LIMIT $limit
REMOVE p:Stale
WITH p
CALL (p) {
  MATCH (p)-[old:SIMILAR_TO]->()
  DELETE old
}
CALL (p) {
  WITH p, COUNT { (p)<-[:CITES]-() } AS citers, COUNT { (p)-[:CITES]->() } AS cited
  CALL (p) {
    MATCH (p)<-[:CITES]-(w:Paper)
    WHERE COUNT { (w)-[:CITES]->() } <= $hubCap
    MATCH (w)-[:CITES]->(q:Paper)
    WHERE q <> p
    RETURN q, count(*) AS coCited, 0 AS coupled, 0 AS listed
    UNION ALL
    MATCH (p)-[:CITES]->(r:Paper)
    WHERE COUNT { (r)<-[:CITES]-() } <= $hubCap
    MATCH (r)<-[:CITES]-(q:Paper)
    WHERE q <> p
    RETURN q, 0 AS coCited, count(*) AS coupled, 0 AS listed
    UNION ALL
    UNWIND coalesce(p.relatedWorks, []) AS id
    MATCH (q:Paper {id: id})
    RETURN q, 0 AS coCited, 0 AS coupled, 1 AS listed
  }
  WITH p, citers, cited, q, sum(coCited) AS coCited, sum(coupled) AS coupled, max(listed) AS listed
  WITH p, q, listed,
       CASE WHEN coCited = 0 THEN 0.0
            ELSE coCited / sqrt(toFloat(citers) * COUNT { (q)<-[:CITES]-() }) END AS coCitation,
       CASE WHEN coupled = 0 THEN 0.0
            ELSE coupled / sqrt(toFloat(cited) * COUNT { (q)-[:CITES]->() }) END AS coupling
  WITH p, collect({q: q, id: q.id, coCitation: coCitation, coupling: coupling, listed: listed = 1})
       AS candidates
  CALL (candidates) {
    UNWIND candidates AS c
    WITH c
    WHERE c.coCitation > 0
    ORDER BY c.coCitation DESC, c.id
    LIMIT $topK
    RETURN collect(c.id) AS byCoCitation
  }
  CALL (candidates) {
    UNWIND candidates AS c
    WITH c
    WHERE c.coupling > 0
    ORDER BY c.coupling DESC, c.id
    LIMIT $topK
    RETURN collect(c.id) AS byCoupling
  }
  UNWIND candidates AS c
  WITH p, c, c.q AS q
  WHERE c.listed OR c.id IN byCoCitation OR c.id IN byCoupling
  CREATE (p)-[:SIMILAR_TO {
    coCitation: CASE WHEN c.coCitation > 0 THEN c.coCitation END,
    coupling: CASE WHEN c.coupling > 0 THEN c.coupling END,
    openalex: CASE WHEN c.listed THEN true END,
    score: 1 - (1 - c.coCitation) * (1 - c.coupling)
               * (1 - CASE WHEN c.listed THEN $openalexWeight ELSE 0.0 END)
  }]->(q)
}
RETURN count(p) AS refreshed
