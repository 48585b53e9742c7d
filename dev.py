#!/usr/bin/env python3
"""Run ClaimGraph from a fresh clone with nothing but Python 3.11+ (standard library only).

    python3 dev.py serve [claimgraph serve options]   # API on http://127.0.0.1:8000, seeded SQLite
    python3 dev.py test [pytest options]              # the whole test suite

Both create ``.venv`` if it is missing and (re)install the project with its dev extras whenever
``pyproject.toml`` changed since the last install (a stamp file in the venv holds its hash).
"""

import hashlib
import os
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / "claimgraph-install.sha256"
POSTGRES = ("127.0.0.1", 5432)
POSTGRES_TEST_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def run(*args: object, env: dict[str, str] | None = None) -> int:
    return subprocess.run([str(a) for a in args], cwd=ROOT, env=env).returncode


def bootstrap() -> None:
    """Create the venv and install the project into it, unless that is already up to date."""
    if sys.version_info < (3, 11):
        sys.exit("ClaimGraph needs Python 3.11 or newer.")
    if not PYTHON.exists():
        print("creating .venv", file=sys.stderr)
        if run(sys.executable, "-m", "venv", VENV):
            sys.exit("could not create .venv")
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != digest:
        print("installing the project and its dev dependencies into .venv", file=sys.stderr)
        if run(PYTHON, "-m", "pip", "install", "--quiet", "-e", ".[dev]"):
            sys.exit("pip install failed")
        STAMP.write_text(digest + "\n")


def postgres_is_reachable() -> bool:
    try:
        with socket.create_connection(POSTGRES, timeout=1):
            return True
    except OSError:
        return False


def serve(args: list[str]) -> int:
    """``claimgraph serve`` on the default SQLite database, seeded when empty."""
    return run(BIN / "claimgraph", "serve", *args)


def test(args: list[str]) -> int:
    """pytest over the whole suite; PostgreSQL tests too when a server answers on 5432."""
    env = dict(os.environ)
    if "CLAIMGRAPH_TEST_POSTGRES_URL" not in env and postgres_is_reachable():
        env["CLAIMGRAPH_TEST_POSTGRES_URL"] = POSTGRES_TEST_URL
    return run(PYTHON, "-m", "pytest", *args, env=env)


COMMANDS = {"serve": serve, "test": test}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__, file=sys.stderr)
        return 2
    bootstrap()
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
