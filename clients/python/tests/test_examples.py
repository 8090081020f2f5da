"""The analyst scripts in examples/analyst/, run as an analyst runs them
(a separate /usr/bin/python3 process) against the real services, on the
running example."""

from __future__ import annotations

import csv
import io
import pathlib
import subprocess
import sys

import claimtrack
from conftest import ANALYST_SCRIPTS, EXAMPLES_DIR, RUNNING_EXAMPLE, Suite

GARLAND_QUOTE = "There is no hiding place for war criminals"


def run_script(suite: Suite, script: str, *args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ANALYST_SCRIPTS / script), *map(str, args)],
                          env=suite.environment(), capture_output=True, text=True,
                          timeout=120)


def ingest_running_example(client: claimtrack.Client, publisher: str, url: str) -> None:
    client.ingest(claimtrack.Article(RUNNING_EXAMPLE.read_text(encoding="utf-8"),
                                     publisher=publisher, url=url), wait=True)


def test_bulk_import_imports_a_folder_with_progress(suite: Suite,
                                                    client: claimtrack.Client) -> None:
    result = run_script(suite, "bulk_import.py", EXAMPLES_DIR, "--publisher",
                        "Network Today", "--published", "2025-03-17", "--wait")
    assert result.returncode == 0, result.stderr

    # Every .txt in the folder, in name order, then the summary.
    articles = sorted(EXAMPLES_DIR.glob("*.txt"))
    count = len(articles)
    lines = result.stdout.splitlines()
    assert len(lines) == count + 1
    for line, path in zip(lines, articles):
        assert line.split()[1:] == ["created", "done", str(path)]
    assert lines[count].startswith(
        f"imported {count} articles: {count} new, 0 already there ({count} done)")
    assert f"] {count}/{count} articles" in result.stderr

    documents = list(client.documents(state="done"))
    assert len(documents) == count
    assert {d.source.publisher for d in documents} == {"Network Today"}
    assert {d.source.publish_time.ToJsonString() for d in documents} == {
        "2025-03-17T00:00:00Z"}

    again = run_script(suite, "bulk_import.py", EXAMPLES_DIR, "--publisher",
                       "Network Today", "--published", "2025-03-17")
    assert again.returncode == 0, again.stderr
    assert f"{count} articles: 0 new, {count} already there" in again.stdout


