#ifndef CLAIMTRACK_COMMON_GRPC_REQUEST_ID_H_
#define CLAIMTRACK_COMMON_GRPC_REQUEST_ID_H_

#include <string>

#include <grpcpp/client_context.h>
#include <grpcpp/server_context.h>

// A request id follows an article through the services: the caller may set
// it (`x-request-id` metadata), ingestion makes one otherwise and returns it
// in the reply's initial metadata, stores it with the document, and sends it
// with the document to extraction, which passes it on to verification. Log
// lines about that work carry it, so one grep follows an article.
namespace claimtrack {

inline constexpr char kRequestIdMetadataKey[] = "x-request-id";

// The call's request id: the caller's, when it is 1-128 characters of
// [A-Za-z0-9._:-] (anything else could forge log lines), else a new one.
std::string RequestIdOf(const grpc::ServerContextBase& context);

// Sends `request_id` (if not empty) with an outgoing call.
void PropagateRequestId(const std::string& request_id, grpc::ClientContext* context);

}  // namespace claimtrack

#endif  // CLAIMTRACK_COMMON_GRPC_REQUEST_ID_H_
