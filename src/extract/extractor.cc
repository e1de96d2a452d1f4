// Placeholder until the extractor lands.
#include "claimdb/extractor.h"
namespace claimdb {
struct Extractor::Impl {};
Extractor::Extractor() : impl_(new Impl) {}
Extractor::~Extractor() { delete impl_; }
ExtractResult Extractor::extract(std::u32string_view, const DocContext& ctx) const {
  ExtractResult r;
  r.doc_year = ctx.year;
  r.year_basis = ctx.year ? "manifest" : "none";
  return r;
}
}  // namespace claimdb
