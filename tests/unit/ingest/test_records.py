"""Reading files of records: every fault a file can have is reported with its place, and
every good line before and around it still reads."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from graph_service.devdata.demo import DEMO_WORKS
from graph_service.ingest.records import file_lines, read_works
from graph_service.ingest.report import Rejects, Report


def demo_lines(count: int) -> list[str]:
    return DEMO_WORKS.read_text(encoding="utf-8").splitlines()[:count]


def read(files: list[Path]) -> tuple[list[str], Report]:
    report = Report(files=len(files))
    works = [work.id for work in read_works(file_lines(files), report, Rejects(report))]
    return works, report


def reasons(report: Report) -> list[str]:
    return [str(reject) for reject in report.rejected]


def test_hostile_lines_are_rejected_one_by_one_and_the_rest_read(tmp_path: Path) -> None:
    good = demo_lines(3)
    record: dict[str, Any] = json.loads(good[0])
    lines = [
        good[0],
        '{"id": "W1", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",  # past Python's recursion
        json.dumps({**record, "id": "W2", "cited_by_count": 2**64}),
        good[1],
        json.dumps({**record, "id": "W3", "publication_year": -5}),
        json.dumps({**record, "id": "W4", "publication_date": "2024-13-45"}),
        json.dumps({**record, "id": "W5", "updated_date": "zzzz"}),
        json.dumps({**record, "id": "W6", "title": "t" * 200_000}),
        json.dumps({**record, "id": "W7", "cited_by_count": -1}),
        "\x00\x01\x02\xff garbage",
        good[2],
    ]
    source = tmp_path / "hostile.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    works, report = read([source])
    assert works == [json.loads(line)["id"].rsplit("/", 1)[-1] for line in good]
    assert reasons(report) == [
        f"{source}:2: the record nests too deeply to read",
        f"{source}:3: cited_by_count 18446744073709551616 is outside 0-1000000000",
        f"{source}:5: publication_year -5 is outside 1000-2100",
        f"{source}:6: publication_date '2024-13-45' is not a date (YYYY-MM-DD)",
        f"{source}:7: updated_date 'zzzz' is not an ISO date or date-time",
        f"{source}:8: title is 200,000 characters; the most is 5,000",
        f"{source}:9: cited_by_count -1 is outside 0-1000000000",
        f"{source}:10: bad JSON: Expecting value",
    ]


def test_broken_files_say_where_they_stop_and_the_next_file_reads(tmp_path: Path) -> None:
    good = demo_lines(40)
    whole = tmp_path / "a-whole.jsonl"
    whole.write_text("\n".join(good[:2]) + "\n", encoding="utf-8")
    truncated = tmp_path / "b-truncated.jsonl.gz"
    packed = gzip.compress(("\n".join(good) + "\n").encode())
    truncated.write_bytes(packed[: len(packed) * 2 // 3])
    not_gzip = tmp_path / "c-text.jsonl.gz"
    not_gzip.write_text(good[0] + "\n", encoding="utf-8")
    empty = tmp_path / "d-empty.jsonl"
    empty.write_bytes(b"")
    gone = tmp_path / "e-gone.jsonl"
    last = tmp_path / "f-last.jsonl"
    last.write_text(good[39] + "\n", encoding="utf-8")

    works, report = read([whole, truncated, not_gzip, empty, gone, last])
    read_from_truncated = len(works) - 3
    assert 0 < read_from_truncated < 40, "the truncated file's complete lines read"
    assert works[-1] == json.loads(good[39])["id"].rsplit("/", 1)[-1]
    assert reasons(report) == [
        f"{truncated}:{read_from_truncated + 1}: the file ends early (a truncated download?): "
        "the lines before loaded",
        f"{not_gzip}:1: the file is named .gz but is not gzip-compressed",
        f"{gone}:1: the file is gone (deleted or moved while loading)",
    ]
