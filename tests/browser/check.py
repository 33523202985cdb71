"""
Open interviewprep's HTML output in headless Chromium and check that no script runs.

Run by ``tests/browser/check.sh`` (which installs Chromium) with the project's venv.
Renders, with the command line of the interpreter running this file:

- the HTML export of a hostile pack, whose titles and bodies hold a ``<script>``, an
  ``<img onerror>``, a ``javascript:`` Markdown link and a ``<div onmouseover>``;
- the HTML plan of ``examples/interview.toml``.

Each page is loaded with ``--dump-dom`` (the DOM after scripts and load events had
their chance) and the check asserts: the ``<title>`` is unchanged, "pwned" appears in
no title, element or attribute (only in visible text), no ``<script>`` element, no
``on*`` attribute and no ``javascript:`` URL exist, the hostile markup is shown as
text, and the page's content is there. A control page with a real ``onerror`` handler
proves the browser does run scripts here, so the checks can fail. Screenshots and
dumped DOMs are kept in ``.ci-artifacts/browser/``.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
ARTIFACTS = ROOT / ".ci-artifacts" / "browser"
CHROMIUM = os.environ.get("CHROMIUM", "chromium")
TIMEOUT = 60  # seconds for one page; a page that opens a dialog never finishes

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=\"document.title='pwned'\">"
LINK = "[link](javascript:document.title='pwned')"
HOVER = "<div onmouseover=\"document.title='pwned'\">hover me</div>"
PAYLOADS = {"script-tag": SCRIPT, "img-onerror": IMAGE, "javascript-link": LINK, "hover": HOVER}


def toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def hostile_pack(folder: Path) -> None:
    folder.mkdir(parents=True)
    lines = [
        "[pack]",
        'name = "hostile"',
        'version = "1.0.0"',
        f"title = {toml_string('Hostile pack ' + SCRIPT)}",
        'requires = ["core>=1.0"]',
    ]
    for tip_id, payload in PAYLOADS.items():
        lines += [
            "",
            "[[tips]]",
            f'id = "{tip_id}"',
            f"title = {toml_string(f'Tip {tip_id} {payload}')}",
            f"body = {toml_string(f'The body of {tip_id}: {payload} (end).')}",
            'topic = "research"',
        ]
    (folder / "pack.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


class Page(HTMLParser):
    """What a (dumped) page holds: its title, elements with attributes, and text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.texts: list[str] = []
        self.headings: dict[str, list[str]] = {}
        self._open: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        where = self._open[-1] if self._open else ""
        if where == "title":
            self.title += data
        elif where in {"h1", "h2", "h3"}:
            self.headings.setdefault(where, []).append(data)
        if where not in {"style", "title"}:
            self.texts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.texts)


def render(*args: str) -> None:
    command = [sys.executable, "-m", "interviewprep", *args]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"FAILED: {' '.join(args)} exited {result.returncode}:\n{result.stderr}")


def chromium(page: Path, *options: str) -> str:
    """Run headless Chromium on *page*; its standard output (the DOM for --dump-dom)."""
    with tempfile.TemporaryDirectory() as profile:
        command = [
            CHROMIUM,
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--disable-dev-shm-usage",
            f"--user-data-dir={profile}",
            "--window-size=1280,1600",
            *options,
            page.as_uri(),
        ]
        # A session of its own, so a hung browser is ended with all its processes.
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        try:
            stdout, stderr = process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            sys.exit(
                f"FAILED: Chromium did not finish {page.name} within {TIMEOUT} s: a script "
                "may have opened a dialog (alert() blocks headless Chromium)"
            )
    if process.returncode != 0:
        sys.exit(f"FAILED: Chromium exited {process.returncode} on {page.name}:\n{stderr}")
    return stdout


