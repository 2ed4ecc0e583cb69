-- The newest record of each work (by updated date; of equal dates, the later one), with the
-- place the work was first read: the order in which later values win for authors and topics.
CREATE TABLE works AS
SELECT s.*, k.first_seen
FROM staged s
JOIN (
    SELECT arg_max(seq, {'updated': updated, 'seq': seq}) AS seq, min(seq) AS first_seen
    FROM staged
    GROUP BY id
) k USING (seq)
