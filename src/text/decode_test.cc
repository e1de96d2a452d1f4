// Tests for decode_bytes: every supported encoding, strict failures that
// name the file and byte offset, lossy replacement, binary rejection.
#include "claimdb/decode.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <string>

namespace claimdb {
namespace {

// Invented sample text (not from the corpus).
const std::string kChinese =
    "东湖区今年新增高新技术企业120家，同比增长15%。\n"
    "全区实现地区生产总值980亿元，比上年增长6.5%。\n"
    "下一步，东湖区将继续推进数字经济建设。\n";

// Encodes UTF-8 text into `charset` with ICU, as another program would.
std::string encode(const std::string& utf8, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &err);
  EXPECT_TRUE(U_SUCCESS(err)) << u_errorName(err);
  out.resize(n);
  return out;
}

// Runs decode_bytes expecting DecodeError; returns what().
std::string decode_error(std::string_view bytes, bool lossy = false) {
  try {
    decode_bytes(bytes, "doc.txt", lossy);
  } catch (const DecodeError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no DecodeError";
  return {};
}

struct Case {
  const char* name;
  std::string bytes;
  std::string text;
  const char* encoding;
};

TEST(Decode, SupportedEncodings) {
  const std::string crlf = "第一行\r\n第二行，  结尾有空格  \r\n\r\n";
  const Case cases[] = {
      {"utf8", kChinese, kChinese, "UTF-8"},
      {"ascii", "plain ASCII\n", "plain ASCII\n", "UTF-8"},
      {"utf8 bom", "\xEF\xBB\xBF" + kChinese, kChinese, "UTF-8-BOM"},
      {"utf8 bom kept spacing", "\xEF\xBB\xBF  \n\n  前后空白  \n", "  \n\n  前后空白  \n", "UTF-8-BOM"},
      {"utf16le bom", "\xFF\xFE" + encode(kChinese, "UTF-16LE"), kChinese, "UTF-16LE"},
      {"utf16be bom", "\xFE\xFF" + encode(kChinese, "UTF-16BE"), kChinese, "UTF-16BE"},
      {"utf16 astral", "\xFF\xFE" + encode("𠀀字𝄞\n", "UTF-16LE"), "𠀀字𝄞\n", "UTF-16LE"},
      {"gb18030", encode(kChinese, "GB18030"), kChinese, "GB18030"},
      {"gbk subset", encode(kChinese, "GBK"), kChinese, "GB18030"},
      {"gb18030 after ascii preamble", std::string(5000, 'x') + "\n" + encode(kChinese, "GB18030"),
       std::string(5000, 'x') + "\n" + kChinese, "GB18030"},
      {"crlf byte for byte", crlf, crlf, "UTF-8"},
      {"no nfkc", "ＡＢＣ１２３％　全角", "ＡＢＣ１２３％　全角", "UTF-8"},
      {"empty", "", "", "UTF-8"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    DecodedText d = decode_bytes(c.bytes, "doc.txt");
    EXPECT_EQ(d.utf8, c.text);
    EXPECT_EQ(d.encoding, c.encoding);
    EXPECT_FALSE(d.lossy);
    EXPECT_EQ(d.replaced, 0u);
    // Taking the bytes over gives the same result, whatever the encoding.
    DecodedText owned = decode_owned_bytes(std::string(c.bytes), "doc.txt");
    EXPECT_EQ(owned.utf8, c.text);
    EXPECT_EQ(owned.encoding, c.encoding);
  }
}

TEST(Decode, OwnedBytesFailAsBorrowedOnes) {
  // Binary and damaged input take the same path (and the same messages).
  for (std::string bytes : {std::string("abc\0def", 7), std::string("\xEF\xBB\xBF\x01\0", 5),
                            kChinese + "\xFF" + kChinese}) {
    std::string borrowed = decode_error(bytes), owned;
    try {
      decode_owned_bytes(std::move(bytes), "doc.txt");
    } catch (const DecodeError& e) {
      owned = e.what();
    }
    EXPECT_FALSE(borrowed.empty());
    EXPECT_EQ(owned, borrowed);
  }
}

TEST(Decode, Utf8IsNeverMistakenForGb18030) {
  // Short UTF-8 Chinese is where statistical detection is weakest.
  for (const char* s : {"中", "亿元", "增长6%", "浙江省宁波市"}) {
    SCOPED_TRACE(s);
    EXPECT_EQ(decode_bytes(s, "doc.txt").encoding, "UTF-8");
  }
}

TEST(Decode, InvalidUtf8NamesFileOffsetAndLine) {
  struct Bad {
    const char* name;
    std::string bytes;
    std::string message;
  };
  const std::string head = "第一行文字\n第二行文字\n";  // 32 bytes, 2 lines
  const Bad cases[] = {
      {"stray continuation", head + "坏\x80字", "doc.txt: invalid UTF-8 at byte 35 (line 3)"},
      {"truncated at end", head + "尾\xE4\xB8", "doc.txt: invalid UTF-8 at byte 35 (line 3)"},
      {"overlong slash", head + "\xC0\xAF", "doc.txt: invalid UTF-8 at byte 32 (line 3)"},
      {"surrogate", head + "\xED\xA0\x80", "doc.txt: invalid UTF-8 at byte 32 (line 3)"},
      {"above U+10FFFF", head + "\xF4\x90\x80\x80", "doc.txt: invalid UTF-8 at byte 32 (line 3)"},
      {"after bom", "\xEF\xBB\xBF" + head + "\xFF", "doc.txt: invalid UTF-8 at byte 35 (line 3)"},
  };
  for (const Bad& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(decode_error(c.bytes), c.message);
  }
}

TEST(Decode, InvalidUtf8LossyReplacesAndCounts) {
  DecodedText d = decode_bytes("第一行文字\n甲\x80乙\xC0\xAF丙\xE4\xB8", "doc.txt", true);
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_TRUE(d.lossy);
  // U+FFFD per maximal ill-formed subpart: \x80, \xC0, \xAF, \xE4\xB8.
  EXPECT_EQ(d.replaced, 4u);
  EXPECT_EQ(d.utf8, "第一行文字\n甲\uFFFD乙\uFFFD\uFFFD丙\uFFFD");
}

TEST(Decode, Gb18030WithBadBytes) {
  const std::string gb = encode(kChinese, "GB18030");
  // 0x81 0x20: a GB18030 lead byte followed by a space is illegal.
  const size_t at = gb.find('\n') + 1;  // start of line 2
  std::string bad = gb.substr(0, at) + "\x81\x20" + gb.substr(at);
  EXPECT_EQ(decode_error(bad), "doc.txt: not valid GB18030 at byte " + std::to_string(at) + " (line 2)");

  DecodedText d = decode_bytes(bad, "doc.txt", true);
  EXPECT_EQ(d.encoding, "GB18030");
  EXPECT_TRUE(d.lossy);
  EXPECT_EQ(d.replaced, 1u);
  const size_t nl = kChinese.find('\n') + 1;
  // ICU keeps the space that followed the lone lead byte.
  EXPECT_EQ(d.utf8, kChinese.substr(0, nl) + "\uFFFD " + kChinese.substr(nl));
}

TEST(Decode, Utf16Damaged) {
  // Lone high surrogate followed by a normal character.
  std::string bytes = "\xFF\xFE" + encode("前文", "UTF-16LE") + std::string("\x00\xD8\x41\x00", 4);
  EXPECT_EQ(decode_error(bytes), "doc.txt: not valid UTF-16LE at byte 6");
  DecodedText d = decode_bytes(bytes, "doc.txt", true);
  EXPECT_EQ(d.utf8, "前文\uFFFD" "A");
  EXPECT_EQ(d.replaced, 1u);
  // Odd number of bytes: the last one is half a code unit.
  std::string odd = "\xFE\xFF" + encode("前文", "UTF-16BE") + "\x4E";
  EXPECT_EQ(decode_error(odd), "doc.txt: not valid UTF-16BE at byte 6");
}

TEST(Decode, BinaryDataIsRejected) {
  struct Bin {
    const char* name;
    std::string bytes;
    std::string message;
  };
  const Bin cases[] = {
      {"png", std::string("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR", 16),
       "doc.txt: looks like binary data (NUL byte at offset 8)"},
      {"pdf", std::string("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>stream\n\x78\x9C\x00\x01", 38),
       "doc.txt: looks like binary data (NUL byte at offset 36)"},
      {"nul in utf8 text", std::string("正文\x00正文", 7), "doc.txt: looks like binary data (NUL byte at offset 6)"},
      {"nul after bom", std::string("\xEF\xBB\xBF\x61\x00", 5),
       "doc.txt: looks like binary data (NUL byte at offset 4)"},
  };
  for (const Bin& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(decode_error(c.bytes), c.message);
    EXPECT_EQ(decode_error(c.bytes, /*lossy=*/true), c.message);  // lossy still rejects binary
  }
}

TEST(Decode, RandomHighBytesAreNotText) {
  // No NULs, but no encoding the detector is confident about either.
  std::string noise;
  for (int i = 0; i < 512; ++i) noise.push_back(static_cast<char>(0x80 + (i * 37) % 128));
  const std::string msg = decode_error(noise);
  EXPECT_EQ(msg.rfind("doc.txt: ", 0), 0u) << msg;
  EXPECT_NE(msg.find("byte 0"), std::string::npos) << msg;
}

TEST(Decode, LatinOneIsRejectedWithOffset) {
  // Western text in ISO-8859-1: not UTF-8, not Chinese.
  const std::string latin = "The caf\xE9 near the station opened in the summer, and the r\xE9sum\xE9 was long.\n";
  const std::string msg = decode_error(latin);
  EXPECT_EQ(msg.rfind("doc.txt: invalid UTF-8 at byte 7 (line 1)", 0), 0u) << msg;
}

}  // namespace
}  // namespace claimdb
