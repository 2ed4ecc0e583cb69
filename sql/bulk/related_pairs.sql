-- The related works a record lists that the graph holds.
SELECT p.i AS paper, q.i AS other
FROM (SELECT id, unnest(relatedWorks) AS other FROM works) r
JOIN paper_index p ON p.id = r.id
JOIN paper_index q ON q.id = r.other
