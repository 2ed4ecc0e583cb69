// The papers $ids labelled :Stale, as a write touching them labels them.
MATCH (p:Paper)
WHERE p.id IN $ids
SET p:Stale
RETURN count(p) AS marked
