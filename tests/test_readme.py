"""The README's command blocks marked runnable (``<!-- runnable ... -->`` on the line before the fence)
run as a user would type them, on the demo graph, and exit 0.

Each block runs in a fresh working folder holding ``examples/``, ``my-articles/`` (a copy of examples/,
for "Your own articles") and ``.kg/store`` (the demo graph), with this interpreter's ``kg`` first on PATH.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"^<!-- runnable[^>]*-->\n```(bash|python)\n(.*?)^```$", re.M | re.S)


def runnable_blocks() -> list:
    """(line of the fence, language, code) for each marked block, as pytest params named README.md:LINE."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    found = [(text.count("\n", 0, m.start()) + 2, m[1], m[2]) for m in BLOCK.finditer(text)]
    return [pytest.param(*block, id=f"README.md:{block[0]}") for block in found]


def test_the_readme_marks_its_user_commands_runnable():
    blocks = [param.values for param in runnable_blocks()]
    languages = [language for _, language, _ in blocks]
    assert languages.count("bash") >= 6 and languages.count("python") >= 2
    assert not any("../shared" in code for _, _, code in blocks)  # users do not have the shared corpus


@pytest.mark.parametrize(("line", "language", "code"), runnable_blocks())
def test_readme_block_runs_on_the_demo_graph(line, language, code, demo_store, tmp_path):
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    shutil.copytree(REPO / "examples", tmp_path / "my-articles")
    shutil.copytree(demo_store, tmp_path / ".kg" / "store")
    env = {k: v for k, v in os.environ.items() if k not in ("KG_STORE", "NEO4J_PASSWORD")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    command = ["bash", "-e", "-c", code] if language == "bash" else [sys.executable, "-c", code]
    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"README.md:{line}\n{code}\n{result.stdout[-2000:]}{result.stderr[-3000:]}"
    assert "Error" not in result.stderr, result.stderr
