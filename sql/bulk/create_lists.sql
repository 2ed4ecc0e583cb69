CREATE TABLE lists (
    paper INTEGER,
    other INTEGER,
    co_citation DOUBLE,
    coupling DOUBLE,
    listed BOOLEAN,
    score DOUBLE
)
