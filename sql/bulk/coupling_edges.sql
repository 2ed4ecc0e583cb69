-- The citations that make coupling: to a paper cited at most $hubCap times.
CREATE TABLE coupling_edges AS
SELECT c.citing, c.cited
FROM cites_i c
JOIN degree d ON d.i = c.cited
WHERE d.citers <= $hubCap
