"""The client against the real services: pagination, ingestion with
waiting, claims with appearances and history, reviews and the stale-etag
retry."""

from __future__ import annotations

import itertools

import grpc
import pytest

import claimtrack
from claimtrack import AttributionStatus, ProcessingState, Verdict
from conftest import RUNNING_EXAMPLE, CallCounter, Suite, numbered_article


def test_ingest_waits_for_processing(client: claimtrack.Client,
                                     running_example_text: str) -> None:
    article = claimtrack.Article(running_example_text, publisher="New York Post",
                                 url="https://nypost.example/icpa", title="US leaves ICPA",
                                 authors=["A. Reporter"])
    result = client.ingest(article, wait=True)

    assert result.created
    assert result.document.state == ProcessingState.DONE
    assert result.document.statement_count > 0
    # Processed means recorded: the document's claims are there at once.
    texts = [claim.text for claim in client.claims(document=result.document.name)]
    assert "There is no hiding place for war criminals" in texts
    assert len(texts) == result.document.statement_count

    stored = client.get_document(result.document.name)
    assert stored.source.publisher == "New York Post"
    assert list(stored.source.authors) == ["A. Reporter"]
    assert stored.text.startswith("The US will be withdrawing")

    again = client.ingest(article)
    assert not again.created
    assert again.document.name == result.document.name


def test_ingest_many_waits_and_reports_progress(client: claimtrack.Client) -> None:
    seen: list[tuple[int, int]] = []
    results = client.ingest_many([numbered_article(i) for i in range(4)], wait=True,
                                 progress=lambda done, total: seen.append((done, total)))

    assert [r.created for r in results] == [True] * 4
    assert {r.document.state for r in results} == {ProcessingState.DONE}
    assert seen == [(4, 4)]
    # In request order: the URLs come back as given.
    assert [r.document.source.url for r in results] == [
        f"https://courier.example/harbor-{i}" for i in range(4)]


def test_lists_follow_every_page_lazily(suite: Suite) -> None:
    counter = CallCounter()
    client = suite.connect(interceptors=[counter])
    ingested = client.ingest_many([numbered_article(i) for i in range(5)], wait=True)
    document_names = {r.document.name for r in ingested}

    paged = [d.name for d in client.documents(page_size=2)]
    assert sorted(paged) == sorted(document_names)
    assert counter.calls["ListDocuments"] >= 3  # 2 + 2 + 1

    # Newest first, and the same with one big page.
    assert paged == [d.name for d in client.documents(page_size=1000)]

    claims_in_pages = [c.name for c in client.claims(page_size=3)]
    claims_at_once = [c.name for c in client.claims(page_size=1000)]
    assert len(claims_at_once) == 10  # a quote and a headline per article
    assert claims_in_pages == claims_at_once

    # A generator: nothing is fetched until it is iterated, then one page.
    counter.calls.clear()
    claims = client.claims(page_size=2, speaker="Varga")
    assert counter.calls.get("ListClaims", 0) == 0
    first_two = list(itertools.islice(claims, 2))
    assert len(first_two) == 2
    assert counter.calls["ListClaims"] == 1
    assert all(c.speaker.name == "Elena Varga" for c in first_two)

    # Filters travel with every page (the server rejects a token otherwise).
    assert len(list(claims)) == 3
    assert len(list(client.documents(state="done", page_size=1))) == 5
    assert list(client.documents(publisher="Nobody", page_size=1)) == []
    # By source URL: that article's document, and nothing for an unknown one.
    first = ingested[0].document
    assert [d.name for d in client.documents(url=first.source.url)] == [first.name]
    assert list(client.documents(url="https://nowhere.example/x")) == []


def test_claim_with_appearances_and_history(client: claimtrack.Client,
                                            running_example_text: str) -> None:
    for publisher, url in [("New York Post", "https://nypost.example/icpa"),
                           ("Daily Ledger", "https://ledger.example/icpa")]:
        client.ingest(claimtrack.Article(running_example_text, publisher=publisher,
                                         url=url), wait=True)
    [listed] = list(client.claims(speaker="Garland"))

    details = client.claim_details(listed.name)
    claim = details.claim
    assert claim.text == "There is no hiding place for war criminals"
    assert claim.speaker.name == "Merrick Garland"
    assert claim.appearance_count == 2
    assert sorted(a.source.publisher for a in claim.appearances) == [
        "Daily Ledger", "New York Post"]
    assert all(a.cue.text == "touted" for a in claim.appearances)
    assert details.history == []

    reviewed = client.review(claim, verdict="in-review", note="checking the 2022 remarks",
                             evidence=[("https://www.justice.gov/war-crimes", "DOJ page"),
                                       "https://www.justice.gov/transcript"])
    assert reviewed.verdict == Verdict.IN_REVIEW
    assert reviewed.etag != claim.etag

    [entry] = client.claim_details(claim.name.split("/")[1]).history  # a bare id works
    assert entry.actor == "pytest-analyst"
    assert entry.from_verdict == Verdict.UNVERIFIED
    assert entry.to_verdict == Verdict.IN_REVIEW
    assert entry.note == "checking the 2022 remarks"
    assert [(e.url, e.description) for e in entry.evidence] == [
        ("https://www.justice.gov/war-crimes", "DOJ page"),
        ("https://www.justice.gov/transcript", "")]


