"""Fixtures of the browser tests: the service as the README runs it, over the shared graph."""

from __future__ import annotations

import pytest

from tests.support.session import Preparation


@pytest.fixture(scope="session")
def service(preparation: Preparation) -> str:
    """`graph-service serve` on a free port, as the README runs it, over the shared graph."""
    return preparation.service()
