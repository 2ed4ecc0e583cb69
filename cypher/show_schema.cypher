// The names of the indexes there are (a constraint's backing index has the constraint's
// name): start-up creates only what is missing, so it writes nothing to a read-only copy.
SHOW INDEXES YIELD name
RETURN name
