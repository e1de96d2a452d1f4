#include "util/resources.h"

#include <algorithm>
#include <stdexcept>

namespace claimdb::detail {
struct EmbeddedFile { const char* name; const char* begin; const char* end; };
extern const EmbeddedFile kEmbeddedFiles[];
}  // namespace claimdb::detail

namespace claimdb {

std::string_view resource(std::string_view name) {
  for (auto* f = detail::kEmbeddedFiles; f->name; ++f)
    if (name == f->name) return {f->begin, static_cast<size_t>(f->end - f->begin)};
  throw std::runtime_error("embedded data file not found: " + std::string(name));
}

std::vector<std::string> resource_names(std::string_view suffix) {
  std::vector<std::string> out;
  for (auto* f = detail::kEmbeddedFiles; f->name; ++f) {
    std::string_view n = f->name;
    if (n.size() >= suffix.size() && n.substr(n.size() - suffix.size()) == suffix)
      out.emplace_back(n);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace claimdb
