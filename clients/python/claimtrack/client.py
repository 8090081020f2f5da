"""The claimtrack client: a thin, typed layer over the generated stubs.

It hides pagination (list calls are generators), sets a deadline and the
analyst metadata on every call, turns gRPC errors into ClaimtrackError
subclasses, and retries a review once when the claim changed since it was
read. It returns the generated protobuf messages themselves.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
import re
import time
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar, Union

import grpc

from claimtrack import errors
from claimtrack.enums import AttributionStatus, DocumentView, ProcessingState
from claimtrack.enums import StatementKind, Verdict
from claimtrack.ingestion.v1 import ingestion_service_pb2 as ingestion_pb2
from claimtrack.ingestion.v1 import ingestion_service_pb2_grpc as ingestion_grpc
from claimtrack.messages import Claim, ClaimChange, Document, Evidence, HistoryEntry
from claimtrack.type.v1 import article_pb2
from claimtrack.verification.v1 import verification_service_pb2 as verification_pb2
from claimtrack.verification.v1 import verification_service_pb2_grpc as verification_grpc

#: Where the CLI and scripts/run.sh put the services.
DEFAULT_INGESTION_ADDRESS = "127.0.0.1:50051"
DEFAULT_VERIFICATION_ADDRESS = "127.0.0.1:50053"

#: The metadata key naming the analyst until authentication lands.
ANALYST_METADATA_KEY = "x-claimtrack-analyst"

# A FULL ListDocuments page carries up to ~4 MiB of cleaned text plus the
# originals: more than gRPC's 4 MiB default. The CLI allows the same.
_MAX_RECEIVE_MESSAGE_BYTES = 64 << 20

# ingest_many batches like the CLI: at most 100 articles and about 8 MiB of
# text per call, well under the server's 1000 articles and 16 MiB message.
_MAX_BATCH_ARTICLES = 100
_MAX_BATCH_BYTES = 8 << 20

_BATCH_INDEX = re.compile(r"requests\[(\d+)\]")

# Bytes (PEM content) or a path to a PEM file.
PemSource = Union[bytes, str, "os.PathLike[str]"]
# An Evidence message, a URL, or (url, description).
EvidenceLike = Union[Evidence, str, "tuple[str, str]"]

_Message = TypeVar("_Message")


@dataclasses.dataclass
class Article:
    """An article to ingest, with the source metadata the CLI flags set.

    `text` as str is sent as UTF-8; bytes go as they are (the server
    rejects invalid UTF-8 with INVALID_ARGUMENT naming the byte offset).
    `published` without a time zone is taken as UTC.
    """

    text: str | bytes
    publisher: str = ""
    url: str = ""
    title: str = ""
    authors: Sequence[str] = ()
    published: datetime.datetime | None = None

    def to_proto(self) -> ingestion_pb2.Article:
        source = article_pb2.ArticleSource(publisher=self.publisher, url=self.url,
                                           title=self.title, authors=list(self.authors))
        if self.published is not None:
            source.publish_time.FromDatetime(self.published)
        text = self.text.encode("utf-8") if isinstance(self.text, str) else self.text
        return ingestion_pb2.Article(text=text, source=source)


@dataclasses.dataclass(frozen=True)
class IngestResult:
    """What ingesting one article gave: the stored document (BASIC view)
    and whether it is new (False: an identical article was already there)."""

    document: Document
    created: bool


@dataclasses.dataclass(frozen=True)
class ClaimDetails:
    """A claim with all its appearances, and its history, oldest first."""

    claim: Claim
    history: list[HistoryEntry]


def _read_pem(source: PemSource | None) -> bytes | None:
    if source is None or isinstance(source, bytes):
        return source
    with open(source, "rb") as pem:
        return pem.read()


def _claim_name(name: str) -> str:
    """"claims/abc" stays; a bare "abc" becomes "claims/abc" (as in the CLI)."""
    return name if "/" in name else f"claims/{name}"


def _document_name(name: str) -> str:
    return name if "/" in name else f"documents/{name}"


def _evidence(item: EvidenceLike) -> Evidence:
    if isinstance(item, Evidence):
        return item
    if isinstance(item, str):
        return Evidence(url=item)
    url, description = item
    return Evidence(url=url, description=description)


def _enum_value(cls: Any, value: Any) -> int:
    """0 (unspecified: no filter, no change) for None, else the parsed value."""
    return 0 if value is None else int(cls.parse(value))


class Client:
    """A connection to the ingestion and verification services.

    Make one with connect(); close it (or use `with`) when done. Every call
    has a deadline of `timeout` seconds; list calls are generators that
    fetch the next page only when the previous one is used up. Errors raise
    ClaimtrackError subclasses (claimtrack.NotFound, ...).
    """

    def __init__(self, ingestion_channel: grpc.Channel,
                 verification_channel: grpc.Channel, *, analyst: str = "",
                 timeout: float = 30.0) -> None:
        self._channels = [ingestion_channel]
        if verification_channel is not ingestion_channel:
            self._channels.append(verification_channel)
        self._ingestion = ingestion_grpc.IngestionServiceStub(ingestion_channel)
        self._verification = verification_grpc.VerificationServiceStub(verification_channel)
        self.analyst = analyst
        self.timeout = timeout

    # -- lifecycle -----------------------------------------------------------

    def close(self) -> None:
        for channel in self._channels:
            channel.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- the one place calls are made ----------------------------------------

    def _call(self, method: Callable[..., _Message], request: Any, name: str,
              timeout: float | None = None) -> _Message:
        metadata = [(ANALYST_METADATA_KEY, self.analyst)] if self.analyst else None
        try:
            return method(request, timeout=timeout or self.timeout, metadata=metadata)
        except grpc.RpcError as error:
            raise errors.from_rpc_error(error, name) from None

    def _pages(self, method: Callable[..., Any], request: Any, field: str,
               name: str) -> Iterator[Any]:
        # The caller's request is a fresh message, so setting page_token on
        # it is safe; the server binds tokens to the filters, which never
        # change between pages here.
        while True:
            response = self._call(method, request, name)
            yield from getattr(response, field)
            if not response.next_page_token:
                return
            request.page_token = response.next_page_token

    # -- documents -----------------------------------------------------------

    def documents(self, *, state: ProcessingState | str | None = None,
                  publisher: str = "", url: str = "", full: bool = False,
                  page_size: int = 0) -> Iterator[Document]:
        """Every document, newest first, optionally only one state,
        publisher or source URL (exact matches; a URL gives every revision
        of that article). `full` includes the texts. `page_size` 0 is the
        server default (50); pages are fetched as you iterate."""
        request = ingestion_pb2.ListDocumentsRequest(
            page_size=page_size, state=_enum_value(ProcessingState, state),
            publisher=publisher, url=url,
            view=DocumentView.FULL if full else DocumentView.BASIC)
        return self._pages(self._ingestion.ListDocuments, request, "documents",
                           "ListDocuments")

    def get_document(self, name: str, *, full: bool = True) -> Document:
        """One document ("documents/..." or the bare id), with texts unless
        `full` is False. Raises NotFound, InvalidArgument."""
        request = ingestion_pb2.GetDocumentRequest(
            name=_document_name(name),
            view=DocumentView.FULL if full else DocumentView.BASIC)
        return self._call(self._ingestion.GetDocument, request, "GetDocument")

    # -- ingestion -----------------------------------------------------------

    def ingest(self, article: Article | str | bytes, *, wait: bool = False,
               wait_timeout: float | None = None) -> IngestResult:
        """Ingests one article (an Article, or bare text with no metadata).

        Returns once the article is durably stored; with `wait`, once it is
        also processed (state DONE or FAILED). A wait longer than
        `wait_timeout` (default: the client's timeout) raises
        DeadlineExceeded, but the article is stored and will finish.
        Raises InvalidArgument for empty text, invalid UTF-8, a bad URL.
        """
        if not isinstance(article, Article):
            article = Article(text=article)
        request = ingestion_pb2.IngestArticleRequest(article=article.to_proto(),
                                                     wait_for_processing=wait)
        response = self._call(self._ingestion.IngestArticle, request, "IngestArticle",
                              timeout=wait_timeout if wait else None)
        return IngestResult(document=response.document, created=response.created)

    def ingest_many(self, articles: Iterable[Article | str | bytes], *,
                    wait: bool = False,
                    wait_timeout: float | None = None,
                    progress: Callable[[int, int], None] | None = None
                    ) -> list[IngestResult]:
        """Ingests many articles (Articles or bare texts) in batches (100
        articles or ~8 MiB a call, each batch committed together), in order;
        returns one result per article. `progress(done, total)` is called
        after each batch.

        On failure the exception (InvalidArgument, ...) also carries
        `ingested` (the results of the batches acknowledged before it) and
        `article_index` (the index in `articles` of the article the server
        named, or None). Running the same import again is safe: identical
        articles return the existing documents.
        """
        pending = [a if isinstance(a, Article) else Article(text=a) for a in articles]
        results: list[IngestResult] = []
        start = 0
        while start < len(pending):
            batch = ingestion_pb2.BatchIngestArticlesRequest()
            batch_bytes = 0
            end = start
            while end < len(pending) and end - start < _MAX_BATCH_ARTICLES:
                item = ingestion_pb2.IngestArticleRequest(
                    article=pending[end].to_proto(), wait_for_processing=wait)
                size = len(item.article.text)
                if end > start and batch_bytes + size > _MAX_BATCH_BYTES:
                    break
                batch_bytes += size
                batch.requests.append(item)
                end += 1
            try:
                response = self._call(self._ingestion.BatchIngestArticles, batch,
                                      "BatchIngestArticles",
                                      timeout=wait_timeout if wait else None)
            except errors.ClaimtrackError as error:
                match = _BATCH_INDEX.search(error.details)
                error.ingested = results  # type: ignore[attr-defined]
                error.article_index = (  # type: ignore[attr-defined]
                    start + int(match.group(1)) if match else None)
                raise
            results.extend(IngestResult(document=r.document, created=r.created)
                           for r in response.responses)
            start = end
            if progress is not None:
                progress(len(results), len(pending))
        return results

    # -- claims --------------------------------------------------------------

    def claims(self, *, speaker: str = "",
               verdict: Verdict | str | None = None,
               attribution_status: AttributionStatus | str | None = None,
               kind: StatementKind | str | None = None, document: str = "",
               page_size: int = 0,
               all_appearances: bool = False) -> Iterator[Claim]:
        """Every claim matching all the filters given, most recent first.

        `speaker` matches the full name, an alias or a person's surname,
        case-insensitively. A listed claim carries its first 20 appearances
        (`appearance_count` is the total); with `all_appearances`, a claim
        with more is re-read with GetClaim so it carries them all.
        """
        request = verification_pb2.ListClaimsRequest(
            page_size=page_size, speaker=speaker,
            verdict=_enum_value(Verdict, verdict),
            attribution_status=_enum_value(AttributionStatus, attribution_status),
            kind=_enum_value(StatementKind, kind),
            document=_document_name(document) if document else "")
        for claim in self._pages(self._verification.ListClaims, request, "claims",
                                 "ListClaims"):
            if all_appearances and claim.appearance_count > len(claim.appearances):
                claim = self.get_claim(claim.name)
            yield claim

    def get_claim(self, name: str) -> Claim:
        """One claim ("claims/..." or the bare id) with all its appearances.
        Raises NotFound, InvalidArgument."""
        return self._call(self._verification.GetClaim,
                          verification_pb2.GetClaimRequest(name=_claim_name(name)),
                          "GetClaim")

    def history(self, name: str, *, page_size: int = 0) -> Iterator[HistoryEntry]:
        """A claim's history entries, oldest first. Raises NotFound."""
        request = verification_pb2.ListClaimHistoryRequest(
            parent=_claim_name(name), page_size=page_size)
        return self._pages(self._verification.ListClaimHistory, request,
                           "history_entries", "ListClaimHistory")

    def claim_details(self, name: str) -> ClaimDetails:
        """A claim with all its appearances and its whole history."""
        claim = self.get_claim(name)
        return ClaimDetails(claim=claim, history=list(self.history(claim.name)))

    def review(self, claim: Claim | str, *,
               attribution_status: AttributionStatus | str | None = None,
               verdict: Verdict | str | None = None, note: str = "",
               evidence: Iterable[EvidenceLike] = (), etag: str | None = None,
               retry_on_stale_etag: bool = True) -> Claim:
        """Changes a claim's attribution status, verdict or both, with a
        note and evidence (Evidence messages, URLs, or (url, description)).
        Returns the updated claim.

        The etag is `etag` if given, else that of `claim` when it is a Claim
        message, else the claim is read first. If the claim changed since
        (ABORTED), it is re-read and the same change sent once more with the
        fresh etag: the server checks the transition against the claim's
        current state, so the retry cannot make a change the workflow
        forbids; it raises FailedPrecondition instead. A second ABORTED is
        raised (no loop when analysts race).

        Raises InvalidArgument (no status given, no analyst, evidence
        without a URL), NotFound, FailedPrecondition (a transition the
        workflow does not allow, or a final verdict without a note),
        Aborted.
        """
        name = claim.name if isinstance(claim, Claim) else _claim_name(claim)
        if etag is None:
            etag = claim.etag if isinstance(claim, Claim) else self.get_claim(name).etag
        request = verification_pb2.ReviewClaimRequest(
            name=name, etag=etag,
            attribution_status=_enum_value(AttributionStatus, attribution_status),
            verdict=_enum_value(Verdict, verdict), note=note,
            evidence=[_evidence(item) for item in evidence])
        try:
            return self._call(self._verification.ReviewClaim, request, "ReviewClaim")
        except errors.Aborted:
            if not retry_on_stale_etag:
                raise
        request.etag = self.get_claim(name).etag
        return self._call(self._verification.ReviewClaim, request, "ReviewClaim")

    def watch_changes(self, start_after: str = "", *, reconnect: bool = True,
                      max_backoff: float = 10.0) -> Iterator[ClaimChange]:
        """Yields claim changes in commit order (new claims, new appearances,
        reviews, evidence, assignment, publishing) from after `start_after`
        (a change's `cursor`; empty: from the first change ever), then each
        new change as it commits. It never ends on its own: break out of the
        loop, or close the client.

        The server ends watches when it restarts or drains (UNAVAILABLE) and
        asks old connections to reconnect now and then; with `reconnect`
        the generator then resumes from the last cursor it yielded, waiting
        up to `max_backoff` seconds between attempts, so a consumer misses
        nothing and sees nothing twice. Other errors are raised
        (InvalidArgument for a cursor the server never issued).
        """
        cursor = start_after
        backoff = 0.1
        metadata = [(ANALYST_METADATA_KEY, self.analyst)] if self.analyst else None
        while True:
            try:
                stream = self._verification.WatchClaimChanges(
                    verification_pb2.WatchClaimChangesRequest(start_after=cursor),
                    metadata=metadata)
                for change in stream:
                    cursor = change.cursor
                    backoff = 0.1
                    yield change
            except grpc.RpcError as error:
                if not reconnect or error.code() != grpc.StatusCode.UNAVAILABLE:
                    raise errors.from_rpc_error(error, "WatchClaimChanges") from None
            if not reconnect:
                return
            time.sleep(backoff)
            backoff = min(backoff * 2, max_backoff)


def _channel(address: str, credentials: grpc.ChannelCredentials | None,
             interceptors: Sequence[Any]) -> grpc.Channel:
    options = [("grpc.max_receive_message_length", _MAX_RECEIVE_MESSAGE_BYTES)]
    if credentials is None:
        channel = grpc.insecure_channel(address, options=options)
    else:
        channel = grpc.secure_channel(address, credentials, options=options)
    return grpc.intercept_channel(channel, *interceptors) if interceptors else channel


def connect(ingestion: str | None = None, verification: str | None = None, *,
            tls: bool | None = None, root_certificates: PemSource | None = None,
            certificate_chain: PemSource | None = None,
            private_key: PemSource | None = None, token: str | None = None,
            analyst: str | None = None, timeout: float = 30.0,
            interceptors: Sequence[Any] = ()) -> Client:
    """Connects to the ingestion and verification services.

    Addresses default to $CLAIMTRACK_INGESTION_ADDRESS and
    $CLAIMTRACK_VERIFICATION_ADDRESS, then to 127.0.0.1:50051 and :50053
    (what the CLI and scripts/run.sh use). The two services listen on
    separate ports, hence two addresses; give the same one twice when a
    proxy serves both.

    TLS is on when `tls` is True or any certificate is given:
    `root_certificates` (PEM bytes or a file path; None trusts the system
    roots), and `certificate_chain` + `private_key` for a client
    certificate. `token` is sent as "authorization: Bearer <token>" and
    needs TLS (gRPC refuses to send call credentials in the clear). Servers
    with an access file (README "Security and metrics") map the token or
    the client certificate to a principal and its roles; a missing one
    raises Unauthenticated, a role the method does not allow
    PermissionDenied.

    `analyst` (default $CLAIMTRACK_ANALYST, then $USER) names who makes
    reviews; `timeout` is each call's deadline in seconds; `interceptors`
    are grpc client interceptors applied to both channels.
    """
    ingestion = ingestion or os.environ.get("CLAIMTRACK_INGESTION_ADDRESS") \
        or DEFAULT_INGESTION_ADDRESS
    verification = verification or os.environ.get("CLAIMTRACK_VERIFICATION_ADDRESS") \
        or DEFAULT_VERIFICATION_ADDRESS
    if analyst is None:
        analyst = os.environ.get("CLAIMTRACK_ANALYST") or os.environ.get("USER", "")
    use_tls = tls if tls is not None else any(
        item is not None for item in (root_certificates, certificate_chain, private_key))
    if token and not use_tls:
        raise ValueError("a bearer token needs TLS: pass tls=True or root_certificates")
    if (certificate_chain is None) != (private_key is None):
        raise ValueError("a client certificate needs both certificate_chain and private_key")
    credentials = None
    if use_tls:
        credentials = grpc.ssl_channel_credentials(
            root_certificates=_read_pem(root_certificates),
            private_key=_read_pem(private_key),
            certificate_chain=_read_pem(certificate_chain))
        if token:
            credentials = grpc.composite_channel_credentials(
                credentials, grpc.access_token_call_credentials(token))
    ingestion_channel = _channel(ingestion, credentials, interceptors)
    verification_channel = (ingestion_channel if verification == ingestion
                            else _channel(verification, credentials, interceptors))
    return Client(ingestion_channel, verification_channel, analyst=analyst,
                  timeout=timeout)
