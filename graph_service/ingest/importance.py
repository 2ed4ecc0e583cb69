"""Papers' and authors' importance: PageRank over every citation, each paper's percentile
within its topic and year, and authors' share of their works'."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

from graph_service.db.repository import Repository
from graph_service.db.statements import Statement
from graph_service.ingest.write import WRITE_TIMEOUT

# Importance: Graph Data Science's PageRank with its usual damping, to a tight tolerance.
DAMPING = 0.85

MAX_ITERATIONS = 50

TOLERANCE = 1e-7

TOPIC_BATCH = 100

# Papers one ranking transaction sets at most (a topic larger than this goes alone): the first
# 100 topics of a generated 1M-paper graph hold nearly all of it, past Neo4j's memory for one
# transaction at a 2 GB heap.
RANK_BATCH_PAPERS = 50_000

AUTHOR_BATCH = 10_000

# Ranking a million papers: projecting and PageRank take tens of seconds on two cores.
RANK_TIMEOUT = 600.0


def topic_batches(
    topics: list[tuple[str, int]], most_topics: int, most_papers: int
) -> Iterator[list[str]]:
    """The topic ids in order, in batches of at most `most_topics` topics and `most_papers`
    papers (a topic with more goes alone)."""
    batch: list[str] = []
    papers = 0
    for topic, count in topics:
        if batch and (len(batch) == most_topics or papers + count > most_papers):
            yield batch
            batch, papers = [], 0
        batch.append(topic)
        papers += count
    if batch:
        yield batch


async def refresh_importance(repository: Repository) -> int:
    """PageRank over every citation, written to papers as `importance`; then each paper's
    percentile within its topic and year, and authors' importance from their works'. Returns
    how many papers were ranked."""
    if (await repository.read(Statement.SAMPLE_IDS))[0]["Paper"] is None:
        return 0  # no papers: Graph Data Science cannot project a label no node has
    graph = f"citations-{uuid.uuid4().hex}"
    cites = (await repository.read(Statement.HAS_CITATIONS))[0]["cites"]
    project = Statement.PROJECT_CITATIONS if cites else Statement.PROJECT_PAPERS
    # Projection, PageRank and drop all go as writes although two of them only read: the
    # projection lives in one member's memory, and on a cluster writes all go to the leader.
    await repository.write(project, {"graph": graph}, tx_timeout=RANK_TIMEOUT)
    try:
        rows = await repository.write(
            Statement.WRITE_IMPORTANCE,
            {
                "graph": graph,
                "dampingFactor": DAMPING,
                "maxIterations": MAX_ITERATIONS,
                "tolerance": TOLERANCE,
            },
            tx_timeout=RANK_TIMEOUT,
        )
    finally:
        await repository.write(Statement.DROP_PROJECTION, {"graph": graph})
    topics = [(row["id"], row["papers"]) for row in await repository.read(Statement.GET_TOPIC_IDS)]
    for batch in topic_batches(topics, TOPIC_BATCH, RANK_BATCH_PAPERS):
        await repository.write(
            Statement.RANK_IMPORTANCE, {"topics": batch}, tx_timeout=WRITE_TIMEOUT
        )
    after = ""
    while True:
        done = (
            await repository.write(
                Statement.REFRESH_AUTHOR_IMPORTANCE,
                {"after": after, "limit": AUTHOR_BATCH},
                tx_timeout=WRITE_TIMEOUT,
            )
        )[0]
        if int(done["done"]) < AUTHOR_BATCH:
            break
        after = done["last"]
    return int(rows[0]["nodePropertiesWritten"])
