// One slice of `db reset`, before the nodes: a bounded number of relationships per
// transaction keeps its memory bounded however dense the nodes are.
MATCH ()-[r]->()
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS deleted
