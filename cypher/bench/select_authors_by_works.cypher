// Benchmark centres: every author with works, most productive first (the suite samples the
// productivity distribution from this, hubs included).
MATCH (a:Author)
WHERE a.worksCount > 0
RETURN a.id AS id, a.name AS name, a.worksCount AS works
ORDER BY works DESC, id
