// SHA-256 against the FIPS 180-2 test vectors and coreutils' sha256sum.
#include "util/sha256.h"

#include <gtest/gtest.h>

#include <string>

namespace claimdb {
namespace {

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, IncrementalEqualsOneShot) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "固定资产投资" + std::to_string(i);
  for (size_t split : {0ul, 1ul, 55ul, 56ul, 63ul, 64ul, 65ul, 1000ul}) {
    Sha256 h;
    h.update(std::string_view(text).substr(0, split));
    h.update(std::string_view(text).substr(split));
    auto d = h.digest();
    std::string hex;
    for (auto b : d) {
      char tmp[3];
      snprintf(tmp, sizeof tmp, "%02x", b);
      hex += tmp;
    }
    EXPECT_EQ(hex, sha256_hex(text)) << "split at " << split;
  }
}

}  // namespace
}  // namespace claimdb
