"""What `kg build` tells the user and what it leaves on disk: standard error accounts for every line of
rejects.jsonl, and the files `kg build --out` and `kg export` write get the user's umask."""

from __future__ import annotations

import json
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def kg(*args: str, umask: int | None = None) -> subprocess.CompletedProcess[str]:
    """The real CLI in a fresh process (the umask is per process)."""
    code = (f"import os; os.umask({umask:#o})\n" if umask is not None else "") + "from kg.cli import main; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=REPO)


@pytest.fixture
def mixed_folder(tmp_path) -> Path:
    """Two good articles, a bad JSONL line, an empty article file and a file that is not an article."""
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy2(EXAMPLES / "seed-anji-cgt-2023.txt", folder)
    good = json.loads((EXAMPLES / "records.jsonl").read_text(encoding="utf-8").splitlines()[0])
    (folder / "records.jsonl").write_text(json.dumps(good, ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "NOTES.md").write_text("# Notes\n\nWhere these articles came from.\n", encoding="utf-8")
    return folder


def test_standard_error_counts_every_line_of_rejects_jsonl(mixed_folder, tmp_path):
    store = tmp_path / "store"
    result = kg("build", str(mixed_folder), "--store", str(store))
    assert result.returncode == 0, result.stderr
    written = [json.loads(line) for line in (store / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(written) >= 3  # the bad line, the empty file, NOTES.md
    # One line per entry, naming its file ...
    lines = [line for line in result.stderr.splitlines() if line.startswith(("warning: ", "skipped: "))]
    assert len(lines) == len(written)
    for entry in written:
        assert any(Path(entry["path"]).name in line and entry["reason"] in line for line in lines), entry
    # ... and the count at the end is the same number, with where the reasons are.
    counted = re.search(r"^not built: (\d+) \((\d+) rejected, (\d+) non-article file\(s\) skipped, (\d+) failed "
                        r"extraction\); reasons in (.+)$", result.stderr, flags=re.M)
    assert counted, result.stderr
    total, *parts = (int(n) for n in counted.groups()[:4])
    assert total == sum(parts) == len(written)
    assert Path(counted[5]) == store / "rejects.jsonl"


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_written_files_get_the_umask(umask, tmp_path, demo_store):
    expected = 0o666 & ~umask
    out = tmp_path / "graph.ttl"
    built = kg("build", str(EXAMPLES / "seed-anji-cgt-2023.txt"), "--store", str(tmp_path / "store"), "--out", str(out),
               umask=umask)
    assert built.returncode == 0, built.stderr
    exported = []
    for fmt, target in (("turtle", tmp_path / "part.ttl"), ("html", tmp_path / "part.html"),
                        ("csv", tmp_path / "csv")):
        result = kg("export", "--around", "格雷格·塞门扎", "--format", fmt, "-o", str(target), "--store", str(demo_store),
                    umask=umask)
        assert result.returncode == 0, result.stderr
        exported += [target] if target.is_file() else sorted(target.iterdir())
    for path in (out, *exported):
        assert stat.S_IMODE(path.stat().st_mode) == expected, (path, oct(path.stat().st_mode))
