// The gazetteer: districts.tsv parsed in one pass into a vector of places,
// with every full and short name in a character trie (place/name_trie.h)
// that serves lookup() and find_mentions() alike.
#include "claimdb/gazetteer.h"

#include <stdexcept>
#include <string>

#include "place/name_trie.h"
#include "util/resources.h"
#include "util/tsv.h"
#include "util/utf.h"

namespace claimdb {

namespace {

constexpr std::string_view kDistricts = "districts.tsv";
constexpr std::string_view kStopwords = "place_stopwords.tsv";
constexpr std::string_view kHeader = "code\tname\tshort_name\tlevel\tparent_code\tprovince\tcity";

// Lower is higher in the hierarchy; used to order candidates and break ties.
int level_rank(std::string_view level) {
  if (level == "province") return 0;
  if (level == "city") return 1;
  if (level == "county") return 2;
  return 3;
}


// A code's key in Impl::by_code: its digits as a number (GB/T 2260 codes are
// 6 or 9 digits, so 330203 and 330203000 stay distinct); 0 if not a code.
uint64_t code_key(std::string_view code) {
  if (code.empty() || code.size() > 18) return 0;
  uint64_t k = 0;
  for (char c : code) {
    if (c < '0' || c > '9') return 0;
    k = k * 10 + static_cast<uint64_t>(c - '0');
  }
  return k;
}

// CJK ideographs (basic, extensions, compatibility): the characters that can
// glue a short name into a longer word.
bool is_cjk(char32_t c) {
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

// Whether a name at `i` may be the end of the word before it: it follows a
// CJK character that is neither the end of a place named just before
// (鄞州区五乡镇) nor a word that opens a place (在, 的, 位于).
bool glued_to_word_before(std::u32string_view text, size_t i, const std::vector<PlaceMention>& found) {
  if (i == 0 || !is_cjk(text[i - 1])) return false;
  if (!found.empty() && found.back().end == i) return false;
  static constexpr std::u32string_view kOpeners = U"在的于至到和与及从往赴是";
  return kOpeners.find(text[i - 1]) == std::u32string_view::npos;
}

}  // namespace

struct Gazetteer::Impl {
  // One distinct name; the divisions that bear it are bearers[begin, end),
  // in TSV order (by level, then code).
  struct Name {
    uint32_t begin = 0, end = 0;
    bool full = false;  // some division's official name (not only a short form)
    bool stop = false;  // listed in place_stopwords.tsv: never matched in text
    // A town's name that is one character and a common word (保城镇, 于城镇,
    // 和村镇): in 确保城镇, 高于城镇 the character belongs to the word before.
    bool glued = false;
  };

  std::vector<Place> places;
  std::vector<int32_t> parent, city, province;  // indexes into places, -1 for none
  FlatMap by_code;                              // code_key(code) -> index into places
  NameTrie trie;
  // The root's children by first character (BMP): find_mentions starts a
  // walk at every text position, and most walks end after one or two steps,
  // so the first step is an array read instead of a hash probe.
  std::vector<uint32_t> root_child;
  std::vector<int32_t> name_at;  // trie node -> index into names, -1 if no name ends there
  std::vector<Name> names;
  std::vector<const Place*> bearers;

  std::span<const Place* const> places_of(const Name& n) const {
    return {bearers.data() + n.begin, n.end - n.begin};
  }
  int32_t find_code(std::string_view code) const {
    uint64_t k = code_key(code);
    uint32_t i = k ? by_code.get(k) : FlatMap::kMissing;
    // the key drops leading zeros: check the spelling too
    return i == FlatMap::kMissing || places[i].code != code ? -1 : static_cast<int32_t>(i);
  }


  int32_t index_of(const Place& p) const {
    if (!places.empty() && &p >= places.data() && &p < places.data() + places.size())
      return static_cast<int32_t>(&p - places.data());
    return find_code(p.code);  // a copy of one of ours
  }
  const Place* at(int32_t i) const { return i < 0 ? nullptr : &places[i]; }

  // Trie node for `name`, kNone if no name has that spelling or prefix.
  uint32_t walk(std::string_view name) const {
    if (name.empty()) return NameTrie::kNone;
    uint32_t node = NameTrie::kRoot;
    for (size_t i = 0; i < name.size();) {
      node = trie.child(node, next_code_point(name, i));
      if (node == NameTrie::kNone) break;
    }
    return node;
  }
  const Name* find_name(std::string_view name) const {
    uint32_t node = walk(name);
    if (node == NameTrie::kNone || name_at[node] < 0) return nullptr;
    return &names[name_at[node]];
  }

  // Adds `name` to the trie and returns its index in `names`.
  uint32_t add_name(std::string_view name, bool full) {
    uint32_t node = NameTrie::kRoot;
    for (size_t i = 0; i < name.size();) {
      char32_t c = next_code_point(name, i);
      bool first = node == NameTrie::kRoot;
      node = trie.add_child(node, c);
      if (first && c < root_child.size()) root_child[c] = node;
    }
    if (name_at.size() < trie.nodes()) name_at.resize(trie.nodes() * 2, -1);
    if (name_at[node] < 0) {
      name_at[node] = static_cast<int32_t>(names.size());
      names.emplace_back();
    }
    names[name_at[node]].full |= full;
    return static_cast<uint32_t>(name_at[node]);
  }

