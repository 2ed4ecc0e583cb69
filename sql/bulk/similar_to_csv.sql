SELECT
    p.id AS ":START_ID(Paper)",
    q.id AS ":END_ID(Paper)",
    CASE WHEN s.co_citation > 0 THEN s.co_citation END AS "coCitation:double",
    CASE WHEN s.coupling > 0 THEN s.coupling END AS "coupling:double",
    CASE WHEN s.listed THEN true END AS "openalex:boolean",
    s.score AS "score:double"
FROM lists s
JOIN paper_index p ON p.i = s.paper
JOIN paper_index q ON q.i = s.other
