"""How the API finds what a field asks for: the root fields, lookups, lists, slices and paths."""
