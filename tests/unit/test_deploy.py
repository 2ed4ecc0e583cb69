"""The deployment files: what docker-compose and HAProxy read."""

from __future__ import annotations

import re

from tests.support.project import ROOT


def test_compose_runs_the_proxy_configuration_with_every_address_it_reads() -> None:
    compose = (ROOT / "docker-compose.yml").read_text()
    config = (ROOT / "deploy" / "haproxy.cfg").read_text()
    assert "./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg" in compose
    names = set(re.findall(r"\$\{(GRAPH_SERVICE_\w+)\}", config))
    assert names == {
        "GRAPH_SERVICE_PROXY_BIND",
        "GRAPH_SERVICE_PROXY_STATS",
        "GRAPH_SERVICE_PRIMARY",
        "GRAPH_SERVICE_REPLICA",
    }
    assert all(re.search(rf"^\s+{name}:", compose, re.MULTILINE) for name in names)
