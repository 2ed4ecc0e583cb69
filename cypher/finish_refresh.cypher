// Step 3: the batch is up to date.
MATCH (a:Author:Refreshing)
REMOVE a:Refreshing, a:Stale
RETURN count(a) AS refreshed
