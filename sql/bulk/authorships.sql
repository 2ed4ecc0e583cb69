-- One row per authorship; works of more than $cap authors are marked, they make no co-author pairs.
CREATE TABLE authorships AS
SELECT
    id AS work,
    first_seen,
    year,
    citedByCount AS cites,
    len(authorships) <= $cap AS teamed,
    unnest(authorships, recursive := true)
FROM works
