// Authors by id, batched: one row per key that exists.
UNWIND $keys AS key
MATCH (a:Author {id: key.id})
RETURN key.index AS index,
       a {.id, .name, .orcid, .worksCount, .citationCount, .hIndex, .importance} AS value
