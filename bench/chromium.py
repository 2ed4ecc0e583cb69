"""Debian's Chromium as the browser tests and the benchmarks launch it through Playwright: no
browser download, and the flags that keep it from reaching for hosts a closed network refuses."""

from __future__ import annotations

import shutil

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
