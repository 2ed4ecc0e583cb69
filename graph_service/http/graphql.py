"""The GraphQL endpoint over HTTP: strawberry's view with the request's body checked, its
deadline, the largest response, and the HTTP status its errors call for.

Every refusal, whether the HTTP layer's or GraphQL's, is a JSON body of GraphQL errors with
`extensions.code` and `extensions.requestId`, never a bare text or a 500.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

from cross_web import HTTPException
from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData, process_result
from strawberry.http.parse_content_type import parse_content_type
from strawberry.types import ExecutionResult

from graph_service.api import Context, build_schema
from graph_service.api.errors import client_error, stamped
from graph_service.api.execution.batching import Batcher
from graph_service.api.guard.admission import Admission
from graph_service.db.repository import Repository
from graph_service.errors import QueryTimeout, ResponseTooLarge, ServiceError
from graph_service.http.body import (
    BodyTooLarge,
    decode_object,
    limit_body,
    refusal,
    request_id_of,
)
from graph_service.settings import Settings

# Of a request's time limit, what is kept to encode and send the answer once the work is
# stopped (at most a tenth of the limit): a loop busy with other requests' answers delayed a
# timed-out request's own by a second.
ANSWER_MARGIN = 0.5


def parse_code(message: str) -> str:
    """The code of an error raised before the error policy runs: the parser's."""
    if "tokens. Parsing aborted" in message:
        return "DOCUMENT_TOO_LARGE"
    return "GRAPHQL_PARSE_FAILED" if message.startswith("Syntax Error") else "BAD_REQUEST"


class GraphQLApp(GraphQL[Context, None]):
    """Strawberry's ASGI view, handed the app's repository as its context; every request has
    a bounded body, a deadline and a largest response."""

    def __init__(self, settings: Settings, ide: Callable[[], Response]) -> None:
        admission = Admission(
            most=settings.max_concurrent,
            heavy=settings.max_heavy,
            heavy_cost=settings.cost_budget // 10,
            per_client=settings.max_per_client,
        )
        schema = build_schema(
            settings.cost_budget, admission, settings.introspection, settings.fast_completion
        )
        super().__init__(schema, graphql_ide="graphiql" if settings.introspection else None)
        self.settings = settings
        self.ide = ide
        self.admission = admission
        self.writing = asyncio.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        headers = dict(scope["headers"])
        request_id = request_id_of(headers.get(b"x-request-id", b"").decode("latin-1"))
        state = scope.setdefault("state", {})
        state["request_id"], state["arrived"] = request_id, asyncio.get_running_loop().time()
        if scope["method"] not in ("GET", "POST"):
            response = refusal(
                405, f"{scope['method']} is not served here: send GET or POST", request_id
            )
            response.headers["Allow"] = "GET, POST"
            await response(scope, receive, send)
            return
        most = self.settings.max_body_bytes
        too_large = refusal(
            413, f"the request body is over the limit of {most:,} bytes", request_id
        )
        length = headers.get(b"content-length", b"0")
        if not length.isdigit() or int(length) > most:
            response = (
                too_large
                if length.isdigit()
                else refusal(400, "the Content-Length header is not a number", request_id)
            )
            await response(scope, receive, send)
            return
        request = Request(scope, receive=limit_body(receive, most))
        try:
            response = await self.run(request)
        except HTTPException as error:
            response = refusal(error.status_code, error.reason, request_id)
        except BodyTooLarge:
            response = too_large
        await response(scope, receive, send)

    def decode_json(self, data: str | bytes) -> object:
        # The body, and a GET's `variables` and `extensions`.
        return decode_object(data, "the request")

    async def parse_http_body(self, request: Any) -> GraphQLRequestData | list[GraphQLRequestData]:
        if request.method == "POST":
            media, _ = parse_content_type(request.content_type or "")
            if media != "application/json":
                raise HTTPException(
                    415, f"send the operation as Content-Type: application/json, not {media!r}"
                )
        return await super().parse_http_body(request)

    async def execute_operation(
        self,
        request: Request,
        request_adapter: Any,
        request_data: GraphQLRequestData | list[GraphQLRequestData],
        context: Context,
        root_value: None,
        sub_response: Response,
    ) -> Any:
        # Past the deadline the operation is cancelled wherever it waits (Neo4j included,
        # frozen or not); the driver closes the connections it was using. The deadline counts
        # from the request's arrival, and the work stops early enough to answer by it.
        deadline = self.settings.request_timeout
        arrived: float = request.scope["state"]["arrived"]
        stop_at = arrived + deadline - min(ANSWER_MARGIN, deadline / 10)
        try:
            async with asyncio.timeout_at(stop_at):
                return await super().execute_operation(
                    request, request_adapter, request_data, context, root_value, sub_response
                )
        except TimeoutError:
            failure = QueryTimeout(
                f"the request ran past its time limit ({deadline:g}s) and was stopped"
            )
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is not None and task.cancelling():
                raise  # the server is shutting down or the client went away
            failure = QueryTimeout("the request was cancelled before it finished")
        return ExecutionResult(data=None, errors=[client_error(failure, context.request_id)])

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        """Every error with a code and the request id (parse errors and the token limit come
        from before the error policy runs), and the HTTP status its errors call for."""
        request_id: str = request.scope["state"]["request_id"]
        status, retry = 200, None
        errors: list[GraphQLError] = []
        for error in result.errors or []:
            original = error.original_error
            if isinstance(original, ServiceError) and original.status > status:
                status, retry = original.status, original.retry_after
            # The error policy stamped what execution raised; the parser's errors and the
            # token limit come from before it runs.
            given = error.extensions or {}
            errors.append(
                stamped(
                    error,
                    given.get("code") or parse_code(error.message),
                    given.get("requestId", request_id),
                )
            )
        if errors:
            result.errors = errors
        response: Response | None = request.scope["state"].get("response")
        if response is not None and status != 200:
            response.status_code = status
            if retry is not None:
                response.headers["Retry-After"] = str(retry)
        return process_result(result)

    def create_response(self, response_data: Any, sub_response: Response) -> Response:
        response = super().create_response(response_data, sub_response)
        most = self.settings.max_response_bytes
        if len(response.body) > most:
            request_id = sub_response.headers.get("X-Request-ID", "")
            too_large = ResponseTooLarge(
                f"the response would be {len(response.body):,} bytes, over the limit of "
                f"{most:,}: ask for fewer items or fields"
            )
            error = client_error(too_large, request_id).formatted
            response.body = json.dumps({"data": None, "errors": [error]}).encode()
            response.headers["content-length"] = str(len(response.body))
        return response

    async def render_graphql_ide(self, request: Request) -> Response:
        # Our own GraphiQL build: strawberry's page loads GraphiQL from a CDN.
        return self.ide()

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None
    ) -> Context:
        repository: Repository = request.app.state.repository
        settings: Settings = request.app.state.settings
        request_id: str = request.scope["state"]["request_id"]
        if isinstance(response, Response):
            response.headers["X-Request-ID"] = request_id
            request.scope["state"]["response"] = response
        return Context(
            repository=repository,
            batcher=Batcher(repository),
            request_id=request_id,
            write_token=settings.token,
            similar=settings.similar,
            coauthor_cap=settings.coauthor_cap,
            writing=self.writing,
            request=request if isinstance(request, Request) else None,
            response=response if isinstance(response, Response) else None,
        )
