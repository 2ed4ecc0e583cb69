-- The similarity lists of the papers numbered $lo to $hi - 1, as refresh_similarity.cypher
-- makes them: coCitation = works citing both / sqrt(citers of p * citers of q), coupling =
-- works both cite / sqrt(references of p * references of q), over the hub-capped citations;
-- p keeps its $topK best by each (ties by id, which the numbers follow) and every related
-- work listed; score = 1 - (1 - coCitation)(1 - coupling)(1 - $openalexWeight if listed).
-- Each measure is ranked on its own (max_by keeps a heap of $topK per paper, cheaper than
-- sorting every pair), and only the kept pairs look up the other measure.
INSERT INTO lists
WITH coupling AS MATERIALIZED (
    SELECT c.p, c.q, c.n / sqrt(dp.refs * dq.refs) AS v
    FROM (
        SELECT a.citing AS p, b.citing AS q, count(*) AS n
        FROM coupling_edges a
        JOIN coupling_edges b ON b.cited = a.cited
        WHERE a.citing >= $lo AND a.citing < $hi AND b.citing <> a.citing
        GROUP BY a.citing, b.citing
    ) c
    JOIN degree dp ON dp.i = c.p
    JOIN degree dq ON dq.i = c.q
),
co_citation AS MATERIALIZED (
    SELECT c.p, c.q, c.n / sqrt(dp.citers * dq.citers) AS v
    FROM (
        SELECT a.cited AS p, b.cited AS q, count(*) AS n
        FROM cocitation_edges a
        JOIN cocitation_edges b ON b.citing = a.citing
        WHERE a.cited >= $lo AND a.cited < $hi AND b.cited <> a.cited
        GROUP BY a.cited, b.cited
    ) c
    JOIN degree dp ON dp.i = c.p
    JOIN degree dq ON dq.i = c.q
),
listed AS (
    SELECT DISTINCT r.p, r.q
    FROM related_i r
    JOIN degree dp ON dp.i = r.p
    JOIN degree dq ON dq.i = r.q
    WHERE r.p >= $lo AND r.p < $hi
),
kept AS (
    -- Best first, and the smaller number first among equals.
    SELECT p, unnest(max_by(q, {'v': v, 'q': -q}, $topK)) AS q FROM coupling GROUP BY p
    UNION
    SELECT p, unnest(max_by(q, {'v': v, 'q': -q}, $topK)) AS q FROM co_citation GROUP BY p
    UNION
    SELECT p, q FROM listed
)
SELECT
    k.p,
    k.q,
    coalesce(cc.v, 0.0) AS co_citation,
    coalesce(cp.v, 0.0) AS coupling,
    l.p IS NOT NULL AS listed,
    1 - (1 - coalesce(cc.v, 0.0)) * (1 - coalesce(cp.v, 0.0))
    * (1 - CASE WHEN l.p IS NOT NULL THEN $openalexWeight ELSE 0.0 END)
FROM kept k
LEFT JOIN co_citation cc ON cc.p = k.p AND cc.q = k.q
LEFT JOIN coupling cp ON cp.p = k.p AND cp.q = k.q
LEFT JOIN listed l ON l.p = k.p AND l.q = k.q
