-- The related works a record lists that the graph holds, itself left out.
CREATE TABLE related_i AS
SELECT DISTINCT p.i AS p, q.i AS q
FROM (SELECT id, unnest(relatedWorks) AS other FROM works) r
JOIN paper_index p ON p.id = r.id
JOIN paper_index q ON q.id = r.other
WHERE p.i <> q.i
