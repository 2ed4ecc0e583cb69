SELECT work AS ":START_ID(Paper)", ref AS ":END_ID(Paper)"
FROM refs
