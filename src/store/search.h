// Search internals shared by the CLI and the tests: opening a database for
// searching only, and the bound on how many matching passages are ranked.
// The public entry points (search_passages, search_claims) are declared in
// claimdb/store.h.
#pragma once
#include <SQLiteCpp/Database.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "claimdb/store.h"

namespace claimdb {

// How many matching passages a search ranks at most: when more match, the
// most recently imported ones (highest passage ids) are ranked by bm25 and
// the rest are not looked at, so a query costs about the same however many
// passages contain it. 0 ranks every match.
inline constexpr size_t kSearchCandidates = 500;

// What a search looked at, for the command line's summary.
struct SearchStats {
  size_t ranked = 0;            // passages ranked (at most `candidates`)
  bool bounded = false;         // more passages matched than were ranked
  double matches_estimate = 0;  // all matching passages; estimated when bounded
  bool chars3 = false;          // passages_chars3 (schema 005) listed them
};

// Opens an existing database for searching: read-only when its schema is
// current (no migration check, no dimension reload, no journal-mode
// change: the work `claimdb search` would otherwise repeat in every
// process); otherwise as open_database(path,
// OpenMode::Existing) does, with the same errors and migrations. The
// page cache is kept small (see search.cc).
SQLite::Database open_search_database(const std::string& path);

// search_passages / search_claims with an explicit bound on the passages
// ranked (0: all of them) and, optionally, what was looked at.
SearchResult search_passages(SQLite::Database& db, std::string_view query, const SearchOptions& options,
                             size_t candidates, SearchStats* stats = nullptr);
ClaimSearchResult search_claims(SQLite::Database& db, std::string_view query, const SearchOptions& options,
                                size_t candidates, SearchStats* stats = nullptr);

}  // namespace claimdb
