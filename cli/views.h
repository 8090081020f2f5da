#ifndef CLAIMTRACK_CLI_VIEWS_H_
#define CLAIMTRACK_CLI_VIEWS_H_

// How documents, claims and history entries look in the terminal: tables
// for lists, aligned fields for one resource. Pure functions returning text
// so the layout is unit-tested; commands only print the result.

#include <google/protobuf/repeated_ptr_field.h>

#include <string>
#include <vector>

#include "claimtrack/ingestion/v1/ingestion_service.pb.h"
#include "claimtrack/verification/v1/verification_service.pb.h"

namespace claimtrack::cli {

using ::claimtrack::ingestion::v1::Document;
using ::claimtrack::verification::v1::Claim;
using ::claimtrack::verification::v1::HistoryEntry;

// `line_width` as for FormatTable (0: unknown, text cut at 80 characters).
std::string FormatDocumentsTable(
    const google::protobuf::RepeatedPtrField<Document>& documents,
    size_t line_width);
std::string FormatClaimsTable(
    const google::protobuf::RepeatedPtrField<Claim>& claims, size_t line_width);
std::string FormatHistoryTable(
    const google::protobuf::RepeatedPtrField<HistoryEntry>& entries,
    size_t line_width);

// Every field of a document; its text follows when the document carries it.
std::string FormatDocument(const Document& document);

// A claim's fields, its evidence and every appearance.
std::string FormatClaim(const Claim& claim);

// "Merrick Garland (person; Attorney General, DOJ)"; "-" when unknown.
std::string FormatSpeaker(const type::v1::Speaker& speaker);

// One ingest result line: name, created/existing, state, path.
std::string FormatIngestLine(
    const ingestion::v1::IngestArticleResponse& response,
    const std::string& path);

}  // namespace claimtrack::cli

#endif  // CLAIMTRACK_CLI_VIEWS_H_
