"""Errors surface as ClaimtrackError subclasses carrying the gRPC code, the
server's message and the RPC; plus the pieces that need no server (enum
parsing, the folder rules, connect's checks)."""

from __future__ import annotations

import os
import pathlib
import socket
import subprocess
import sys

import grpc
import pytest

import claimtrack
from claimtrack import errors
from conftest import ANALYST_SCRIPTS, RUNNING_EXAMPLE, SOURCE_DIR, Suite, numbered_article


def test_every_status_code_has_its_own_exception() -> None:
    codes = [code for code in grpc.StatusCode if code != grpc.StatusCode.OK]
    classes = {errors.error_class(code) for code in codes}
    assert len(classes) == len(codes)
    for code in codes:
        cls = errors.error_class(code)
        assert issubclass(cls, claimtrack.ClaimtrackError)
        assert cls.default_code == code
        assert cls.__name__ == "".join(p.capitalize() for p in code.name.split("_"))
    error = claimtrack.NotFound("claims/x not found", method="GetClaim")
    assert str(error) == "GetClaim: NOT_FOUND: claims/x not found"


def test_missing_claim_is_not_found(client: claimtrack.Client) -> None:
    with pytest.raises(claimtrack.NotFound) as raised:
        client.get_claim("claims/0123456789abcdef")
    error = raised.value
    assert isinstance(error, claimtrack.ClaimtrackError)
    assert error.code == grpc.StatusCode.NOT_FOUND
    assert error.method == "GetClaim"
    assert "claims/0123456789abcdef" in error.details

    with pytest.raises(claimtrack.NotFound):
        list(client.history("claims/0123456789abcdef"))
    with pytest.raises(claimtrack.NotFound):
        client.get_document("documents/0123456789abcdef")


def test_malformed_names_are_invalid_argument(client: claimtrack.Client) -> None:
    with pytest.raises(claimtrack.InvalidArgument) as raised:
        client.get_claim("documents/abc")
    assert raised.value.code == grpc.StatusCode.INVALID_ARGUMENT
    assert "name" in raised.value.details


def test_bad_articles_are_invalid_argument(client: claimtrack.Client) -> None:
    with pytest.raises(claimtrack.InvalidArgument) as raised:
        client.ingest("")
    assert "article.text" in raised.value.details

    with pytest.raises(claimtrack.InvalidArgument) as raised:
        client.ingest(b"Valid start \xff\xfe then garbage")
    assert "UTF-8" in raised.value.details

    with pytest.raises(claimtrack.InvalidArgument) as raised:
        client.ingest(claimtrack.Article("Some text.", url="ftp://example.com/a"))
    assert "url" in raised.value.details


def test_batch_failure_names_the_article(client: claimtrack.Client) -> None:
    articles = [numbered_article(0), numbered_article(1), "",
                numbered_article(3)]
    with pytest.raises(claimtrack.InvalidArgument) as raised:
        client.ingest_many(articles)
    assert "requests[2]" in raised.value.details
    assert raised.value.article_index == 2
    assert raised.value.ingested == []
    # A batch is all or nothing.
    assert list(client.documents()) == []


def test_workflow_violations_are_failed_precondition(client: claimtrack.Client) -> None:
    client.ingest(RUNNING_EXAMPLE.read_text(encoding="utf-8"), wait=True)
    [claim] = list(client.claims(speaker="Garland"))

    # UNVERIFIED -> TRUE skips IN_REVIEW.
    with pytest.raises(claimtrack.FailedPrecondition) as raised:
        client.review(claim, verdict="true", note="obviously")
    assert raised.value.code == grpc.StatusCode.FAILED_PRECONDITION

    with pytest.raises(claimtrack.InvalidArgument):
        client.review(claim)  # neither status
    with pytest.raises(claimtrack.InvalidArgument):
        client.review(claim, verdict="in-review", evidence=[("", "no URL")])


def test_review_needs_an_analyst(suite: Suite) -> None:
    client = suite.connect(analyst="")
    client.ingest(RUNNING_EXAMPLE.read_text(encoding="utf-8"), wait=True)
    [claim] = list(client.claims(speaker="Garland"))
    with pytest.raises(claimtrack.InvalidArgument) as raised:
        client.review(claim, verdict="in-review")
    assert "analyst" in raised.value.details