  void load_places() {
    std::string_view data = resource(kDistricts);
    size_t nl = data.find('\n');
    std::string_view header = data.substr(0, nl);
    if (!header.empty() && header.back() == '\r') header.remove_suffix(1);
    if (header != kHeader) throw std::runtime_error(std::string(kDistricts) + ": unexpected header");
    size_t rows = 0;
    for (char c : data) rows += c == '\n';
    places.reserve(rows);
    size_t pos = nl == std::string_view::npos ? data.size() : nl + 1;
    size_t line_no = 1;
    while (pos < data.size()) {
      nl = data.find('\n', pos);
      std::string_view line = data.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
      pos = nl == std::string_view::npos ? data.size() : nl + 1;
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty()) continue;
      std::string_view f[7];
      size_t n = 0, start = 0;
      for (; n < 7; ++n) {
        size_t tab = line.find('\t', start);
        f[n] = line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
        if (tab == std::string_view::npos) break;
        start = tab + 1;
      }
      if (n != 6)
        throw std::runtime_error(std::string(kDistricts) + ":" + std::to_string(line_no) + ": expected 7 fields");
      places.push_back(Place{std::string(f[0]), std::string(f[1]), std::string(f[2]), std::string(f[3]),
                             std::string(f[4]), std::string(f[5]), std::string(f[6])});
    }
  }

  // Parent, city and province indexes. The TSV lists provinces, cities,
  // counties, towns in that order, so a parent is always resolved first.
  void link() {
    by_code = FlatMap(places.size());
    for (uint32_t i = 0; i < places.size(); ++i) {
      uint64_t k = code_key(places[i].code);
      if (!k || by_code.get_or_put(k, i) != i)
        throw std::runtime_error(std::string(kDistricts) + ": bad or repeated code " + places[i].code);
    }
    parent.assign(places.size(), -1);
    city.assign(places.size(), -1);
    province.assign(places.size(), -1);
    for (size_t i = 0; i < places.size(); ++i) {
      const Place& p = places[i];
      parent[i] = find_code(p.parent_code);
      int32_t up = parent[i];
      if (p.level == "province") {
        province[i] = static_cast<int32_t>(i);
        // A municipality (北京市) is the city of its districts; city_of()
        // still answers nullptr for the province itself.
        if (p.name.ends_with("市")) city[i] = static_cast<int32_t>(i);
      } else if (up >= 0) {
        province[i] = province[up];
        city[i] = p.level == "city" ? static_cast<int32_t>(i) : city[up];
      }
    }
  }

