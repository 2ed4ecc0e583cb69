"""Writes: upsert and delete works, behind the write token."""

from __future__ import annotations

import secrets
from typing import Any

import strawberry
from strawberry.permission import BasePermission

from graph_service.api.context import Ctx
from graph_service.api.resolvers.entities import parse_id
from graph_service.api.types.work import Rejection, UpsertResult, WorkInput
from graph_service.errors import Forbidden, Unauthenticated, check_range
from graph_service.ingest.edits import delete_work, upsert_records

MAX_UPSERT = 1000


class WriteToken(BasePermission):
    """Writes need the configured bearer token; with none configured they are off."""

    def has_permission(self, source: Any, info: Ctx, **kwargs: Any) -> bool:
        # Raised rather than returned: each refusal says what to do, with the FORBIDDEN code.
        token = info.context.write_token
        if not token:
            raise Forbidden("writes are disabled: this server has no write token configured")
        request = info.context.request
        header = request.headers.get("authorization", "") if request else ""
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not secrets.compare_digest(
            given.strip().encode(), token.encode()
        ):
            raise Unauthenticated("writes need the header `Authorization: Bearer <write token>`")
        return True


@strawberry.type
class Mutation:
    @strawberry.mutation(
        permission_classes=[WriteToken],
        description=f"Store works (at most {MAX_UPSERT} per call) the way the importer does: "
        "a newer record replaces a paper's fields, authors, topics and references; authors' "
        "derived values are brought up to date before this returns. Needs the write token.",
    )
    async def upsert_works(self, info: Ctx, works: list[WorkInput]) -> UpsertResult:
        check_range("the number of works", len(works), 1, MAX_UPSERT)
        records = [work.record() for work in works]
        # One write at a time: two at once lock the same authors, topics and :Stale nodes
        # in different orders, and Neo4j's deadlocks and the driver's retries, 1 s and more
        # apart, took concurrent writes past the request's deadline.
        async with info.context.writing:
            report = await upsert_records(
                info.context.repository,
                records,
                similar=info.context.similar,
                coauthor_cap=info.context.coauthor_cap,
            )
        valid = len(works) - len(report.rejected)
        return UpsertResult(
            upserted=report.loaded,
            skipped=valid - report.loaded,
            rejected=[Rejection(index=r.line - 1, reason=r.reason) for r in report.rejected],
            refreshed_authors=report.refreshed_authors,
            refresh_pending=report.refresh_failed is not None,
        )

    @strawberry.mutation(
        permission_classes=[WriteToken],
        description="Remove a work; one that other works cite stays as a stub so their "
        "references remain. False if there was no such work. Needs the write token.",
    )
    async def delete_work(self, info: Ctx, id: strawberry.ID) -> bool:
        paper = parse_id(id, "Paper")
        if paper is None:
            return False
        async with info.context.writing:
            return await delete_work(
                info.context.repository,
                paper,
                similar=info.context.similar,
                coauthor_cap=info.context.coauthor_cap,
            )
