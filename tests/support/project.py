"""Where the project's own files are, for tests that read them (the schema, the statements,
the deployment files, the web pages)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
