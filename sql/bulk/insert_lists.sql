-- A batch of lists the process registered as similar_batch.
INSERT INTO lists SELECT * FROM similar_batch
