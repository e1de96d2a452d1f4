// libFuzzer target for decode_bytes(): any bytes either decode or throw
// DecodeError naming the file. Decoded text is valid UTF-8; strict mode
// never reports lossy; a strict success decodes the same in lossy mode;
// lossy mode never fails on input that strict mode accepted. Build with
// -DCLAIMDB_FUZZ=ON (clang); the seed corpus is src/fuzz/corpus/decode.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "claimdb/decode.h"
#include "util/utf.h"

namespace {

[[noreturn]] void broken(const char* what) {
  std::fprintf(stderr, "contract broken: %s\n", what);
  std::abort();
}

bool valid_utf8(const std::string& s) { return claimdb::u32_to_utf8(claimdb::utf8_to_u32(s)) == s; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  bool strict_ok = false;
  claimdb::DecodedText strict;
  try {
    strict = claimdb::decode_bytes(bytes, "fuzz.txt", false);
    strict_ok = true;
    if (strict.lossy || strict.replaced) broken("strict decode reported replacements");
    if (!valid_utf8(strict.utf8)) broken("strict decode produced invalid UTF-8");
  } catch (const claimdb::DecodeError& e) {
    if (std::string_view(e.what()).substr(0, 10) != "fuzz.txt: ") broken("error does not name the file");
  }
  try {
    claimdb::DecodedText lossy = claimdb::decode_bytes(bytes, "fuzz.txt", true);
    if (!valid_utf8(lossy.utf8)) broken("lossy decode produced invalid UTF-8");
    if (lossy.lossy != (lossy.replaced > 0)) broken("lossy flag and count disagree");
    if (strict_ok && (lossy.utf8 != strict.utf8 || lossy.encoding != strict.encoding || lossy.lossy))
      broken("lossy decode differs from a strict success");
  } catch (const claimdb::DecodeError& e) {
    if (strict_ok) broken("lossy decode failed where strict succeeded");
    if (std::string_view(e.what()).substr(0, 10) != "fuzz.txt: ") broken("error does not name the file");
  }
  return 0;
}
