"""Getting records into the graph: readers per source, writes, refreshes, bulk loads."""
