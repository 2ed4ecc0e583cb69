SELECT id AS ":START_ID(Institution)", unnest(parents) AS ":END_ID(Institution)"
FROM institutions
