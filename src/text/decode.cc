// Placeholder until the ICU decoder lands: accepts UTF-8 only.
#include "claimdb/decode.h"
namespace claimdb {
DecodedText decode_bytes(std::string_view bytes, std::string_view, bool) {
  return {std::string(bytes), "UTF-8", false, 0};
}
}  // namespace claimdb
