"""The database side: the repository (the only caller of the driver) and the statement catalog."""
