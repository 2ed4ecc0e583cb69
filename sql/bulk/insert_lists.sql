-- The similarity lists of the papers numbered $lo to $hi - 1, as refresh_similarity.cypher
-- makes them: coCitation = works citing both / sqrt(citers of p * citers of q), coupling =
-- works both cite / sqrt(references of p * references of q), over the hub-capped citations;
-- p keeps its $topK best by each (ties by id, which the numbers follow) and every related
-- work listed; score = 1 - (1 - coCitation)(1 - coupling)(1 - $openalexWeight if listed).
INSERT INTO lists
WITH coupled AS (
    SELECT a.citing AS p, b.citing AS q, count(*) AS n
    FROM coupling_edges a
    JOIN coupling_edges b ON b.cited = a.cited
    WHERE a.citing >= $lo AND a.citing < $hi AND b.citing <> a.citing
    GROUP BY a.citing, b.citing
),
co_cited AS (
    SELECT a.cited AS p, b.cited AS q, count(*) AS n
    FROM cocitation_edges a
    JOIN cocitation_edges b ON b.citing = a.citing
    WHERE a.cited >= $lo AND a.cited < $hi AND b.cited <> a.cited
    GROUP BY a.cited, b.cited
),
candidates AS (
    SELECT p, q, max(co) AS co, max(coup) AS coup, bool_or(listed) AS listed
    FROM (
        SELECT p, q, n AS co, 0 AS coup, false AS listed FROM co_cited
        UNION ALL
        SELECT p, q, 0, n, false FROM coupled
        UNION ALL
        SELECT p, q, 0, 0, true FROM related_i WHERE p >= $lo AND p < $hi
    )
    GROUP BY p, q
),
valued AS (
    SELECT
        c.p,
        c.q,
        c.listed,
        CASE WHEN c.co > 0 THEN c.co / sqrt(dp.citers * dq.citers) ELSE 0.0 END AS co_citation,
        CASE WHEN c.coup > 0 THEN c.coup / sqrt(dp.refs * dq.refs) ELSE 0.0 END AS coupling
    FROM candidates c
    JOIN degree dp ON dp.i = c.p
    JOIN degree dq ON dq.i = c.q
),
ranked AS (
    SELECT
        *,
        row_number() OVER (PARTITION BY p ORDER BY co_citation DESC, q) AS by_co_citation,
        row_number() OVER (PARTITION BY p ORDER BY coupling DESC, q) AS by_coupling
    FROM valued
)
SELECT
    p,
    q,
    co_citation,
    coupling,
    listed,
    1 - (1 - co_citation) * (1 - coupling) * (1 - CASE WHEN listed THEN $openalexWeight ELSE 0.0 END)
FROM ranked
WHERE listed
    OR (co_citation > 0 AND by_co_citation <= $topK)
    OR (coupling > 0 AND by_coupling <= $topK)
