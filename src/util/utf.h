// Conversions between UTF-8 (storage) and UTF-32 (code-point indexing).
// Offsets everywhere in claimdb are code points, as SQLite's substr() counts.
#pragma once
#include <string>
#include <string_view>

namespace claimdb {

// Decodes valid UTF-8 (as produced by decode_bytes); invalid bytes become U+FFFD.
std::u32string utf8_to_u32(std::string_view s);
std::string u32_to_utf8(std::u32string_view s);
void append_utf8(std::string& out, char32_t c);

}  // namespace claimdb
