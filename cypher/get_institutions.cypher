// Institutions by id, batched.
UNWIND $keys AS key
MATCH (i:Institution {id: key.id})
RETURN key.index AS index, i {.id, .name, .ror, .countryCode, .type} AS value
