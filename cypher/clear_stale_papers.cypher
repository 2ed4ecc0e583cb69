// Part of making every similarity list at once: up to $limit more papers no longer wait.
// Done before the graph is read, so a write that lands meanwhile labels its papers again.
MATCH (p:Paper:Stale)
WITH p
LIMIT $limit
REMOVE p:Stale
RETURN count(p) AS cleared