def test_negative_page_size_is_invalid_argument(client: claimtrack.Client) -> None:
    with pytest.raises(claimtrack.InvalidArgument) as raised:
        list(client.documents(page_size=-1))
    assert "page_size" in raised.value.details
    assert raised.value.method == "ListDocuments"


def test_unreachable_service_is_unavailable() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        address = f"127.0.0.1:{probe.getsockname()[1]}"
    with claimtrack.connect(address, address, timeout=5) as client:
        with pytest.raises(claimtrack.Unavailable) as raised:
            client.get_claim("claims/abc")
    assert raised.value.code == grpc.StatusCode.UNAVAILABLE


def test_enum_values_parse_leniently() -> None:
    Verdict = claimtrack.Verdict
    for spelling in ["in-review", "IN_REVIEW", "VERDICT_IN_REVIEW", " In Review ", 2,
                     Verdict.IN_REVIEW]:
        assert Verdict.parse(spelling) is Verdict.IN_REVIEW
    assert Verdict.MOSTLY_TRUE.label == "mostly-true"
    assert claimtrack.StatementKind.label_of(99) == "99"
    with pytest.raises(ValueError, match="not-checkable"):
        Verdict.parse("maybe")


def test_connect_checks_its_security_parameters() -> None:
    with pytest.raises(ValueError, match="TLS"):
        claimtrack.connect("127.0.0.1:1", token="secret")
    with pytest.raises(ValueError, match="private_key"):
        claimtrack.connect("127.0.0.1:1", certificate_chain=b"pem")
    # With TLS a token is accepted (nothing is sent until a call is made).
    claimtrack.connect("127.0.0.1:1", tls=True, token="secret").close()


def test_folders_expand_like_the_cli(tmp_path: pathlib.Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "outside").mkdir()
    for relative in ["z.txt", "a.txt", "b/c.txt", ".hidden.txt", ".git/HEAD",
                     "outside/linked.txt"]:
        (tmp_path / relative).write_text("text")
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ["z.txt", "a.txt", "b", ".hidden.txt", ".git"]:
        os.rename(tmp_path / name, articles / name)
    os.symlink(tmp_path / "outside", articles / "linked-folder")
    os.symlink(tmp_path / "outside" / "linked.txt", articles / "linked-file.txt")

    found = claimtrack.collect_article_paths([articles])
    assert [os.path.relpath(p, articles) for p in found] == [
        "a.txt", "b/c.txt", "linked-file.txt", "z.txt"]
    # A hidden file named explicitly stands for itself.
    assert claimtrack.collect_article_paths([articles / ".hidden.txt"]) == [
        str(articles / ".hidden.txt")]

    with pytest.raises(FileNotFoundError):
        claimtrack.collect_article_paths([tmp_path / "missing"])
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / ".DS_Store").write_text("")
    with pytest.raises(ValueError, match="no files"):
        claimtrack.collect_article_paths([empty])


def _stubs_dir() -> pathlib.Path:
    """The folder holding the generated claimtrack/ stubs this run uses."""
    generated = pathlib.Path(claimtrack.verification.__path__[0])  # type: ignore[attr-defined]
    return generated.parent.parent


def _import_in_fresh_interpreter(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # A script outside the package, run with no PYTHONPATH: the analyst
    # scripts' own fallback must find clients/python, and the package the stubs.
    return subprocess.run(
        [sys.executable, str(ANALYST_SCRIPTS / "review_queue.py"), "--help"],
        env=env, capture_output=True, text=True, timeout=60, cwd="/")


def test_scripts_find_the_package_and_stubs_without_pythonpath() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["CLAIMTRACK_PYTHON_STUBS"] = str(_stubs_dir())
    result = _import_in_fresh_interpreter(env)
    assert result.returncode == 0, result.stderr
    assert "independent publishers" in result.stdout

    env["CLAIMTRACK_PYTHON_STUBS"] = "/nonexistent"
    result = _import_in_fresh_interpreter(env)
    assert result.returncode != 0
    assert "cmake --build build --target claimtrack_python_stubs" in result.stderr


def test_package_finds_stubs_in_the_checkouts_build_folder() -> None:
    default = SOURCE_DIR / "build" / "python" / "claimtrack_stubs"
    if _stubs_dir().resolve() != default.resolve():
        pytest.skip(f"this build's stubs are in {_stubs_dir()}, not {default}")
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "CLAIMTRACK_PYTHON_STUBS")}
    result = _import_in_fresh_interpreter(env)
    assert result.returncode == 0, result.stderr
