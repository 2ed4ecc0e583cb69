// One slice of `db reset`: callers repeat it until it deletes nothing.
MATCH (n)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
