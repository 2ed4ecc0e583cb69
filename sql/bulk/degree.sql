-- Each paper's references and citers, counted in full (the cosines divide by these).
CREATE TABLE degree AS
SELECT
    i,
    coalesce(out_degree.n, 0)::DOUBLE AS refs,
    coalesce(in_degree.n, 0)::DOUBLE AS citers
FROM paper_index
LEFT JOIN (SELECT citing AS i, count(*) AS n FROM cites_i GROUP BY citing) out_degree USING (i)
LEFT JOIN (SELECT cited AS i, count(*) AS n FROM cites_i GROUP BY cited) in_degree USING (i)
