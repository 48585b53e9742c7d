#!/usr/bin/env python3
"""Batch ingest: ``claimgraph ingest -j N FOLDER`` with 1 and 2 processes, and the speed-up.

    .venv/bin/python bench/batch.py [--processes 1 2] [--copies 2] [--repeat 2]

The folder holds the PolNeAR dev articles beside the repository (else the seeds), ``--copies``
times over, each copy with a line of its own so that its content is new. Each run is the whole
command, as a user starts it (start-up, migrations and model loading included), into a fresh
SQLite file. Rounds alternate the process counts and the best of each is kept, as other
programs on the machine add noise. Each round also times a control: bare ``nlp.pipe`` over the
same files shared out over as many processes (model loading not counted), which tells how much
parallel parsing the machine itself allows. Prints articles/s per count, the speed-up over the
first, the control's speed-up, and how many CPUs each run kept busy: the kernel's autogroup scheduling gives all processes of one
terminal session one share of a busy machine, so while other programs run, N workers may get
no more CPU than one (the speed-up then says more about the machine than about the command).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
POLNEAR = REPO.parent / "shared" / "eval" / "polnear-dev"


def write_folder(folder: Path, copies: int) -> int:
    source = POLNEAR if POLNEAR.is_dir() else REPO / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in sorted(source.glob("*.txt"))]
    for copy in range(copies):
        for n, text in enumerate(texts):
            (folder / f"{copy:02}-{n:04}.txt").write_text(f"{text}\n\n(Copy {copy + 1}.)\n", encoding="utf-8")
    return copies * len(texts)


def run(folder: Path, processes: int, database: Path) -> tuple[float, float]:
    """Seconds for the whole ``claimgraph ingest`` command, and the CPU seconds it used (its
    worker processes included)."""
    database.unlink(missing_ok=True)
    env = {**os.environ, "CLAIMGRAPH_DATABASE_URL": f"sqlite:///{database}"}
    cpu = cpu_seconds()
    start = time.perf_counter()
    done = subprocess.run([REPO / ".venv" / "bin" / "claimgraph", "ingest", "-j", str(processes), folder],
                          env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0 or " new, 0 already stored" not in done.stdout:
        sys.exit(f"claimgraph ingest -j {processes} failed: {done.stdout}{done.stderr[-2000:]}")
    return seconds, cpu_seconds() - cpu


# the control: bare nlp.pipe over a share of the files in each process, all starting together
CONTROL = """
import sys, time
from pathlib import Path
from app.extract.pipeline import Pipeline
nlp = Pipeline().nlp
texts = [Path(p).read_text(encoding="utf-8") for p in sys.argv[1:]]
list(nlp.pipe(texts[:1]))
print("ready", flush=True)
sys.stdin.readline()
start = time.perf_counter()
list(nlp.pipe(texts, batch_size=64))
print(time.perf_counter() - start, flush=True)
"""


def control(folder: Path, processes: int) -> float:
    """Seconds for ``processes`` processes to parse a share of the files each with bare
    ``nlp.pipe``, model loading not counted: the machine's own limit for parallel parsing."""
    files = sorted(map(str, folder.glob("*.txt")))
    workers = [subprocess.Popen([sys.executable, "-c", CONTROL, *files[i::processes]], cwd=REPO,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
               for i in range(processes)]
    for worker in workers:
        assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    return max(float(worker.communicate()[0]) for worker in workers)


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--copies", type=int, default=2, help="times the article set is repeated")
    parser.add_argument("--repeat", type=int, default=2,
                        help="rounds; the best of each is kept, as other processes add noise")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        articles = write_folder(folder, args.copies)
        print(f"{articles} articles, {os.cpu_count()} CPUs, load average before: {os.getloadavg()[0]:.1f}")
        best: dict[int, float] = {}
        bare: dict[int, float] = {}
        for n in range(1, args.repeat + 1):
            for processes in args.processes:
                seconds, cpu = run(folder, processes, Path(tmp) / "batch.db")
                rate = articles / seconds
                best[processes] = max(best.get(processes, 0), rate)
                print(f"round {n}, -j {processes}: {seconds:6.1f} s  {rate:5.2f} articles/s  "
                      f"{cpu / seconds:4.2f} CPUs busy on average", flush=True)
                seconds = control(folder, processes)
                bare[processes] = max(bare.get(processes, 0), articles / seconds)
                print(f"round {n}, bare nlp.pipe in {processes} process(es): {seconds:6.1f} s  "
                      f"{articles / seconds:5.2f} articles/s", flush=True)
        print(f"load average after: {os.getloadavg()[0]:.1f} (other processes slow the runs down)")
    first = args.processes[0]
    for processes in args.processes:
        print(f"best of {args.repeat}, -j {processes}: {best[processes]:5.2f} articles/s"
              + (f"  speed-up {best[processes] / best[first]:.2f} (target ≥ 1.7)" if processes != first else ""))
    for processes in args.processes[1:]:
        print(f"control: bare nlp.pipe in {processes} processes parses {bare[processes] / bare[first]:.2f}× "
              f"as fast as in {first} (the machine's limit, start-up not counted)")


if __name__ == "__main__":
    main()
