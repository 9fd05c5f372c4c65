"""Neo4j Browser (served from its Maven jar) shows the pushed corpus graph with ontologies/style.grass.

Drives headless Chromium with Playwright: log in, load the style with `:style`, run a question,
check what Browser displays against the database, and save a screenshot
(KG_DOCS_SCREENSHOT=1 writes it to docs/neo4j-browser.png).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import main
from kg.settings import ONTOLOGY_DIR

pytestmark = pytest.mark.neo4j

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
QUESTION = ("MATCH (p:Person)-[a:ATTENDED]->(e:Event) WHERE 'NobelLaureate' IN p.honors "
            "OPTIONAL MATCH (e)-[h:HELD_IN]->(z) RETURN p, a, e, h, z")


def _chromium() -> str:
    found = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        found = None
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("the Browser test needs chromium (Debian package) and playwright (pip) under CI")
        pytest.skip("no chromium or playwright on this machine")
    return found


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def _grass_colour(label: str) -> str:
    text = (ONTOLOGY_DIR / "style.grass").read_text(encoding="utf-8")
    return re.search(rf"^node\.{label} \{{.*?color: (#[0-9A-F]{{6}});", text, flags=re.M | re.S).group(1)


def test_browser_shows_the_pushed_graph_in_the_project_style(neo4j_server, neo4j_driver, tmp_path):
    from playwright.sync_api import sync_playwright

    executable = _chromium()
    store = tmp_path / "store"
    build([str(CORPUS / "seed-anji-cgt-2023.txt"), str(CORPUS / "dev")], store)
    pushed = CliRunner().invoke(main, ["push", "--neo4j", neo4j_server.uri, "--store", str(store)],
                                env={"NEO4J_PASSWORD": neo4j_server.password})
    assert pushed.exit_code == 0, pushed.output
    records, _, _ = neo4j_driver.execute_query(
        QUESTION.replace("RETURN p, a, e, h, z", "WITH [p, e] + CASE WHEN z IS NULL THEN [] ELSE [z] END AS ns "
                         "UNWIND ns AS n RETURN count(DISTINCT n) AS nodes"))
    expected_nodes = records[0]["nodes"]
    assert expected_nodes > 0, "the corpus graph has no laureate at an event"

    grass = " ".join((ONTOLOGY_DIR / "style.grass").read_text(encoding="utf-8").split())
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{neo4j_server.http_uri}/browser/?dbms={neo4j_server.uri}&preselectAuthMethod=BASIC")
            page.wait_for_selector("[data-testid=boltaddress]", timeout=60_000)
            # The form only shows the username and password fields once this method is chosen.
            page.select_option("select >> nth=1", label="Username / Password")
            page.fill("[data-testid=username]", neo4j_server.user)
            page.fill("[data-testid=password]", neo4j_server.password)
            page.click("[data-testid=connect]")
            page.wait_for_selector("text=/You are connected as user/", timeout=30_000)

            def run(command: str) -> None:
                page.locator(".monaco-editor").first.click()
                page.keyboard.insert_text(command)
                page.keyboard.press("Enter")

            run(":style " + grass)
            page.wait_for_timeout(1000)
            run(QUESTION)
            shown = page.wait_for_selector("text=/Displaying \\d+ nodes/", timeout=30_000).inner_text()
            page.wait_for_timeout(3000)  # let the force layout settle before the picture
            page.screenshot(path=str(tmp_path / "neo4j-browser.png"))
            person_chip = page.locator("text=/^Person \\(\\d+\\)$/").first
            chip_colour = person_chip.evaluate("e => getComputedStyle(e).backgroundColor")
        finally:
            browser.close()
    assert int(re.search(r"Displaying (\d+) nodes", shown).group(1)) == expected_nodes
    assert chip_colour == _rgb(_grass_colour("Person"))
    if os.environ.get("KG_DOCS_SCREENSHOT"):
        shutil.copy(tmp_path / "neo4j-browser.png", REPO / "docs" / "neo4j-browser.png")
