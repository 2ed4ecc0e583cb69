-- Where each block of papers starts, so that each block's pairs (the rows its joins make)
-- come to about $rows: a paper's coupling pairs are its references' citers, its co-citation
-- pairs its citers' references.
WITH weight AS (
    SELECT p, sum(n) AS w
    FROM (
        SELECT a.citing AS p, d.citers AS n
        FROM coupling_edges a
        JOIN degree d ON d.i = a.cited
        UNION ALL
        SELECT a.cited AS p, d.refs AS n
        FROM cocitation_edges a
        JOIN degree d ON d.i = a.citing
    )
    GROUP BY p
)
SELECT min(p) AS start
FROM (SELECT p, floor(sum(w) OVER (ORDER BY p) / $rows) AS block FROM weight)
GROUP BY block
ORDER BY start
