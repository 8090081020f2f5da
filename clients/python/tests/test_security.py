"""The client against services that authenticate: TLS, a bearer token and a
client certificate, made by deploy/tls/make-dev-certs.sh (what an operator
uses), with the access file it writes."""

from __future__ import annotations

import pathlib
import subprocess
from typing import Iterator

import pytest

import claimtrack
from conftest import RUNNING_EXAMPLE, SOURCE_DIR, Suite


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    folder = tmp_path_factory.mktemp("certs") / "dev"
    subprocess.run([str(SOURCE_DIR / "deploy" / "tls" / "make-dev-certs.sh"), "-o", str(folder),
                    "-d", "2"], check=True, stdout=subprocess.DEVNULL)
    return folder


@pytest.fixture
def secure_suite(tmp_path: pathlib.Path, certs: pathlib.Path) -> Iterator[Suite]:
    running = Suite(tmp_path, certs=certs)
    yield running
    running.stop()


def test_token_and_certificate_principals_and_their_roles(secure_suite: Suite,
                                                          certs: pathlib.Path) -> None:
    ca = certs / "ca.crt"
    importer = secure_suite.connect(root_certificates=ca,
                                    token=(certs / "ingest-token").read_text().strip())
    ingested = importer.ingest(RUNNING_EXAMPLE.read_text(), wait=True)
    assert ingested.document.statement_count > 0

    # The analyst's certificate names the analyst; what the client claims
    # to be (the analyst metadata) does not count on this server.
    analyst = secure_suite.connect(root_certificates=ca, certificate_chain=certs / "analyst.crt",
                                   private_key=certs / "analyst.key", analyst="someone-else")
    claim = next(analyst.claims(speaker="Garland"))
    analyst.review(claim, attribution_status="confirmed", note="Checked the 2022 speech.")
    entries = list(analyst.history(claim.name))
    assert entries[-1].actor == "analyst"

    # The importer may ingest and read, not review.
    with pytest.raises(claimtrack.PermissionDenied, match="ReviewClaim"):
        importer.review(claim.name, verdict="in-review")

    anonymous = secure_suite.connect(root_certificates=ca)
    with pytest.raises(claimtrack.Unauthenticated, match="no credentials"):
        list(anonymous.claims())
