"""Turns a suite run (its JSON) into `docs/benchmarks.md`'s tables and `docs/benchmarks.png`.

.venv/bin/python -m bench.report bench/results/RUN.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

WORKLOADS = {
    "W1": "researcher profile",
    "W2": "1-hop slice",
    "W3": "2-hop slice",
    "W4": "full-text search",
    "W5": "path",
    "W6": "mixed",
}
MARKERS = ("<!-- figures -->", "<!-- /figures -->")


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if a and b else "-"


def tables(run: dict[str, Any]) -> str:
    """Markdown: the run's set-up, then per graph size latency and throughput tables."""
    lines = [
        f"Run {run['started']}: {run['machine']['cpus']} cores, "
        f"{run['machine']['memory_gb']} GiB, {run['machine']['platform']}.",
        "",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in run["versions"].items()) + ".",
        "",
        f"Phases of {run['settings']['seconds']} s after a {run['settings']['warmup']} s "
        f"warm-up per workload and system; {run['settings']['centres']} sampled authors per size.",
    ]
    for graph in run["graphs"]:
        rows = {(r["system"], r["workload"], r["concurrency"]): r for r in graph["results"]}
        workloads = sorted({r["workload"] for r in graph["results"]})
        lines += [
            "",
            f"### {graph['papers']:,} papers",
            "",
            f"Store {graph['store_mb']} MB, Neo4j heap {graph['heap']}, page cache "
            f"{graph['pagecache']}; {graph.get('authors_with_works', 0):,} authors with works.",
            "",
            "Latency at concurrency 1 (ms):",
            "",
            "| workload | floor p50 | service p50 | peer p50 | service/floor | peer/floor "
            "| service p95 | service p99 | peer p99 |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for w in workloads:
            f, s, p = (rows.get((x, w, 1), {}) for x in ("floor", "service", "peer"))
            lines.append(
                f"| {w} {WORKLOADS[w]} | {f.get('p50_ms', '-')} | {s.get('p50_ms', '-')} "
                f"| {p.get('p50_ms', '-')} | {_ratio(s.get('p50_ms', 0), f.get('p50_ms', 0))} "
                f"| {_ratio(p.get('p50_ms', 0), f.get('p50_ms', 0))} | {s.get('p95_ms', '-')} "
                f"| {s.get('p99_ms', '-')} | {p.get('p99_ms', '-')} |"
            )
        lines += [
            "",
            "Throughput (requests/s; errors in brackets when any):",
            "",
            "| workload | c | floor | service | peer | service/peer | service/floor "
            "| service RSS MB | service CPU % | Neo4j CPU % |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for w in workloads:
            for c in sorted({r["concurrency"] for r in graph["results"]} - {1}):
                cells = []
                for x in ("floor", "service", "peer"):
                    r = rows.get((x, w, c), {})
                    errors = f" ({r['errors']} errors)" if r.get("errors") else ""
                    cells.append(f"{r.get('throughput', '-')}{errors}")
                s, p, f = (rows.get((x, w, c), {}) for x in ("service", "peer", "floor"))
                lines.append(
                    f"| {w} | {c} | {' | '.join(cells)} "
                    f"| {_ratio(s.get('throughput', 0), p.get('throughput', 0))} "
                    f"| {_ratio(s.get('throughput', 0), f.get('throughput', 0))} "
                    f"| {s.get('rss_mb', {}).get('service', '-')} "
                    f"| {s.get('cpu_percent', {}).get('service', '-')} "
                    f"| {s.get('cpu_percent', {}).get('neo4j', '-')} |"
                )
        peak = max(
            (r["rss_mb"].get("service", 0) for r in graph["results"] if r["system"] == "service"),
            default=0,
        )
        peer_peak = max(
            (r["rss_mb"].get("peer", 0) for r in graph["results"] if r["system"] == "peer"),
            default=0,
        )
        lines += ["", f"Peak RSS under load: service {peak} MB, peer {peer_peak} MB."]
    return "\n".join(lines) + "\n"


def plot(run: dict[str, Any], path: Path) -> None:
    """p50 latency at concurrency 1 against graph size, one panel per workload."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    workloads = sorted({r["workload"] for g in run["graphs"] for r in g["results"]})
    figure, axes = plt.subplots(1, len(workloads), figsize=(3.2 * len(workloads), 3.4))
    axes = [axes] if len(workloads) == 1 else list(axes)
    for axis, w in zip(axes, workloads, strict=True):
        for system, style in (("floor", "k:"), ("service", "b-"), ("peer", "r--")):
            points = [
                (g["papers"], r["p50_ms"])
                for g in run["graphs"]
                for r in g["results"]
                if r["system"] == system and r["workload"] == w and r["concurrency"] == 1
            ]
            if points:
                xs, ys = zip(*points, strict=True)
                axis.plot(xs, ys, style, marker="o", label=system)
        axis.set_xscale("log")
        axis.set_yscale("log")
        axis.set_title(f"{w} {WORKLOADS[w]}", fontsize=9)
        axis.set_xlabel("papers", fontsize=8)
        axis.tick_params(labelsize=7)
        axis.grid(True, which="both", alpha=0.3)
    axes[0].set_ylabel("p50 latency, ms (concurrency 1)", fontsize=8)
    axes[0].legend(fontsize=7)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def write_report(run: dict[str, Any], docs: Path) -> None:
    """Replace the figures section of docs/benchmarks.md; write the plot and the run's JSON."""
    page = docs / "benchmarks.md"
    text = page.read_text(encoding="utf-8")
    start, end = (text.index(m) for m in MARKERS)
    text = text[: start + len(MARKERS[0])] + "\n" + tables(run) + text[end:]
    page.write_text(text, encoding="utf-8")
    (docs / "benchmarks.json").write_text(json.dumps(run, indent=1) + "\n", encoding="utf-8")
    plot(run, docs / "benchmarks.png")


if __name__ == "__main__":
    write_report(json.loads(Path(sys.argv[1]).read_text()), Path(__file__).parent.parent / "docs")
