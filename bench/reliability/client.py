"""The suite's HTTP client: every answer judged against the pass conditions, into a tally."""

from __future__ import annotations

import asyncio
import json
import re
import secrets
import time
from collections import Counter
from collections.abc import Awaitable, Iterator
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from graph_service.db.statements import Statement

TOKEN = secrets.token_urlsafe(24)  # this run's write token
DEADLINE = 15.0  # GRAPH_SERVICE_REQUEST_TIMEOUT's default

# What no message may show a client: a traceback, Cypher, a Neo4j code, a statement's name.
LEAK = re.compile(
    r"Traceback|File \"|\.py\b|\bNeo\.[A-Z]|neo4j\.|\bMATCH\b|\bRETURN\b|\bUNWIND\b|Cypher|\b(?:"
    + "|".join(sorted((re.escape(s.value) for s in Statement), key=len, reverse=True))
    + r")\b"
)


@dataclass
class Answer:
    """One request's outcome, as judged."""

    what: str
    started: float
    seconds: float
    status: int  # 0: no HTTP status (connection refused, reset)
    codes: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    body: Any = None
    sent: str = ""  # the operation, for naming the slowest


@dataclass
class Tally:
    """Answers by kind and what was wrong with them."""

    answers: list[Answer] = field(default_factory=list)

    def add(self, answer: Answer) -> Answer:
        self.answers.append(answer)
        return answer

    def statuses(self) -> dict[str, int]:
        return dict(sorted(Counter(str(a.status or "no status") for a in self.answers).items()))

    def codes(self) -> dict[str, int]:
        return dict(Counter(c for a in self.answers for c in a.codes).most_common())


def judge(what: str, started: float, status: int, raw: bytes) -> Answer:
    """An answer, with what breaks the pass conditions: a 5xx other than 503/504, a wait past
    the deadline + 1 s, a body that is not GraphQL's JSON, an error without a code, a message
    naming internals."""
    seconds = time.monotonic() - started
    problems: list[str] = []
    codes: list[str] = []
    body: Any = None
    if status >= 500 and status not in (503, 504):
        problems.append(f"HTTP {status}")
    if seconds > DEADLINE + 1:
        problems.append("past the deadline")
    if status:
        try:
            body = json.loads(raw)
        except ValueError:
            problems.append("not JSON")
        else:
            errors = (body.get("errors") if isinstance(body, dict) else None) or []
            for error in errors:
                code = (error.get("extensions") or {}).get("code")
                if not code:
                    problems.append("an error without a code")
                codes.append(str(code))
                if LEAK.search(str(error.get("message", ""))):
                    problems.append("a message naming internals")
            if status != 200 and not codes:
                problems.append(f"HTTP {status} without a coded error")
    return Answer(what, started, seconds, status, tuple(codes), tuple(problems), body)


class Client:
    """Posts to the served app and judges each answer into a tally."""

    def __init__(self, base: str, session: aiohttp.ClientSession) -> None:
        self.base = base
        self.session = session

    async def raw(
        self,
        what: str,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
        method: str = "POST",
        path: str = "/graphql",
        params: dict[str, str] | None = None,
    ) -> Answer:
        started = time.monotonic()
        try:
            async with self.session.request(
                method, f"{self.base}{path}", data=data, headers=headers, params=params
            ) as response:
                return judge(what, started, response.status, await response.read())
        except (aiohttp.ClientError, TimeoutError, ConnectionError) as error:
            answer = judge(what, started, 0, b"")
            answer.codes = (type(error).__name__,)
            return answer

    async def gql(
        self, what: str, query: str, variables: dict[str, Any] | None = None, token: bool = False
    ) -> Answer:
        headers = {"content-type": "application/json"}
        if token:
            headers["authorization"] = f"Bearer {TOKEN}"
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        answer = await self.raw(what, body, headers)
        answer.sent = query
        return answer


async def pool(count: int, jobs: Iterator[Awaitable[Answer]], tally: Tally) -> None:
    """Run the jobs `count` at a time, into `tally`."""
    lock = asyncio.Lock()

    async def worker() -> None:
        while True:
            async with lock:
                job = next(jobs, None)
            if job is None:
                return
            tally.add(await job)

    await asyncio.gather(*(worker() for _ in range(count)))
