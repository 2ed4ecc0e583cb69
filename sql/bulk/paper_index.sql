-- Every paper the graph holds (works and the papers they cite) numbered in id order, so that
-- comparing numbers compares ids: the similarity lists' tie-break.
CREATE TABLE paper_index AS
SELECT id, (row_number() OVER (ORDER BY id) - 1)::INTEGER AS i
FROM (SELECT id FROM works UNION SELECT ref FROM refs)
