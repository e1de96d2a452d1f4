// Terminal display width of UTF-8 text, from ICU's East Asian Width
// property: wide (W) and fullwidth (F) characters take two columns,
// combining marks and zero-width characters none, the rest one.
#pragma once
#include <string>
#include <string_view>

namespace claimdb::report {

size_t display_width(std::string_view utf8);

// `s` padded with spaces to `width` columns, on the right (left-aligned)
// or on the left (right-aligned). Text already as wide is returned as is.
std::string pad_to(std::string_view s, size_t width, bool right_align);

}  // namespace claimdb::report
