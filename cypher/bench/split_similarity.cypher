// The second model tried: one relationship type per kind (CO_CITED, COUPLED, RELATED), each
// with a single weight (a related work's is $openalexWeight), made from the SIMILAR_TO lists in
// batches (an auto-commit statement).
MATCH (p:Paper)-[s:SIMILAR_TO]->(q:Paper)
CALL (p, s, q) {
  FOREACH (_ IN CASE WHEN s.coCitation > 0 THEN [1] ELSE [] END |
    CREATE (p)-[:CO_CITED {weight: s.coCitation}]->(q))
  FOREACH (_ IN CASE WHEN s.coupling > 0 THEN [1] ELSE [] END |
    CREATE (p)-[:COUPLED {weight: s.coupling}]->(q))
  FOREACH (_ IN CASE WHEN s.openalex THEN [1] ELSE [] END |
    CREATE (p)-[:RELATED {weight: $openalexWeight}]->(q))
} IN TRANSACTIONS OF 20000 ROWS
RETURN count(*) AS pairs
