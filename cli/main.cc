// claimtrack: the analysts' command line for the ingestion and verification
// services. Commands live in their own files; this only assembles them.

#include <CLI/CLI.hpp>

#include "cli/claims_command.h"
#include "cli/connection.h"
#include "cli/documents_command.h"
#include "cli/ingest_command.h"
#include "cli/speakers_command.h"

int main(int argc, char** argv) {
  CLI::App app{"claimtrack: ingest articles, browse documents, review claims"};
  app.name("claimtrack");
  app.require_subcommand(1);
  // Global options may also come after the subcommand
  // (`claimtrack claims list --verification host:port`).
  app.fallthrough();
  app.set_version_flag("--version", "claimtrack 0.1.0");

  claimtrack::cli::GlobalOptions global;
  claimtrack::cli::AddGlobalOptions(app, global);
  claimtrack::cli::AddIngestCommand(app, global);
  claimtrack::cli::AddDocumentsCommand(app, global);
  claimtrack::cli::AddClaimsCommand(app, global);
  claimtrack::cli::AddSpeakersCommand(app, global);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    // Commands report their own failures through RuntimeError with the exit
    // code already chosen; everything else CLI11 throws is a usage error,
    // which exits 2 whatever CLI11's internal code is.
    if (code == claimtrack::cli::kExitOk ||
        dynamic_cast<const CLI::RuntimeError*>(&error)) {
      return code;
    }
    return claimtrack::cli::kExitUsage;
  }
  return claimtrack::cli::kExitOk;
}
