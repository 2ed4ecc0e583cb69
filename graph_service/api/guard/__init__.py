"""What a request may cost: document limits, the cost model and admission."""
