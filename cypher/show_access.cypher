// Whether the database is read-write or read-only (a read-only copy, a secondary), for the
// line the service logs at start-up.
SHOW DATABASE $database YIELD access
RETURN access
