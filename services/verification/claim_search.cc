#include "services/verification/claim_search.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "common/api/nul_bytes.h"
#include "common/api/pagination.h"
#include "common/api/resource_name.h"
#include "common/api/timestamps.h"
#include "services/verification/claim_identity.h"

namespace claimtrack::verification {
namespace {

using ::claimtrack::sqlite::CachedStatement;

// Would the unicode61 tokenizer find a token in `text`? Any letter, digit
// or non-ASCII byte will do.
bool HasToken(absl::string_view text) {
  for (const char c : text) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
        static_cast<unsigned char>(c) >= 0x80) {
      return true;
    }
  }
  return false;
}

std::string QuoteFts(absl::string_view text) {
  return absl::StrCat("\"", absl::StrReplaceAll(text, {{"\"", "\"\""}}), "\"");
}


}  // namespace

std::string SearchFingerprint(const ClaimSearch& search) {
  return absl::StrCat("search\x1f", search.match, "\x1f", search.speaker, "\x1f",
                      search.attribution_status, "\x1f", search.verdict, "\x1f", search.kind,
                      "\x1f", search.publisher, "\x1f", search.start_us, "\x1f", search.end_us);
}

absl::StatusOr<std::string> FtsMatchExpression(absl::string_view query) {
  std::vector<std::string> terms;
  size_t pos = 0;
  while (pos < query.size()) {
    const char c = query[pos];
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      ++pos;
      continue;
    }
    if (c == '"') {
      const size_t close = query.find('"', pos + 1);
      const size_t end = close == absl::string_view::npos ? query.size() : close;
      absl::string_view phrase = query.substr(pos + 1, end - pos - 1);
      if (HasToken(phrase)) terms.push_back(QuoteFts(phrase));
      pos = close == absl::string_view::npos ? query.size() : close + 1;
      continue;
    }
    size_t end = pos;
    while (end < query.size() && !absl::ascii_isspace(static_cast<unsigned char>(query[end])) &&
           query[end] != '"') {
      ++end;
    }
    absl::string_view word = query.substr(pos, end - pos);
    pos = end;
    const bool prefix = word.size() > 1 && word.back() == '*';
    if (prefix) word.remove_suffix(1);
    if (!HasToken(word)) continue;
    terms.push_back(absl::StrCat(QuoteFts(word), prefix ? "*" : ""));
  }
  if (terms.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("query \"", query, "\" has no word to search for"));
  }
  return absl::StrJoin(terms, " AND ");
}

absl::StatusOr<ClaimSearch> ValidateSearchClaimsRequest(const v1::SearchClaimsRequest& request) {
  if (absl::Status clean = RejectNulBytes(request); !clean.ok()) {
    return clean;
  }
  ClaimSearch search;
  if (request.query().size() > kMaxQueryBytes) {
    return absl::InvalidArgumentError(absl::StrCat("query is ", request.query().size(),
                                                   " bytes; the limit is ", kMaxQueryBytes));
  }
  if (!absl::StripAsciiWhitespace(request.query()).empty()) {
    absl::StatusOr<std::string> match = FtsMatchExpression(request.query());
    if (!match.ok()) return match.status();
    search.match = *std::move(match);
  }
  if (!v1::AttributionStatus_IsValid(request.attribution_status())) {
    return absl::InvalidArgumentError(absl::StrCat(
        "attribution_status: ", request.attribution_status(), " is not an AttributionStatus value"));
  }
  if (!v1::Verdict_IsValid(request.verdict())) {
    return absl::InvalidArgumentError(
        absl::StrCat("verdict: ", request.verdict(), " is not a Verdict value"));
  }
  if (!type::v1::StatementKind_IsValid(request.kind())) {
    return absl::InvalidArgumentError(
        absl::StrCat("kind: ", request.kind(), " is not a StatementKind value"));
  }
  if (absl::StartsWith(request.speaker(), "speakers/")) {
    absl::StatusOr<std::string> id = ParseResourceName(request.speaker(), "speakers", "speaker");
    if (!id.ok()) return id.status();
  }
  search.speaker = NormalizeSpeakerName(request.speaker());
  search.attribution_status = request.attribution_status();
  search.verdict = request.verdict();
  search.kind = request.kind();
  search.publisher = NormalizeSpeakerName(request.publisher());
  if (request.has_start_time()) search.start_us = ToUnixMicrosOrZero(request.start_time());
  if (request.has_end_time()) search.end_us = ToUnixMicrosOrZero(request.end_time());
  if (search.end_us <= search.start_us) {
    return absl::InvalidArgumentError("end_time must be after start_time");
  }
  return search;
}