  void index_names() {
    // About two trie nodes per place (names share prefixes), so the table
    // rarely grows.
    trie = NameTrie(places.size() * 2 + 1024);
    name_at.assign(places.size() * 2 + 1024, -1);
    root_child.assign(0x10000, NameTrie::kNone);
    names.reserve(places.size() + places.size() / 8);
    // Insert higher levels first so that each name's candidates come out
    // ordered by level, then code (the TSV is in that order already).
    // (name, place) pairs, then a stable counting sort into `bearers`.
    std::vector<std::pair<uint32_t, uint32_t>> pairs;
    pairs.reserve(places.size() + places.size() / 8);
    for (uint32_t i = 0; i < places.size(); ++i) {
      pairs.emplace_back(add_name(places[i].name, true), i);
      if (!places[i].short_name.empty()) pairs.emplace_back(add_name(places[i].short_name, false), i);
    }
    for (const auto& [n, i] : pairs) ++names[n].end;
    uint32_t at = 0;
    for (Name& n : names) {
      n.begin = at;
      at += n.end;
      n.end = n.begin;
    }
    bearers.resize(pairs.size());
    for (const auto& [n, i] : pairs) bearers[names[n].end++] = &places[i];
    // one character (three UTF-8 bytes) and the word: nine bytes in all
    for (const Place& p : places) {
      std::string_view n = p.name;
      if (p.level != "town" || n.size() != 9 || !(n.ends_with("城镇") || n.ends_with("村镇") || n.ends_with("乡镇")))
        continue;
      if (uint32_t node = walk(p.name); node != NameTrie::kNone && name_at[node] >= 0) names[name_at[node]].glued = true;
    }
    TsvTable stop = load_tsv_resource(kStopwords);
    size_t col = stop.col("name");
    for (const auto& row : stop.rows) {
      uint32_t node = walk(row[col]);
      if (node != NameTrie::kNone && name_at[node] >= 0) names[name_at[node]].stop = true;
    }
  }
};

Gazetteer::Gazetteer() : impl_(new Impl) {
  impl_->load_places();
  impl_->link();
  impl_->index_names();
}

Gazetteer::~Gazetteer() { delete impl_; }

const Gazetteer& Gazetteer::instance() {
  static const Gazetteer g;  // C++11 guarantees thread-safe one-time initialization
  return g;
}

std::vector<const Place*> Gazetteer::lookup(std::string_view name) const {
  const Impl::Name* n = impl_->find_name(name);
  if (!n) return {};
  auto cands = impl_->places_of(*n);
  return {cands.begin(), cands.end()};
}

const Place* Gazetteer::by_code(std::string_view code) const {
  return impl_->at(impl_->find_code(code));
}

const Place* Gazetteer::parent(const Place& p) const {
  int32_t i = impl_->index_of(p);
  return i < 0 ? nullptr : impl_->at(impl_->parent[i]);
}

const Place* Gazetteer::city_of(const Place& p) const {
  int32_t i = impl_->index_of(p);
  if (i < 0 || p.level == "province") return nullptr;
  return impl_->at(impl_->city[i]);
}

const Place* Gazetteer::province_of(const Place& p) const {
  int32_t i = impl_->index_of(p);
  return i < 0 ? nullptr : impl_->at(impl_->province[i]);
}

// Tiers, nearest first: the context or a place under it; a place in the
// context's city; a place in its province. The first tier holding any
// candidate decides; within it the single highest-level candidate wins
// (吉林 in 吉林省 → the province, not 吉林市), and a tie is unresolved.
// Without context, or when no candidate is near it, only a name borne by
// exactly one division resolves.
const Place* Gazetteer::resolve(std::string_view name, const Place* context) const {
  const Impl::Name* n = impl_->find_name(name);
  return n ? resolve(impl_->places_of(*n), context) : nullptr;
}

const Place* Gazetteer::resolve(std::span<const Place* const> cands, const Place* context) const {
  if (cands.size() == 1) return cands[0];
  int32_t ctx = context ? impl_->index_of(*context) : -1;
  if (ctx < 0) return nullptr;

  auto under_context = [&](const Place* c) {
    for (int32_t i = impl_->index_of(*c); i >= 0; i = impl_->parent[i])
      if (i == ctx) return true;
    return false;
  };
  const Place* ctx_city = city_of(impl_->places[ctx]);
  const Place* ctx_province = province_of(impl_->places[ctx]);
  auto same_city = [&](const Place* c) { return ctx_city && city_of(*c) == ctx_city; };
  auto same_province = [&](const Place* c) { return ctx_province && province_of(*c) == ctx_province; };

  for (int tier = 0; tier < 3; ++tier) {
    const Place* best = nullptr;
    int best_rank = 99;
    bool tie = false;
    for (const Place* c : cands) {
      bool in = tier == 0 ? under_context(c) : tier == 1 ? same_city(c) : same_province(c);
      if (!in) continue;
      int r = level_rank(c->level);
      if (r < best_rank) {
        best = c, best_rank = r, tie = false;
      } else if (r == best_rank) {
        tie = true;
      }
    }
    if (best) return tie ? nullptr : best;
  }
  return nullptr;
}

// At each position, follow the trie as far as the text allows and keep the
// longest name that may match there:
//  - names in place_stopwords.tsv never match (common words: 城区, 和平);
//  - a short name does not match when the next character is CJK and
//    continues it along a longer known name (the text then reads as a
//    different word that happens to start with the short name);
//  - full names match wherever they occur.
std::vector<PlaceMention> Gazetteer::find_mentions(std::u32string_view text) const {
  std::vector<PlaceMention> out;
  const NameTrie& trie = impl_->trie;
  const uint32_t* root_child = impl_->root_child.data();
  const int32_t* name_at = impl_->name_at.data();
  const Impl::Name* names = impl_->names.data();
  const size_t size = text.size();
  size_t i = 0;
  while (i < size) {
    char32_t c = text[i];
    uint32_t node = c < 0x10000 ? root_child[c] : trie.child(NameTrie::kRoot, c);
    if (node == NameTrie::kNone) {
      ++i;
      continue;
    }
    int32_t best = -1;
    size_t best_end = 0;
    // node is the trie node after text[i, j]
    for (size_t j = i;;) {
      int32_t k = name_at[node];
      if (k >= 0) {
        const Impl::Name& n = names[k];
        bool skip = n.stop || (!n.full && j + 1 < size && is_cjk(text[j + 1]) &&
                               trie.child(node, text[j + 1]) != NameTrie::kNone) ||
                    (n.glued && glued_to_word_before(text, i, out));
        if (!skip) {
          best = k;
          best_end = j + 1;
        }
      }
      if (++j == size) break;
      node = trie.child(node, text[j]);
      if (node == NameTrie::kNone) break;
    }
    if (best < 0) {
      ++i;
      continue;
    }
    out.push_back(PlaceMention{i, best_end, impl_->places_of(names[best])});
    i = best_end;
  }
  return out;
}

size_t Gazetteer::size() const { return impl_->places.size(); }

}  // namespace claimdb
