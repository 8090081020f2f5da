"""Fixtures: the three real claimtrack services, started per test.

Like tests/support/pipeline.cc, the built binaries run as child processes
on 127.0.0.1 port 0 and report their port through --port_file; stores and
logs go to the test's tmp_path. Every test gets a fresh, empty suite, so no
test sees another's claims.

CLAIMTRACK_BIN_DIR (the build's bin/) and CLAIMTRACK_SOURCE_DIR (the
repository) come from ctest; both default to this checkout's layout.
"""

from __future__ import annotations

import os
import pathlib
import signal
import subprocess
import time
from typing import Iterator

import grpc
import pytest

import claimtrack

SOURCE_DIR = pathlib.Path(os.environ.get(
    "CLAIMTRACK_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[3]))
BIN_DIR = pathlib.Path(os.environ.get("CLAIMTRACK_BIN_DIR", SOURCE_DIR / "build" / "bin"))
EXAMPLES_DIR = SOURCE_DIR / "examples" / "articles"
RUNNING_EXAMPLE = EXAMPLES_DIR / "icpa-withdrawal.txt"
ANALYST_SCRIPTS = SOURCE_DIR / "examples" / "analyst"

_START_TIMEOUT_SECONDS = 30.0


class Service:
    """One service binary running as a child process."""

    def __init__(self, binary: str, args: list[str], work_dir: pathlib.Path) -> None:
        self.name = binary
        port_file = work_dir / f"{binary}.port"
        self.log_path = work_dir / f"{binary}.log"
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [str(BIN_DIR / binary), f"--port_file={port_file}",
                 "--listen=127.0.0.1:0", *args],
                stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + _START_TIMEOUT_SECONDS
        # The port file appears once the server serves: polling it is how the
        # C++ harness waits too (there is nothing to block on).
        while True:
            text = port_file.read_text().strip() if port_file.exists() else ""
            if text.isdigit() and int(text) > 0:
                self.address = f"127.0.0.1:{int(text)}"
                return
            if self.process.poll() is not None:
                raise RuntimeError(f"{binary} exited during start-up:\n{self.log_tail()}")
            if time.monotonic() > deadline:
                self.process.kill()
                raise RuntimeError(f"{binary} did not serve within 30 s:\n{self.log_tail()}")
            time.sleep(0.02)

    def log_tail(self, max_bytes: int = 2000) -> str:
        return self.log_path.read_bytes()[-max_bytes:].decode("utf-8", "replace")

    def stop(self) -> None:
        """SIGTERM (the graceful drain), SIGKILL if it takes over 10 s."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Suite:
    """The three services wired together, and clients for them."""

    def __init__(self, work_dir: pathlib.Path, certs: pathlib.Path | None = None) -> None:
        """`certs`: a folder made by deploy/tls/make-dev-certs.sh; with it,
        every service serves TLS, the services call each other with mutual
        TLS, and the access file there is enforced."""
        data_dir = work_dir / "data"
        data_dir.mkdir()
        self.services: list[Service] = []

        def tls(name: str) -> list[str]:
            if certs is None:
                return []
            return [f"--tls_cert_file={certs / (name + '.crt')}",
                    f"--tls_key_file={certs / (name + '.key')}",
                    f"--tls_ca_file={certs / 'ca.crt'}",
                    f"--auth_tokens_file={certs / 'tokens'}"]

        # Downstream first, so each service starts knowing its peer's port.
        try:
            self.verification = self._start(
                "claimtrack-verification",
                [f"--data_dir={data_dir}", *tls("verification")], work_dir)
            self.extraction = self._start(
                "claimtrack-extraction",
                [f"--verification_address={self.verification.address}",
                 "--verification_timeout=5s", *tls("extraction")], work_dir)
            self.ingestion = self._start(
                "claimtrack-ingestion",
                [f"--data_dir={data_dir}",
                 f"--extraction_address={self.extraction.address}",
                 "--extraction_timeout=5s", *tls("ingestion")], work_dir)
        except Exception:
            self.stop()
            raise
        self._clients: list[claimtrack.Client] = []

    def _start(self, binary: str, args: list[str], work_dir: pathlib.Path) -> Service:
        service = Service(binary, args, work_dir)
        self.services.append(service)
        return service

    def connect(self, **kwargs: object) -> claimtrack.Client:
        """A client for this suite; closed when the test ends."""
        kwargs.setdefault("analyst", "pytest-analyst")
        client = claimtrack.connect(self.ingestion.address, self.verification.address,
                                    **kwargs)  # type: ignore[arg-type]
        self._clients.append(client)
        return client

    def environment(self) -> dict[str, str]:
        """The environment an analyst script needs to reach this suite."""
        env = dict(os.environ)
        env["CLAIMTRACK_INGESTION_ADDRESS"] = self.ingestion.address
        env["CLAIMTRACK_VERIFICATION_ADDRESS"] = self.verification.address
        env["CLAIMTRACK_ANALYST"] = "pytest-analyst"
        return env

    def logs(self) -> str:
        return "\n".join(f"==> {s.name} <==\n{s.log_tail()}" for s in self.services)

    def stop(self) -> None:
        for client in getattr(self, "_clients", []):
            client.close()
        for service in reversed(self.services):
            service.stop()


@pytest.fixture
def suite(tmp_path: pathlib.Path, request: pytest.FixtureRequest) -> Iterator[Suite]:
    running = Suite(tmp_path)
    yield running
    running.stop()
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        print(running.logs())


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    # Lets the fixture above print the service logs when a test failed.
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture
def client(suite: Suite) -> claimtrack.Client:
    return suite.connect()


class CallCounter(grpc.UnaryUnaryClientInterceptor):
    """Counts unary calls by method name ("ReviewClaim": 2)."""

    def __init__(self) -> None:
        self.calls: dict[str, int] = {}

    def intercept_unary_unary(self, continuation, client_call_details, request):
        method = client_call_details.method.rsplit("/", 1)[-1]
        self.calls[method] = self.calls.get(method, 0) + 1
        return continuation(client_call_details, request)


@pytest.fixture
def running_example_text() -> str:
    return RUNNING_EXAMPLE.read_text(encoding="utf-8")


def numbered_article(number: int, publisher: str = "Riverton Courier") -> claimtrack.Article:
    """A small article whose one direct quote differs by `number`, so each
    one is a claim of its own."""
    text = (f"Harbor budget update {number}\n\n"
            f"\u201cThe harbor plan will pay for itself within {number + 2} years,\u201d "
            f"Mayor Elena Varga said on Tuesday.\n")
    return claimtrack.Article(text=text, publisher=publisher,
                              url=f"https://courier.example/harbor-{number}")
