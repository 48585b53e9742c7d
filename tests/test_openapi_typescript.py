"""The TypeScript client the frontend generates: openapi-typescript turns the committed
openapi.json into types, and ``tsc --noEmit`` checks a usage file against them (ingest an
article, walk its graph and evidence offsets, page through a list).

Skipped only where npm is missing; ``.ci/run`` installs it, so CI always runs these.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

CLIENT = Path(__file__).resolve().parents[1] / "clients" / "typescript"
NPM = shutil.which("npm")

pytestmark = pytest.mark.skipif(NPM is None, reason="npm is not installed (.ci/run installs it)")


def run(*args: str | Path, cwd: Path = CLIENT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def generated() -> Path:
    """``npm ci`` (when node_modules is older than the lockfile), then ``npm run generate``."""
    installed = CLIENT / "node_modules" / ".package-lock.json"
    if not installed.exists() or installed.stat().st_mtime < (CLIENT / "package-lock.json").stat().st_mtime:
        r = run(NPM, "ci", "--no-audit", "--no-fund")
        assert r.returncode == 0, r.stdout + r.stderr
    r = run(NPM, "run", "generate")
    assert r.returncode == 0, r.stdout + r.stderr
    return CLIENT / "schema.d.ts"


def test_tools_are_pinned():
    package = json.loads((CLIENT / "package.json").read_text())
    lock = json.loads((CLIENT / "package-lock.json").read_text())
    for name, version in package["devDependencies"].items():
        assert version[0].isdigit(), f"{name} is not pinned: {version}"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version, name


def test_usage_type_checks_against_the_generated_client(generated):
    assert "articles-create" in generated.read_text()
    r = run(NPM, "run", "check")
    assert r.returncode == 0, r.stdout + r.stderr


def test_the_type_check_catches_misuse(generated, tmp_path):
    """The generated types are precise: an unknown relation, a nullable field used as a string,
    a misspelt field and a missing body field all fail."""
    (tmp_path / "misuse.ts").write_text(f"""
import type {{ components }} from "{CLIENT / 'schema'}";
type S = components["schemas"];
export const relation: S["Relation"] = "praise";
export function claimOf(edge: S["GraphEdge"]): string {{ return edge.claim; }}
export function cueOf(evidence: S["EvidencePublic"]): number {{ return evidence.cue.offset; }}
export const page: S["ActorPage"] = {{ items: [], total: 0, limit: 20, offset: 0 }};
""")
    (tmp_path / "tsconfig.json").write_text(json.dumps(
        {"extends": str(CLIENT / "tsconfig.json"), "files": ["misuse.ts"]}))
    r = run(CLIENT / "node_modules" / ".bin" / "tsc", "--noEmit", "-p", tmp_path, cwd=tmp_path)
    failing_lines = {int(m) for m in re.findall(r"^misuse\.ts\((\d+),\d+\): error TS", r.stdout, re.M)}
    assert r.returncode != 0 and failing_lines == {4, 5, 6, 7}, r.stdout
