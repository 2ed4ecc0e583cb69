"""The demo data set: researchers and papers from the product's seed pages, as OpenAlex works,
and the arXiv records of the papers the seed pages list by category.

The demo's arXiv ids are numbered from 90000 within their month, where arXiv has never
reached, so they name no real arXiv paper.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

DATA = Path(str(resources.files("graph_service"))) / "data"
DEMO_WORKS = DATA / "demo-works.jsonl"
DEMO_ARXIV = DATA / "demo-arxiv.jsonl"
