-- The citations that make co-citation: from a work citing at most $hubCap papers.
CREATE TABLE cocitation_edges AS
SELECT c.citing, c.cited
FROM cites_i c
JOIN degree d ON d.i = c.citing
WHERE d.refs <= $hubCap
