// The similarity lists of the papers $ids, with their values, to tell whether a refresh
// changed them.
MATCH (p:Paper)-[s:SIMILAR_TO]->(q:Paper)
WHERE p.id IN $ids
RETURN p.id AS p, q.id AS q, properties(s) AS s
ORDER BY p, q