def test_bulk_import_checks_every_file_first(suite: Suite, client: claimtrack.Client,
                                             tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(RUNNING_EXAMPLE.read_text(encoding="utf-8"))
    (folder / "b.txt").write_text("")

    result = run_script(suite, "bulk_import.py", folder)
    assert result.returncode == 2
    assert f"{folder / 'b.txt'} is empty" in result.stderr
    assert list(client.documents()) == []

    url = run_script(suite, "bulk_import.py", folder / "a.txt", EXAMPLES_DIR,
                     "--url", "https://example.com/a")
    assert url.returncode == 2
    assert "--url names one article" in url.stderr


def test_bulk_import_names_the_file_the_server_rejects(suite: Suite,
                                                       tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "1-good.txt").write_text("A fine article.")
    (folder / "2-bad.txt").write_bytes(b"Broken \xff\xfe bytes.")

    result = run_script(suite, "bulk_import.py", folder)
    assert result.returncode == 1
    assert f"the failing article is {folder / '2-bad.txt'}" in result.stderr
    assert "INVALID_ARGUMENT" in result.stderr


def test_speaker_report_csv(suite: Suite, client: claimtrack.Client) -> None:
    ingest_running_example(client, "New York Post", "https://nypost.example/icpa")
    ingest_running_example(client, "Daily Ledger", "https://ledger.example/icpa")
    [claim] = list(client.claims(speaker="Garland"))
    client.review(claim, verdict="in-review", note="checking")

    result = run_script(suite, "speaker_report.py", "garland")
    assert result.returncode == 0, result.stderr
    [row] = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row == {
        "claim": claim.name, "kind": "direct-quote", "speaker": "Merrick Garland",
        "role": "Attorney General (then)", "attribution": "unchecked",
        "verdict": "in-review", "verdict_note": "checking", "appearances": "2",
        "publishers": "New York Post; Daily Ledger",
        "urls": "https://nypost.example/icpa; https://ledger.example/icpa",
        "text": GARLAND_QUOTE}

    nobody = run_script(suite, "speaker_report.py", "Nobody At All")
    assert nobody.returncode == 0
    assert nobody.stdout.splitlines()[1:] == []


def test_speaker_report_markdown(suite: Suite, client: claimtrack.Client,
                                 tmp_path: pathlib.Path) -> None:
    ingest_running_example(client, "New York Post", "https://nypost.example/icpa")
    [claim] = list(client.claims(speaker="Schmid"))
    output = tmp_path / "schmid.md"

    result = run_script(suite, "speaker_report.py", "Michael Schmid", "--format",
                        "markdown", "--output", output)
    assert result.returncode == 0, result.stderr
    report = output.read_text(encoding="utf-8")
    assert report.startswith("# Claims of Michael Schmid\n\n1 claim.\n")
    assert (f"| {claim.name} | direct-quote | Michael Schmid | unchecked | unverified | 1 | "
            f"{claim.text} |") in report
    assert f"## {claim.name}" in report
    assert "- [New York Post](https://nypost.example/icpa)" in report


def test_review_queue_ranks_by_independent_publishers(suite: Suite,
                                                      client: claimtrack.Client) -> None:
    # Two outlets carry the running example, one of them twice under two
    # spellings; a third outlet has the harbor story alone.
    ingest_running_example(client, "The New York Post", "https://nypost.example/icpa")
    ingest_running_example(client, "new york  post", "https://nypost.example/icpa-copy")
    ingest_running_example(client, "", "https://www.ledger.example/icpa")
    client.ingest(claimtrack.Article(
        (EXAMPLES_DIR / "harbor-council-vote.txt").read_text(encoding="utf-8"),
        publisher="Riverton Courier", url="https://courier.example/harbor"), wait=True)
    # A claim under review has left the queue.
    [garland] = list(client.claims(speaker="Garland"))
    client.review(garland, verdict="in-review")

    result = run_script(suite, "review_queue.py", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    unverified = list(client.claims(verdict="unverified"))
    assert len(rows) == len(unverified)
    assert garland.name not in {row["claim"] for row in rows}
    assert [row["rank"] for row in rows] == [str(i) for i in range(1, len(rows) + 1)]

    publishers = [int(row["publishers"]) for row in rows]
    assert publishers == sorted(publishers, reverse=True)
    icpa = {c.name for c in client.claims(speaker="")
            if c.appearances[0].source.url.startswith("https://nypost")}
    harbor = {row["claim"] for row in rows if row["publishers"] == "1"}
    assert {row["claim"] for row in rows if row["publishers"] == "2"} == icpa - {garland.name}
    assert harbor and not harbor & icpa
    schmid = next(row for row in rows if row["speaker"] == "Michael Schmid")
    assert schmid["appearances"] == "3"
    assert schmid["carried_by"] == "The New York Post; (ledger.example)"

    top = run_script(suite, "review_queue.py", "--limit", "2", "--kind", "direct-quote")
    assert top.returncode == 0, top.stderr
    lines = top.stdout.splitlines()
    assert lines[0].split() == ["RANK", "PUBLISHERS", "APPEARANCES", "CLAIM", "SPEAKER",
                                "TEXT"]
    assert lines[1].split()[:3] == ["1", "2", "3"]
    assert "Michael Schmid" in lines[1]
    assert lines[2].strip() == "carried by: The New York Post, (ledger.example)"
    assert len(lines) == 5  # two claims, two lines each
