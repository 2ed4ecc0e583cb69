"""How an operation runs: per-request batching, the profile look-ahead and direct completion."""
