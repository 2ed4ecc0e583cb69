"""How much each phase of the suite does."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    """How much each phase does: `--quick` for a check in minutes, the default for make
    reliability."""

    papers: int
    fuzz_queries: int
    fuzz_mutations: int
    fuzz_invalid: int
    expensive_seconds: float
    fault_load: int
    freeze_seconds: float
    soak_seconds: float
    import_papers: int


FULL = Scale(10_000, 10_000, 2_000, 1_000, 30, 16, 20, 120, 20_000)
QUICK = Scale(2_000, 400, 100, 100, 8, 16, 5, 15, 4_000)
