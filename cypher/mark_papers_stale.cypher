// One slice of `refresh --all`: up to $limit more papers labelled :Stale, so that their
// similarity lists are made again; callers repeat it until it marks none.
MATCH (p:Paper)
WHERE NOT p:Stale
WITH p
LIMIT $limit
SET p:Stale
RETURN count(p) AS marked
