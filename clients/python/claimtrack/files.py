"""Which files a folder of articles stands for: the same rules as the
`claimtrack ingest` CLI (cli/input_files.h), so a folder imports the same
articles from Python as from the command line.
"""

from __future__ import annotations

import os
from typing import Iterable


def _hidden(name: str) -> bool:
    return name.startswith(".")


def collect_article_paths(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Expands `paths` in the order given, before anything is read or sent.

    A regular file stands for itself (hidden or not: it was named); a folder
    for every regular file below it, recursively, sorted by path, skipping
    hidden files and folders (".git", ".DS_Store") and not entering
    symlinked folders (symlinked files are followed).

    Raises FileNotFoundError for a missing path and ValueError for something
    that is neither file nor folder, or a folder with no files.
    """
    collected: list[str] = []
    for path in map(os.fspath, paths):
        if not os.path.exists(path):
            raise FileNotFoundError(f"no such file or folder: {path}")
        if os.path.isdir(path):
            collected.extend(_expand_folder(path))
        elif os.path.isfile(path):
            collected.append(path)
        else:
            raise ValueError(f"{path} is neither a regular file nor a folder")
    return collected


def _expand_folder(folder: str) -> list[str]:
    files: list[str] = []
    for parent, folders, names in os.walk(folder, followlinks=False):
        folders[:] = [name for name in folders if not _hidden(name)]
        for name in names:
            path = os.path.join(parent, name)
            if not _hidden(name) and os.path.isfile(path):
                files.append(path)
    if not files:
        raise ValueError(f"folder {folder} has no files to ingest (hidden files are skipped)")
    # Code-point order of str is UTF-8 byte order: the CLI's order.
    return sorted(files)
