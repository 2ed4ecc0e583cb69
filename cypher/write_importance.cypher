// Step 2: PageRank over citations, written to every paper as `importance`. A paper nobody cites
// has 1 - $dampingFactor (0.15); each citation passes on $dampingFactor of the citing paper's
// importance, shared among the works it cites.
CALL gds.pageRank.write($graph, {
  writeProperty: 'importance',
  dampingFactor: $dampingFactor,
  maxIterations: $maxIterations,
  tolerance: $tolerance
})
YIELD nodePropertiesWritten, ranIterations, didConverge
RETURN nodePropertiesWritten, ranIterations, didConverge
