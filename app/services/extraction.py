"""Extraction of submitted articles in a child process, so that a runaway one can be stopped.

The parser and the rules run in C and Python code that no other thread can interrupt, and some
inputs take them minutes (a 100,000-character "sentence", a huge single paragraph). A process can
be killed: each server process keeps one child that loads the pipeline once and extracts one
article at a time. An article still running at the timeout is stopped by killing the child (a
fresh one starts for the next article) and rejected with 422; a request that cannot get the child
within the timeout, because others hold it, gets 503 with ``Retry-After``. The CLI, the seed and
the job workers extract in-process: they have no client waiting on them.
"""

import logging
import math
import multiprocessing
import signal
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from app.errors import ArticleRejected, ExtractionBusy
from app.extract.pipeline import ArticleInput, ExtractionResult, Pipeline

logger = logging.getLogger(__name__)

START_TIMEOUT_SECONDS = 300  # loading the model, never counted against an article
_SPACY_TEXT_TOO_LONG = "[E088]"  # spaCy's error for a text over nlp.max_length
_CONTEXT = multiprocessing.get_context("spawn")  # never fork a process that runs threads


class ExtractionFailed(RuntimeError):
    """The child failed on an article for a reason of its own (the server logs it; 500)."""


def _serve(connection: Connection, model: str) -> None:
    """The child: load the pipeline, then answer ``(status, value)`` per article until the
    parent goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        pipeline = Pipeline(model)
    except Exception as exc:  # noqa: BLE001  (reported to the parent, which raises it)
        connection.send(("failed", f"cannot load the pipeline: {type(exc).__name__}: {exc}"))
        return
    connection.send(("ready", None))
    while True:
        try:
            item = connection.recv()
        except EOFError:
            return
        try:
            answer: tuple[str, Any] = ("ok", pipeline.extract(item))
        except ValueError as exc:
            rejected = _SPACY_TEXT_TOO_LONG in str(exc)
            answer = ("rejected" if rejected else "failed", f"{type(exc).__name__}: {exc}")
        except Exception as exc:  # noqa: BLE001
            answer = ("failed", f"{type(exc).__name__}: {exc}")
        connection.send(answer)


class ExtractionProcess:
    """The child process of one server process, started on first use and after each kill."""

    def __init__(self, model: str):
        self.model = model
        self._lock = threading.Lock()
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None

    def start(self) -> None:
        """Start the child and wait for its pipeline (at server start, so no request waits)."""
        with self._lock:
            self._started()

    def extract(self, item: ArticleInput, timeout: float) -> ExtractionResult:
        if not self._lock.acquire(timeout=timeout):
            raise ExtractionBusy(
                "Other articles are being extracted; retry later.",
                headers={"Retry-After": str(math.ceil(timeout))})
        try:
            connection = self._started()
            connection.send(item)
            if not connection.poll(timeout):
                self._stop()
                raise ArticleRejected(
                    f"Extraction took longer than {timeout:g} s and was stopped; send the article "
                    "in smaller parts, with its paragraphs on separate lines.")
            try:
                status, value = connection.recv()
            except EOFError:  # the child died (killed from outside, out of memory)
                self._stop()
                raise ExtractionFailed("the extraction process died") from None
        finally:
            self._lock.release()
        if status == "rejected":
            raise ArticleRejected("A paragraph of the article is longer than the parser takes; "
                                  "put its paragraphs on separate lines.")
        if status != "ok":
            raise ExtractionFailed(value)
        return value

    def _started(self) -> Connection:
        if self._connection is not None and self._process is not None and self._process.is_alive():
            return self._connection
        self._stop()
        parent_end, child_end = _CONTEXT.Pipe()
        process = _CONTEXT.Process(target=_serve, args=(child_end, self.model), daemon=True,
                                   name="claimgraph-extraction")
        process.start()
        child_end.close()
        self._process, self._connection = process, parent_end
        if not parent_end.poll(START_TIMEOUT_SECONDS):
            self._stop()
            raise ExtractionFailed("the extraction process did not start in time")
        try:
            status, value = parent_end.recv()
        except EOFError:
            status, value = "failed", "the extraction process died while starting"
        if status != "ready":
            self._stop()
            raise ExtractionFailed(value)
        return parent_end

    def _stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join()
            logger.info("stopped the extraction process %s", self._process.pid)
        if self._connection is not None:
            self._connection.close()
        self._process = self._connection = None


@dataclass
class TimedExtraction:
    """What the API hands to ``ingest`` as its pipeline: extraction in the child, time-limited."""

    process: ExtractionProcess
    timeout: float

    def extract(self, item: ArticleInput) -> ExtractionResult:
        return self.process.extract(item, self.timeout)


_processes: dict[str, ExtractionProcess] = {}
_processes_lock = threading.Lock()


def get_extraction_process(model: str) -> ExtractionProcess:
    """The extraction process of this server process for ``model`` (one per model)."""
    with _processes_lock:
        if model not in _processes:
            _processes[model] = ExtractionProcess(model)
        return _processes[model]
