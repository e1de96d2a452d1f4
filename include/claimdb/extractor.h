// Finds quantified claims in a document: numbers, units, scale, qualifiers,
// growth, year, place, indicator and modality, driven by the data tables in
// schema/ (units.tsv, cues.tsv, indicators.tsv) and the gazetteer.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimdb/claim.h"

namespace claimdb {

// What is known about a document before reading it.
struct DocContext {
  std::optional<int> year;  // from the manifest; inferred from the text when empty
  std::string district;     // from the manifest (海曙区); may be empty
};

struct ExtractResult {
  std::vector<Claim> claims;
  std::optional<int> doc_year;  // the year used for relative time words
  std::string year_basis;       // manifest, inferred, none
};

class Extractor {
 public:
  // Loads the tables once; an Extractor is immutable and shareable across threads.
  Extractor();
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Claims in `body` (UTF-32: offsets are code points into it).
  ExtractResult extract(std::u32string_view body, const DocContext& ctx) const;

  struct Impl;
 private:
  Impl* impl_;
};

}  // namespace claimdb
