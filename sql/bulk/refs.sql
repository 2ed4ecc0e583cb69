CREATE TABLE refs AS
SELECT id AS work, unnest(refs) AS ref
FROM works
