// Step 1 of refreshing derived values (one transaction, three statements): take up to $limit
// :Stale authors as the batch (:Refreshing) and drop their derived relationships.
MATCH (a:Author:Stale)
WITH a LIMIT $limit
SET a:Refreshing
WITH a
CALL (a) {
  MATCH (a)-[old:AFFILIATED_WITH|COLLABORATES_WITH]-()
  DELETE old
}
RETURN count(a) AS selected
