// Full-text index over paper titles and abstracts (`papers(filter: {query})`); fields can be
// asked for alone (`title:word`), which ranks title hits first.
CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (n:Paper) ON EACH [n.title, n.abstract]
