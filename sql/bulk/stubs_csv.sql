-- Papers cited but not loaded: they exist with their id only.
SELECT DISTINCT r.ref AS "id:ID(Paper)", true AS "stub:boolean"
FROM refs r
ANTI JOIN works w ON w.id = r.ref
