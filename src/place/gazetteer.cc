// Placeholder until the gazetteer lands.
#include "claimdb/gazetteer.h"
namespace claimdb {
struct Gazetteer::Impl {};
Gazetteer::Gazetteer() : impl_(new Impl) {}
Gazetteer::~Gazetteer() { delete impl_; }
const Gazetteer& Gazetteer::instance() { static Gazetteer g; return g; }
std::vector<const Place*> Gazetteer::lookup(std::string_view) const { return {}; }
const Place* Gazetteer::by_code(std::string_view) const { return nullptr; }
const Place* Gazetteer::parent(const Place&) const { return nullptr; }
const Place* Gazetteer::resolve(std::string_view, const Place*) const { return nullptr; }
std::vector<PlaceMention> Gazetteer::find_mentions(std::u32string_view) const { return {}; }
size_t Gazetteer::size() const { return 0; }
}  // namespace claimdb
