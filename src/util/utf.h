// Conversions between UTF-8 (storage) and UTF-32 (code-point indexing).
// Offsets everywhere in claimdb are code points, as SQLite's substr() counts.
#pragma once
#include <string>
#include <string_view>

namespace claimdb {

// The code point at s[i], advancing i past it (ICU's U8_NEXT): an invalid
// sequence yields U+FFFD and advances past the bad bytes.
char32_t next_code_point(std::string_view s, size_t& i);

// Decodes valid UTF-8 (as produced by decode_bytes); invalid bytes become U+FFFD.
std::u32string utf8_to_u32(std::string_view s);
std::string u32_to_utf8(std::u32string_view s);
void append_utf8(std::string& out, char32_t c);

}  // namespace claimdb
