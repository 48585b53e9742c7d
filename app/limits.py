"""Per-client rate limit on writes (429 with ``Retry-After``), counted by the ``limits`` library.

Writes are the expensive requests (an ingest runs the parser); reads are not limited here. A
client is its address as the server sees it: behind a proxy, run uvicorn with
``--proxy-headers --forwarded-allow-ips=<proxy>`` so that it is the real client's. The counters
live in the storage the settings name; in memory (the default) each server process counts alone.
"""

import math
import time

from fastapi import Request
from limits import parse, storage, strategies

from app.errors import TooManyRequests
from app.security import is_write

NAMESPACE = "writes"


class WriteRateLimit:
    """A moving window: at most N writes in any window of the given length, per client."""

    def __init__(self, rate: str, storage_uri: str):
        self.item = parse(rate)
        self.limiter = strategies.MovingWindowRateLimiter(storage.storage_from_string(storage_uri))

    def hit(self, client: str) -> None:
        """Count one write of ``client``; 429 if it is over the limit (not counted then)."""
        if self.limiter.hit(self.item, NAMESPACE, client):
            return
        reset_at = self.limiter.get_window_stats(self.item, NAMESPACE, client).reset_time
        retry_after = max(1, math.ceil(reset_at - time.time()))
        raise TooManyRequests(
            f"Too many writes from this client (limit: {self.item}); retry in {retry_after} s.",
            headers={"Retry-After": str(retry_after)})


def limit_writes(request: Request) -> None:
    """The dependency: count writes per client address."""
    if is_write(request):
        client = request.client.host if request.client else "unknown"
        request.app.state.write_rate_limit.hit(client)
