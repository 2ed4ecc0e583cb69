"""Data for development: the demo set and the synthetic generator."""
