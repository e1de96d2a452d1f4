// libFuzzer target: arbitrary bytes -> lossy UTF-8 decode -> passages and
// claims. Checks the contract every import relies on: passages and claim
// spans lie inside the text, each quote is the text at its span, and no
// number is infinite or NaN. Build with -DCLAIMDB_FUZZ=ON (clang); the
// seed corpus is src/fuzz/corpus/extractor.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "claimdb/decode.h"
#include "claimdb/extractor.h"
#include "claimdb/passages.h"
#include "util/utf.h"

namespace {

[[noreturn]] void broken(const char* what, const std::string& detail) {
  std::fprintf(stderr, "contract broken: %s: %s\n", what, detail.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const claimdb::Extractor* extractor = new claimdb::Extractor();
  if (size > 64 * 1024) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first byte picks the document context, so both a known and an
  // unknown year and district are explored.
  claimdb::DocContext ctx;
  if (size > 0 && (data[0] & 1)) ctx.year = 2023;
  if (size > 0 && (data[0] & 2)) ctx.district = "海曙区";
  claimdb::DecodedText text;
  try {
    text = claimdb::decode_bytes(bytes, "fuzz", /*allow_lossy=*/true);
  } catch (const claimdb::DecodeError&) {
    return 0;  // binary: refused, as the importer does
  }
  const std::u32string body = claimdb::utf8_to_u32(text.utf8);
  if (claimdb::u32_to_utf8(body) != text.utf8) broken("decode", "output is not valid UTF-8");

  for (const auto& p : claimdb::split_passages(body))
    if (p.start >= p.end || p.end > body.size()) broken("passage", std::to_string(p.start) + "-" + std::to_string(p.end));

  const claimdb::ExtractResult r = extractor->extract(body, ctx);
  for (const auto& c : r.claims) {
    if (c.span_start >= c.span_end || c.span_end > body.size())
      broken("span", std::to_string(c.span_start) + "-" + std::to_string(c.span_end));
    if (claimdb::u32_to_utf8(body.substr(c.span_start, c.span_end - c.span_start)) != c.quote)
      broken("quote", c.quote);
    for (const auto* v : {&c.value, &c.value_low, &c.value_high, &c.growth_pct, &c.growth_pp})
      if (*v && !std::isfinite(**v)) broken("number", c.quote);
  }
  return 0;
}
