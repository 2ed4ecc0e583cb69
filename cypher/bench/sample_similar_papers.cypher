// $count papers with a similarity list, spread evenly over the ids (the same ones every run).
MATCH (p:Paper)
WHERE EXISTS { (p)-[:SIMILAR_TO]->() }
WITH p.id AS id
ORDER BY id
WITH collect(id) AS ids
RETURN [i IN range(0, $count - 1) | ids[i * size(ids) / $count]] AS ids
