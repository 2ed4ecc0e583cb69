SELECT count(*) FROM works
