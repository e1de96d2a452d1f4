#include "report/width.h"

#include <unicode/uchar.h>

#include "util/utf.h"

namespace claimdb::report {

size_t display_width(std::string_view utf8) {
  size_t w = 0;
  for (size_t i = 0; i < utf8.size();) {
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {  // ASCII: one column each, the common case
      ++w;
      ++i;
      continue;
    }
    char32_t c = next_code_point(utf8, i);
    int8_t cat = u_charType(c);
    if (cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK || cat == U_FORMAT_CHAR) continue;  // zero width
    int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    w += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return w;
}

std::string pad_to(std::string_view s, size_t width, bool right_align) {
  size_t w = display_width(s);
  std::string pad(w < width ? width - w : 0, ' ');
  return right_align ? pad + std::string(s) : std::string(s) + pad;
}

}  // namespace claimdb::report
