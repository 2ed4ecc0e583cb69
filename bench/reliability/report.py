"""The markdown report of a run (docs/reliability.md)."""

from __future__ import annotations

import os
from typing import Any

from bench.reliability.client import Tally
from bench.reliability.conditions import checks
from bench.reliability.soak import SOAK_CLIENTS, messages


def table(rows: list[list[Any]], head: list[str]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(str(c).replace("|", "/") for c in row) + " |" for row in rows]
    return "\n".join(lines)


def report(run: dict[str, Any], command: str) -> str:
    parts = [
        "# Reliability and security, measured",
        "",
        f"Written by `{command}` on {run['date']} ({run['scale']} scale: {run['papers']:,} "
        f"generated papers, loopback only, {os.cpu_count()} cores). Each run rewrites this file.",
        "",
        "## Pass conditions",
        "",
        table(
            [[c, "pass" if ok else "**FAIL**", figure] for c, ok, figure in checks(run)],
            ["condition", "", "figure"],
        ),
    ]
    if "fuzz" in run:
        f = run["fuzz"]
        every = Tally(f["fuzz"].answers + f["corpus"].answers)
        parts += [
            "",
            "## 1. Fuzz",
            "",
            f"Generated from the schema by hypothesis-graphql in {f['generation_s']} s: "
            + ", ".join(f"{n:,} {k}" for k, n in f["generated"].items())
            + f"; sent 8 at a time in {f['seconds']} s; {f['accepted']:,} answered without an "
            f"error. Then {len(f['corpus'].answers)} hostile requests one by one.",
            "",
            table([[k, v] for k, v in every.statuses().items()], ["HTTP status", "requests"]),
            "",
            table([[k, v] for k, v in every.codes().items()], ["error code", "times"]),
            "",
            table(
                [
                    [a.what, a.status, "/".join(a.codes) or "-", f"{a.seconds * 1000:.0f} ms"]
                    for a in f["corpus"].answers
                ],
                ["hostile request", "status", "code", "time"],
            ),
            "",
            "Request heads past uvicorn's limit: "
            + "; ".join(f"{k}: {v}" for k, v in f["heads"].items())
            + ".",
        ]
    if "expensive" in run:
        e = run["expensive"]
        parts += [
            "",
            "## 2. Expensive but valid",
            "",
            f"16 clients looping five aliased depth-3 slices of the busiest authors costing "
            f"{e['cost_range'][0]:,}-{e['cost_range'][1]:,} (the budget is 10,000) for "
            f"{run['scale_figures']['expensive_seconds']} s, beside one client looping a profile: "
            f"profile p50 **{e['profile_p50_ms']} ms** (alone {e['profile_alone_p50_ms']} ms), "
            f"{e['profile_errors']} profile errors. The near-budget operations: "
            f"{e['heavy'].statuses()}, codes {e['heavy'].codes()}.",
        ]
    if "faults" in run:
        g = run["faults"]
        rows = [
            [
                fault,
                v["readyz_503_after_s"],
                v["readyz_200_after_return_s"],
                v["first_answer_after_return_s"],
            ]
            for fault, v in g["figures"].items()
        ]
        parts += [
            "",
            "## 3. Faults under load, 4. acknowledged writes",
            "",
            f"Mixed reads (profile, search, slice, paper page) at concurrency "
            f"{run['scale_figures']['fault_load']} and one writer (one `upsertWorks` every 0.1 s) "
            f"while Neo4j was killed (SIGKILL) and started again, then frozen (SIGSTOP) for "
            f"{run['scale_figures']['freeze_seconds']:g} s and thawed; "
            f"`/readyz` polled every 0.1 s.",
            "",
            table(
                rows,
                [
                    "fault",
                    "/readyz 503 after (s)",
                    "/readyz 200 after return (s)",
                    "first answer after return (s)",
                ],
            ),
            "",
            f"Reads: {len(g['reads'].answers):,} sent, statuses {g['reads'].statuses()}; "
            f"slowest {g['slowest_s']} s. "
            f"Answers that ended during a fault: {dict(g['during_fault'])}.",
            "",
            "Reads ending in each second after Neo4j's return, by outcome:",
            "",
            table(
                [
                    [back, second, ", ".join(f"{k}: {n}" for k, n in outcomes.items())]
                    for back, by_second in g["after_return"].items()
                    for second, outcomes in by_second.items()
                ],
                ["after", "second", "outcomes"],
            ),
            "",
            f"Writes: **{g['acknowledged']} acknowledged, {g['lost']} lost**, {g['refused']} "
            f"refused with {g['writes'].codes()}. Service RSS {g['rss_mb'][0]} MB before, "
            f"{g['rss_mb'][1]} MB after; Bolt connections {g['bolt_connections'][0]} before, "
            f"{g['bolt_connections'][1]} after "
            f"({g['stale_connections']} left to the killed server).",
        ]
    if "soak" in run:
        s = run["soak"]
        parts += [
            "",
            "## 5. Soak",
            "",
            f"Mixed reads at concurrency 32 (8 each from {SOAK_CLIENTS} client addresses, each "
            f"under the per-client limit) for {s['seconds']:g} s: {len(s['tally'].answers):,} "
            f"requests, {s['errors']} errors, RSS growth {s['rss_growth_pct']}% after the first "
            f"window (`make soak` runs 30 minutes).",
            "",
            table(
                [
                    [m["at_s"], m["requests"], m["p50_ms"], m["p99_ms"], m["rss_mb"], m["errors"]]
                    for m in s["minutes"]
                ],
                [
                    f"at (s), {s['window_s']:g} s windows",
                    "requests",
                    "p50 ms",
                    "p99 ms",
                    "RSS MB",
                    "errors (kind status code)",
                ],
            ),
            *(
                ["", "Error messages, most frequent first:", ""]
                + [f"- {line}" for line in messages(s["failed"])]
                if s["failed"]
                else []
            ),
        ]
    if "imports" in run:
        parts += [
            "",
            "## 6. Import faults",
            "",
            table(
                [
                    [k, v["exit"], "no" if not v["traceback"] else "**yes**", v["said"][:600]]
                    for k, v in run["imports"].items()
                ],
                ["file", "exit", "traceback", "what it said"],
            ),
        ]
        killed = run["imports"]["Neo4j killed mid-load"]
        parts += [
            "",
            f"After Neo4j was killed mid-load and started again, a rerun exited "
            f"{killed['rerun_exit']} and a second rerun left the graph's counts unchanged: "
            f"{'yes' if killed['converged'] else '**no**'}.",
        ]
    if "cli" in run:
        parts += [
            "",
            "## 7. CLI and settings errors",
            "",
            table(
                [
                    [
                        k,
                        v["exit"],
                        v["seconds"],
                        "no" if not v["traceback"] else "**yes**",
                        v["said"][:160],
                    ]
                    for k, v in run["cli"].items()
                ],
                ["mistake", "exit", "s", "traceback", "what it said"],
            ),
        ]
    return "\n".join(parts) + "\n"
