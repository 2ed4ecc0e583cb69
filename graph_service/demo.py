"""The demo data set: researchers and papers from the product's seed pages, as OpenAlex works."""

from __future__ import annotations

from pathlib import Path

DEMO_WORKS = Path(__file__).resolve().parent / "data" / "demo-works.jsonl"
