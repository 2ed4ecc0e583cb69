-- The citations between numbered papers.
CREATE TABLE cites_i AS
SELECT p.i AS citing, q.i AS cited
FROM refs r
JOIN paper_index p ON p.id = r.work
JOIN paper_index q ON q.id = r.ref
