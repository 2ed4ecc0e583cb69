"""A load killed half way and run again: the graph it leaves is the one an uninterrupted load
gives. Loads of thousands of papers through `graph-service load`, on a fresh graph."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import neo4j

from graph_service.devdata import generator
from tests.support.cypher import scalar
from tests.support.graphs import dump, wipe
from tests.support.neo4j import Neo4jTarget
from tests.support.polling import poll


def test_kill_and_resume_gives_the_uninterrupted_graph(
    neo4j_target: Neo4jTarget, graph: neo4j.Driver, tmp_path: Path
) -> None:
    source = tmp_path / "synthetic.jsonl.gz"
    generator.write(source, papers=2500, seed=11)
    env = {**os.environ, **neo4j_target.env()}
    command = [
        sys.executable,
        "-m",
        "graph_service",
        "load",
        "openalex",
        str(source),
        "--batch",
        "250",
    ]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    poll(
        lambda: scalar(graph, "RETURN COUNT { (p:Paper) WHERE NOT p.stub }") >= 500,
        within=120,
        what="500 papers loaded",
    )
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = scalar(graph, "RETURN COUNT { (p:Paper) WHERE NOT p.stub }")
    assert 0 < partial < 2500, "the kill must land mid-import"
    resumed = subprocess.run(command, env=env, capture_output=True, check=False)
    assert resumed.returncode == 0, resumed.stderr
    after_resume = dump(graph)

    wipe(graph)
    clean = subprocess.run(command, env=env, capture_output=True, check=False)
    assert clean.returncode == 0, clean.stderr
    assert dump(graph) == after_resume
