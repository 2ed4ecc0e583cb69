SELECT count(*) FROM paper_index
