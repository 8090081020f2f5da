#!/usr/bin/python3
"""Imports a folder of articles with a progress bar on stderr.

    examples/analyst/bulk_import.py ~/articles --publisher "Network Today" --wait
    examples/analyst/bulk_import.py a.txt b.txt folder/ --published 2024-05-01

The same conventions as `claimtrack ingest`: a file is one article (its
whole content is the text); a folder stands for every regular file below
it, recursively, sorted by path, hidden files and folders skipped; the
metadata options apply to every article (--url only with a single file).
Every file is checked before anything is sent, so an empty file stops the
import before it starts. Articles go in batches (each committed together);
running the same import again is safe: identical articles return the
existing documents.

stdout gets one line per article (document, created/existing, state, path)
and a summary; stderr the progress.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys
import time

try:
    import claimtrack
except ImportError:  # run from a checkout without PYTHONPATH
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "clients" / "python"))
    import claimtrack
from claimtrack import scripting

# Files are read and sent this many at a time, so memory stays bounded and
# the bar moves during a long import.
_CHUNK_FILES = 100


class Progress:
    """A bar redrawn in place on a terminal; on a pipe or a log file, one
    plain line per update."""

    def __init__(self, total: int, stream=sys.stderr, width: int = 30) -> None:
        self.total = total
        self.stream = stream
        self.width = width
        self.started = time.monotonic()
        self.interactive = stream.isatty()

    def update(self, done: int) -> None:
        filled = self.width * done // self.total if self.total else self.width
        rate = done / max(time.monotonic() - self.started, 1e-9)
        line = (f"[{'#' * filled}{'.' * (self.width - filled)}] {done}/{self.total} "
                f"articles ({rate:.0f}/s)")
        if self.interactive:
            self.stream.write("\r" + line + ("\n" if done == self.total else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    parser.add_argument("--publisher", default="", help="outlet that published the articles")
    parser.add_argument("--url", default="", help="canonical http(s) URL (one file only)")
    parser.add_argument("--title", default="", help="headline")
    parser.add_argument("--author", action="append", default=[], metavar="NAME",
                        help="byline (repeatable)")
    parser.add_argument("--published", type=scripting.parse_published,
                        help="publication time, RFC 3339 (2024-05-01T12:00:00Z) or a date")
    parser.add_argument("--wait", action="store_true",
                        help="return only when each article is processed")
    parser.add_argument("--wait-timeout", type=float, default=120.0, metavar="SECONDS",
                        help="with --wait, how long one batch may take (default 120)")
    scripting.add_connection_arguments(parser)
    arguments = parser.parse_args()

    paths = claimtrack.collect_article_paths(arguments.paths)
    if arguments.url and len(paths) != 1:
        parser.error(f"--url names one article, but {len(paths)} files were given; "
                     "import them separately")
    for path in paths:
        if os.path.getsize(path) == 0:
            parser.error(f"{path} is empty")

    def article(path: str) -> claimtrack.Article:
        with open(path, "rb") as file:
            return claimtrack.Article(text=file.read(), publisher=arguments.publisher,
                                      url=arguments.url, title=arguments.title,
                                      authors=arguments.author,
                                      published=arguments.published)

    progress = Progress(len(paths))
    done = 0
    states: dict[str, int] = {}
    created = 0
    with scripting.connect_from_arguments(arguments) as client:
        for start in range(0, len(paths), _CHUNK_FILES):
            chunk = paths[start:start + _CHUNK_FILES]
            try:
                results = client.ingest_many(
                    [article(path) for path in chunk], wait=arguments.wait,
                    wait_timeout=arguments.wait_timeout,
                    progress=lambda chunk_done, _: progress.update(done + chunk_done))
            except claimtrack.ClaimtrackError as error:
                index = getattr(error, "article_index", None)
                if index is not None:
                    print(f"error: the failing article is {chunk[index]}", file=sys.stderr)
                ingested = done + len(getattr(error, "ingested", []))
                if ingested:
                    print(f"{ingested} of {len(paths)} articles were ingested before the "
                          "error; running the same import again is safe", file=sys.stderr)
                raise
            for path, result in zip(chunk, results):
                state = claimtrack.ProcessingState.label_of(result.document.state)
                states[state] = states.get(state, 0) + 1
                created += result.created
                print(f"{result.document.name}  {'created ' if result.created else 'existing'}"
                      f"  {state:<10}  {path}")
            done += len(chunk)
    by_state = ", ".join(f"{count} {state}" for state, count in sorted(states.items()))
    print(f"imported {done} article{'' if done == 1 else 's'}: {created} new, "
          f"{done - created} already there "
          f"({by_state})")
    return 0


if __name__ == "__main__":
    scripting.run(main)
