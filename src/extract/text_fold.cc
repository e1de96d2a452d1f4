#include "extract/text_fold.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>

namespace claimdb::extract {

namespace {
// Built once from ICU's NFKC data for the Basic Multilingual Plane.
const std::array<char16_t, 0x10000>& fold_table() {
  static const auto table = [] {
    auto t = std::make_unique<std::array<char16_t, 0x10000>>();
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    for (uint32_t c = 0; c < 0x10000; ++c) {
      (*t)[c] = static_cast<char16_t>(c);
      if (U_FAILURE(status) || c < 0x80 || (c >= 0xD800 && c <= 0xDFFF)) continue;
      icu::UnicodeString s(static_cast<UChar32>(c)), out;
      UErrorCode st = U_ZERO_ERROR;
      nfkc->normalize(s, out, st);
      if (U_SUCCESS(st) && out.length() == 1 && out.charAt(0) < 0x10000) (*t)[c] = out.charAt(0);
    }
    (*t)[0x3000] = u' ';
    return t;
  }();
  return *table;
}
}  // namespace

char32_t fold_char(char32_t c) { return c < 0x10000 ? fold_table()[c] : c; }

std::u32string fold(std::u32string_view text) {
  const auto& t = fold_table();
  std::u32string out(text);
  for (auto& c : out)
    if (c < 0x10000) c = t[c];
  return out;
}

}  // namespace claimdb::extract
