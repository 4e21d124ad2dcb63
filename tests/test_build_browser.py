"""The review page as an editor sees it: rendered by a real browser (headless Chromium),
with the Sorani laid out right to left beside the English, glossary terms highlighted on
both sides, QA findings and waivers in their rows, and a translator's markup shown as text."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import polib
import pytest

from workbench.cli import run

ARTICLE = "000_d4781596957db36c"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

PROBE = """<pre id="probe"></pre><script>
const words = (cell) => {
  const found = [];
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of node.data.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const box = range.getBoundingClientRect();
      found.push({left: box.left, right: box.right, top: box.top});
    }
  }
  return found;
};
const cells = (selector) => [...document.querySelectorAll(selector)].map((cell) => {
  const style = getComputedStyle(cell);
  const box = cell.getBoundingClientRect();
  return {
    row: cell.closest("tr").id,
    direction: style.direction,
    lang: cell.lang,
    start: box.right - parseFloat(style.paddingRight),
    end: box.left + parseFloat(style.paddingLeft),
    words: words(cell),
    text: cell.textContent,
  };
});
const marks = (selector) => [...document.querySelectorAll(selector)]
  .filter((m) => m.getBoundingClientRect().width > 0 && getComputedStyle(m).backgroundColor
    !== getComputedStyle(m.parentElement).backgroundColor).length;
document.getElementById("probe").textContent = JSON.stringify({
  sorani: cells("td.ckb"),
  english: cells("td.en"),
  termsSorani: marks("td.ckb mark.term"),
  termsEnglish: marks("td.en mark.term"),
  findings: [...document.querySelectorAll("li.finding")].map((li) =>
    ({row: li.closest("tr").id, kind: li.className, check: li.dataset.check})),
  summary: Object.fromEntries([...document.querySelectorAll(".summary .count")].map((c) =>
    [c.dataset.count, c.querySelector("dd").textContent])),
  scripts: document.scripts.length,
});
</script>"""


def require_chromium() -> str:
    """Skip without Chromium, unless in CI, where a missing browser is a failure."""
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (.ci/run installs it)")
        pytest.skip("chromium is not installed: the review page's rendering test needs it")
    return CHROMIUM


def rendered(page: Path, profile: Path) -> dict[str, Any]:
    """What the browser laid out: the page's DOM after the probe script measured it."""
    probe = page.with_name("probe.html")
    probe.write_text(page.read_text("utf-8").replace("</body>", f"{PROBE}</body>"), "utf-8")
    proc = subprocess.run(
        [
            require_chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={profile}",
            "--window-size=1400,1000",
            "--dump-dom",
            probe.as_uri(),
        ],
        capture_output=True,
        timeout=120,
    )
    dom = proc.stdout.decode("utf-8")
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found and found[1], f"the browser ran no probe: {proc.stderr.decode()[-2000:]}"
    result: dict[str, Any] = json.loads(html.unescape(found[1]))
    return result


def plant(root: Path) -> None:
    """A number changed (a QA error), a translation holding markup, one left untranslated."""
    path = root / "translations" / f"{ARTICLE}.po"
    po = polib.pofile(str(path))
    live = [e for e in po if not e.obsolete]
    numbered = next(e for e in live if "2,500" in e.msgstr)
    numbered.msgstr = numbered.msgstr.replace("2,500", "3,500")
    live[0].msgstr = "<script>alert('x')</script> " + live[0].msgstr
    live[-1].msgstr = ""
    po.save(str(path))


def test_the_review_page_renders_sorani_right_to_left_with_terms_and_findings(
    committed_demo: Path, tmp_path: Path
) -> None:
    require_chromium()
    plant(committed_demo)
    assert run(["build", ARTICLE, "--format", "review", "--project", str(committed_demo)]) == 0
    page = committed_demo / "output" / f"{ARTICLE}.review.html"
    shown = rendered(page, tmp_path / "profile")

    sorani, english = shown["sorani"], shown["english"]
    assert len(sorani) == len(english) == 23
    for cell in sorani:
        assert (cell["direction"], cell["lang"]) == ("rtl", "ckb")
        first, second = cell["words"][:2]
        assert first["top"] == second["top"]  # both on the first line
        assert first["left"] > second["left"], cell["row"]  # the second word is left of it
        assert abs(first["right"] - cell["start"]) < 2, cell["row"]  # lines start at the right
    for cell in english:
        assert (cell["direction"], cell["lang"]) == ("ltr", "en")
        if len(cell["words"]) > 1:
            first, second = cell["words"][:2]
            assert first["left"] < second["left"]
            assert abs(first["left"] - cell["end"]) < 2

    assert shown["termsSorani"] > 50 and shown["termsEnglish"] > 50
    assert shown["scripts"] == 1  # the probe's alone: the translation's markup is text
    assert english[0]["text"].startswith("<script>alert('x')</script> ")
    assert english[-1]["text"] == "untranslated"

    findings = shown["findings"]
    assert {"row": "p4s1", "kind": "finding error", "check": "number-mismatch"} in findings
    waived = [f for f in findings if f["kind"] == "finding waived"]
    assert len(waived) == int(shown["summary"]["waived"]) > 0
    assert shown["summary"]["untranslated"] == "1"
    assert shown["summary"]["QA errors"] == str(sum(f["kind"] == "finding error" for f in findings))
