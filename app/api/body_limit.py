"""Refuse request bodies larger than the limit (413), before and while reading them."""

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import PayloadTooLarge, problem_response


class BodySizeLimit:
    """Pure ASGI middleware: a declared Content-Length over the limit is refused unread; a body
    without one (chunked) or with a false one is counted while the route reads it. Paths in
    ``path_limits`` (exact match) have their own limit."""

    def __init__(self, app: ASGIApp, max_bytes: int, path_limits: dict[str, int] | None = None):
        self.app = app
        self.max_bytes = max_bytes
        self.path_limits = path_limits or {}

    @staticmethod
    def _error(limit: int) -> PayloadTooLarge:
        return PayloadTooLarge(f"The request body is larger than {limit} bytes.")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.path_limits.get(scope["path"], self.max_bytes)
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await problem_response(self._error(limit))(scope, receive, send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise self._error(limit)  # FastAPI re-raises it to the problem handler
            return message

        await self.app(scope, counting_receive, send)