def test_claims_all_appearances_rereads_long_claims(client: claimtrack.Client,
                                                    running_example_text: str) -> None:
    # ListClaims carries a claim's first 20 appearances; 22 copies of the
    # running example give Garland's claim 22.
    client.ingest_many([claimtrack.Article(running_example_text, publisher=f"Outlet {i}",
                                           url=f"https://outlet{i}.example/icpa")
                        for i in range(22)], wait=True)
    [short] = list(client.claims(speaker="Garland"))
    assert (short.appearance_count, len(short.appearances)) == (22, 20)
    [full] = list(client.claims(speaker="Garland", all_appearances=True))
    assert len(full.appearances) == 22


def _garland(client: claimtrack.Client) -> claimtrack.Claim:
    client.ingest(RUNNING_EXAMPLE.read_text(encoding="utf-8"), wait=True)
    [claim] = list(client.claims(speaker="Garland"))
    return claim


def test_review_retries_once_on_stale_etag(suite: Suite) -> None:
    counter = CallCounter()
    client = suite.connect(interceptors=[counter])
    stale = _garland(client)
    # Another analyst changes the claim after we read it.
    other = suite.connect(analyst="other-analyst")
    other.review(stale.name, attribution_status=AttributionStatus.CONFIRMED)

    counter.calls.clear()
    reviewed = client.review(stale, verdict=Verdict.IN_REVIEW)

    assert counter.calls == {"ReviewClaim": 2, "GetClaim": 1}
    assert reviewed.verdict == Verdict.IN_REVIEW
    assert reviewed.attribution_status == AttributionStatus.CONFIRMED  # theirs is kept
    assert [e.actor for e in client.history(stale.name)] == ["other-analyst",
                                                             "pytest-analyst"]


def test_review_without_retry_raises_aborted(suite: Suite) -> None:
    client = suite.connect()
    stale = _garland(client)
    client.review(stale.name, verdict="in-review")

    with pytest.raises(claimtrack.Aborted) as raised:
        client.review(stale, attribution_status="confirmed", retry_on_stale_etag=False)
    assert raised.value.code == grpc.StatusCode.ABORTED
    assert raised.value.method == "ReviewClaim"


class _ChangeBeforeEveryReview(grpc.UnaryUnaryClientInterceptor):
    """Another analyst who changes the claim just before each of our
    ReviewClaim calls, so every etag we send is stale."""

    def __init__(self, other: claimtrack.Client) -> None:
        self.other = other
        self.corrections = itertools.cycle(["misattributed", "altered"])
        self.reviews = 0

    def intercept_unary_unary(self, continuation, client_call_details, request):
        if client_call_details.method.endswith("/ReviewClaim"):
            self.reviews += 1
            self.other.review(request.name, attribution_status=next(self.corrections),
                              note="correction")
        return continuation(client_call_details, request)


def test_review_retries_only_once(suite: Suite) -> None:
    other = suite.connect(analyst="other-analyst")
    claim = _garland(other)
    other.review(claim.name, attribution_status="confirmed")
    racer = _ChangeBeforeEveryReview(other)
    client = suite.connect(interceptors=[racer])

    with pytest.raises(claimtrack.Aborted):
        client.review(claim.name, verdict="in-review")
    assert racer.reviews == 2
    assert client.get_claim(claim.name).verdict == Verdict.UNVERIFIED


def test_retry_still_obeys_the_workflow(suite: Suite) -> None:
    client = suite.connect()
    stale = _garland(client)
    # Someone else already moved the verdict to IN_REVIEW: our retried
    # UNVERIFIED -> IN_REVIEW is now IN_REVIEW -> IN_REVIEW, which the
    # workflow refuses.
    suite.connect(analyst="other-analyst").review(stale.name, verdict="in-review")
    with pytest.raises(claimtrack.FailedPrecondition):
        client.review(stale, verdict="in-review")


def test_watch_changes_resumes_from_a_cursor_without_gaps_or_repeats(
        suite: Suite, client: claimtrack.Client) -> None:
    client.ingest(RUNNING_EXAMPLE.read_text(encoding="utf-8"), wait=True)
    first: list[claimtrack.ClaimChange] = []
    for change in client.watch_changes():
        first.append(change)
        if len(first) == 3:
            break  # a consumer that stops mid-stream
    [garland] = list(client.claims(speaker="Garland"))
    client.review(garland, verdict="in-review", note="checking")

    # Resume after the last change seen: the rest of the feed, then the review.
    rest: list[claimtrack.ClaimChange] = []
    for change in client.watch_changes(start_after=first[-1].cursor):
        rest.append(change)
        if change.claim == garland.name and change.history_entry:
            break
    everything: list[claimtrack.ClaimChange] = []
    for change in client.watch_changes():
        everything.append(change)
        if change.cursor == rest[-1].cursor:
            break
    assert [c.cursor for c in first + rest] == [c.cursor for c in everything]
    assert len({c.cursor for c in everything}) == len(everything)

    with pytest.raises(claimtrack.InvalidArgument):
        next(client.watch_changes(start_after="not-a-cursor"))
