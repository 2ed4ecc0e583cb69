// The graph's citations a page at a time, for making every similarity list at once: up to
// $limit papers after the id $after (in id order), each with the papers it cites and those of
// its record's related works that are loaded.
MATCH (p:Paper)
WHERE p.id > $after
WITH p
ORDER BY p.id
LIMIT $limit
RETURN p.id AS id, [(p)-[:CITES]->(q:Paper) | q.id] AS references,
       [id IN coalesce(p.relatedWorks, []) WHERE EXISTS { (:Paper {id: id}) }] AS related
