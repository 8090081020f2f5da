#include "services/extraction/statement_converter.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "common/text/sha256.h"

namespace claimtrack::extraction {
namespace {

namespace v1 = ::claimtrack::type::v1;

v1::StatementKind ToProto(engine::StatementKind kind) {
  switch (kind) {
    case engine::StatementKind::kDirectQuote:
      return v1::STATEMENT_KIND_DIRECT_QUOTE;
    case engine::StatementKind::kPartialQuote:
      return v1::STATEMENT_KIND_PARTIAL_QUOTE;
    case engine::StatementKind::kReportedSpeech:
      return v1::STATEMENT_KIND_REPORTED_SPEECH;
    case engine::StatementKind::kFactualClaim:
      return v1::STATEMENT_KIND_FACTUAL_CLAIM;
  }
  return v1::STATEMENT_KIND_UNSPECIFIED;
}

v1::SpeakerType ToProto(engine::SpeakerType type) {
  switch (type) {
    case engine::SpeakerType::kPerson:
      return v1::SPEAKER_TYPE_PERSON;
    case engine::SpeakerType::kOrganization:
      return v1::SPEAKER_TYPE_ORGANIZATION;
    case engine::SpeakerType::kAnonymous:
      return v1::SPEAKER_TYPE_ANONYMOUS;
    case engine::SpeakerType::kDocument:
      return v1::SPEAKER_TYPE_DOCUMENT;
    case engine::SpeakerType::kUnknown:
      break;
  }
  return v1::SPEAKER_TYPE_UNSPECIFIED;
}

void ToProto(const engine::ByteSpan& span, v1::ByteSpan* out) {
  out->set_begin(span.begin);
  out->set_end(span.end);
}

void ToProto(const engine::TextSpan& span, v1::TextSpan* out) {
  out->set_text(span.text);
  ToProto(span.span, out->mutable_span());
}

void ToProto(const engine::Speaker& speaker, v1::Speaker* out) {
  out->set_name(speaker.name);
  out->set_type(ToProto(speaker.type));
  out->set_role(speaker.role);
  out->set_organization(speaker.organization);
  for (const std::string& alias : speaker.aliases) {
    out->add_aliases(alias);
  }
}

std::string StatementId(const engine::Statement& statement) {
  std::string key(engine::StatementKindName(statement.kind));
  for (const engine::ByteSpan& span : statement.content_spans) {
    absl::StrAppend(&key, ":", span.begin, "-", span.end);
  }
  return Sha256Hex(key).substr(0, 16);
}

}  // namespace

std::vector<v1::Statement> ToProtoStatements(
    const std::vector<engine::Statement>& statements) {
  std::vector<v1::Statement> result;
  result.reserve(statements.size());
  for (const engine::Statement& statement : statements) {
    v1::Statement& out = result.emplace_back();
    out.set_statement_id(StatementId(statement));
    out.set_kind(ToProto(statement.kind));
    out.set_content(statement.content);
    for (const engine::ByteSpan& span : statement.content_spans) {
      ToProto(span, out.add_content_spans());
    }
    for (const engine::TextSpan& fragment : statement.quoted_fragments) {
      ToProto(fragment, out.add_quoted_fragments());
    }
    if (statement.mention) {
      ToProto(*statement.mention, out.mutable_mention());
    }
    ToProto(statement.speaker, out.mutable_speaker());
    if (statement.cue) {
      ToProto(*statement.cue, out.mutable_cue());
    }
    if (statement.relay) {
      ToProto(statement.relay->mention, out.mutable_relay()->mutable_mention());
      ToProto(statement.relay->speaker, out.mutable_relay()->mutable_speaker());
      ToProto(statement.relay->cue, out.mutable_relay()->mutable_cue());
    }
    if (statement.context) {
      ToProto(*statement.context, out.mutable_context());
    }
    out.set_confidence(statement.confidence);
    out.set_rule(std::string(statement.rule));
    out.set_extractor_version(std::string(engine::AttributionEngine::kVersion));
  }
  return result;
}

}  // namespace claimtrack::extraction