def script_ran(source: Page, dumped: Page) -> list[str]:
    """Signs that a script ran or could run in the dumped page; empty when none."""
    signs = []
    if dumped.title != source.title:
        signs.append(f"the title changed from {source.title!r} to {dumped.title!r}")
    if "pwned" in dumped.title:
        signs.append("'pwned' is in the title")
    for tag, attrs in dumped.elements:
        if tag == "script":
            signs.append("a <script> element")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                signs.append(f"an event handler attribute <{tag} {name}=...>")
            if value.startswith("javascript:"):
                signs.append(f"a javascript: URL in <{tag} {name}>")
            if "pwned" in value or "pwned" in name:
                signs.append(f"'pwned' in an attribute of <{tag}>")
    return signs


def check_page(name: str, html_file: Path) -> Page:
    """Load *html_file* in Chromium; fail if a script ran; keep the DOM and a screenshot."""
    dom = chromium(html_file, "--virtual-time-budget=3000", "--dump-dom")
    (ARTIFACTS / f"{name}.dom.html").write_text(dom, encoding="utf-8")
    screenshot = ARTIFACTS / f"{name}.png"
    chromium(html_file, "--hide-scrollbars", f"--screenshot={screenshot}")
    if not screenshot.read_bytes().startswith(b"\x89PNG"):
        sys.exit(f"FAILED: no screenshot of {name}")
    source, dumped = Page(html_file.read_text("utf-8")), Page(dom)
    if not dumped.elements or "<body" not in dom:
        sys.exit(f"FAILED: Chromium dumped no page for {name}:\n{dom[:500]}")
    signs = script_ran(source, dumped)
    expect(name, not signs, "no script ran: " + ("; ".join(signs) or "title unchanged, no script"))
    return dumped


def expect(name: str, condition: bool, what: str) -> None:
    if not condition:
        sys.exit(f"FAILED: {name}: {what}")
    print(f"  ok  {name}: {what}")


def main() -> None:
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    version = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, check=True)
    print("browser:", version.stdout.strip())

    # The control: a page whose handler does run, or the checks below prove nothing.
    control = ARTIFACTS / "control.html"
    control.write_text(
        "<!DOCTYPE html><html><head><title>control</title></head><body>"
        f"<h1>Control</h1>{IMAGE}</body></html>",
        encoding="utf-8",
    )
    dom = chromium(control, "--virtual-time-budget=3000", "--dump-dom")
    signs = script_ran(Page(control.read_text("utf-8")), Page(dom))
    expect("control", any("title changed" in s for s in signs), "a real onerror handler runs")

    hostile_pack(ARTIFACTS / "hostile-pack")
    hostile_html = ARTIFACTS / "hostile.html"
    render(
        "--pack-path",
        str(ARTIFACTS / "hostile-pack"),
        "export",
        "--packs",
        "hostile",
        "--format",
        "html",
        "-o",
        str(hostile_html),
    )
    page = check_page("hostile", hostile_html)
    titles = page.headings.get("h3", [])
    for tip_id, payload in PAYLOADS.items():
        expect(
            "hostile", f"Tip {tip_id} {payload}" in titles, f"tip title {tip_id!r} shown as text"
        )
    for tip_id in ("script-tag", "img-onerror", "hover"):
        shown = f"The body of {tip_id}: {PAYLOADS[tip_id]} (end)."
        expect("hostile", shown in page.text, f"body of {tip_id!r} shown as text")
    expect("hostile", "The body of javascript-link: link (end)." in page.text, "js: link inert")
    expect("hostile", page.title == f"Hostile pack {SCRIPT}", "page title shown as text")

    plan_html = ARTIFACTS / "plan.html"
    interview = ROOT / "examples" / "interview.toml"
    today = ("--today", "2026-11-26")
    render("plan", str(interview), *today, "--format", "html", "-o", str(plan_html))
    page = check_page("plan", plan_html)
    heading = "Prep plan: Senior data analyst at Northwind Traders"
    expect("plan", heading in page.headings.get("h1", []), f"heading {heading!r}")
    for person in ("Dana Whitfield", "Sam Osei", "Priya Raman", "Lee Park"):
        expect("plan", person in page.text, f"interviewer {person}")

    print(f"browser check passed; screenshots and DOMs in {ARTIFACTS.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
