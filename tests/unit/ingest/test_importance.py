"""Ranking's topic batches: cut by topics and by papers, every topic once and in order."""

from __future__ import annotations

from graph_service.ingest.importance import topic_batches


def test_batches_are_cut_by_papers_and_a_large_topic_goes_alone() -> None:
    topics = [("T1", 30), ("T2", 30), ("T3", 100), ("T4", 5), ("T5", 5), ("T6", 5)]
    assert list(topic_batches(topics, most_topics=10, most_papers=60)) == [
        ["T1", "T2"],
        ["T3"],
        ["T4", "T5", "T6"],
    ]


def test_batches_are_cut_by_topics_too() -> None:
    topics = [(f"T{i}", 0) for i in range(5)]
    assert list(topic_batches(topics, most_topics=2, most_papers=10)) == [
        ["T0", "T1"],
        ["T2", "T3"],
        ["T4"],
    ]


def test_no_topics_no_batches() -> None:
    assert list(topic_batches([], most_topics=100, most_papers=50_000)) == []