absl::StatusOr<SearchPage> SearchClaimSeqs(sqlite::StatementCache& statements,
                                           const ClaimSearch& search, int page_size,
                                           absl::string_view page_token) {
  absl::StatusOr<int> size = EffectivePageSize(page_size);
  if (!size.ok()) return size.status();
  const std::string fingerprint = SearchFingerprint(search);
  absl::StatusOr<int64_t> resume_after =
      DecodePageToken(page_token, fingerprint, std::numeric_limits<int64_t>::max());
  if (!resume_after.ok()) return resume_after.status();

  const bool by_time = search.start_us != std::numeric_limits<int64_t>::min() ||
                       search.end_us != std::numeric_limits<int64_t>::max();
  std::string sql = "SELECT c.seq FROM claims c WHERE c.seq < ?";
  if (!search.match.empty()) {
    absl::StrAppend(&sql,
                    " AND c.seq IN (SELECT rowid FROM claim_text_search "
                    "WHERE claim_text_search MATCH ?)");
  }
  if (!search.speaker.empty()) {
    absl::StrAppend(&sql,
                    " AND c.seq IN (SELECT claim_seq FROM claim_speaker_names WHERE name = ?)");
  }
  if (search.attribution_status != v1::ATTRIBUTION_STATUS_UNSPECIFIED) {
    absl::StrAppend(&sql, " AND c.attribution_status = ?");
  }
  if (search.verdict != v1::VERDICT_UNSPECIFIED) absl::StrAppend(&sql, " AND c.verdict = ?");
  if (search.kind != type::v1::STATEMENT_KIND_UNSPECIFIED) {
    absl::StrAppend(&sql, " AND c.kind = ?");
  }
  if (!search.publisher.empty() || by_time) {
    // One appearance must satisfy the publisher and the time range together.
    absl::StrAppend(&sql,
                    " AND EXISTS (SELECT 1 FROM appearance_tracking a WHERE a.claim_seq = c.seq",
                    search.publisher.empty() ? "" : " AND a.publisher = ?",
                    by_time ? " AND a.time_us >= ? AND a.time_us < ?" : "", ")");
  }
  absl::StrAppend(&sql, " ORDER BY c.seq DESC LIMIT ?");

  absl::StatusOr<CachedStatement> query = statements.Get(sql);
  if (!query.ok()) return query.status();
  int index = 1;
  (*query)->Bind(index++, *resume_after);
  if (!search.match.empty()) (*query)->Bind(index++, search.match);
  if (!search.speaker.empty()) (*query)->Bind(index++, search.speaker);
  if (search.attribution_status != v1::ATTRIBUTION_STATUS_UNSPECIFIED) {
    (*query)->Bind(index++, static_cast<int>(search.attribution_status));
  }
  if (search.verdict != v1::VERDICT_UNSPECIFIED) {
    (*query)->Bind(index++, static_cast<int>(search.verdict));
  }
  if (search.kind != type::v1::STATEMENT_KIND_UNSPECIFIED) {
    (*query)->Bind(index++, static_cast<int>(search.kind));
  }
  if (!search.publisher.empty()) (*query)->Bind(index++, search.publisher);
  if (by_time) (*query)->Bind(index++, search.start_us).Bind(index++, search.end_us);
  (*query)->Bind(index++, *size + 1);

  SearchPage page;
  while (true) {
    absl::StatusOr<bool> row = (*query)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    if (static_cast<int>(page.claim_seqs.size()) == *size) {
      page.next_page_token = EncodePageToken(page.claim_seqs.back(), fingerprint);
      break;
    }
    page.claim_seqs.push_back((*query)->ColumnInt(0));
  }
  return page;
}

}  // namespace claimtrack::verification
