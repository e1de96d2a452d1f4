// Turns a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with
// BOM, or GB18030/GBK found by ICU's charset detector. The result is the
// text exactly as decoded (a BOM is dropped, nothing else), so code-point
// offsets into it are stable.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

namespace claimdb {

struct DecodedText {
  std::string utf8;      // the decoded text, UTF-8
  std::string encoding;  // "UTF-8", "UTF-8-BOM", "UTF-16LE", "UTF-16BE", "GB18030"
  bool lossy = false;    // true when invalid bytes were replaced (only with allow_lossy)
  size_t replaced = 0;   // how many invalid sequences were replaced
};

// Thrown for input that is not text in a supported encoding; what() names
// the file and the byte offset of the first bad sequence.
class DecodeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Decodes `bytes`; `file` is used in error messages only. Without
// `allow_lossy`, any invalid sequence throws DecodeError.
DecodedText decode_bytes(std::string_view bytes, std::string_view file, bool allow_lossy = false);

// The same, taking the bytes over: strictly valid UTF-8 without a BOM (most
// files) is its own decoding, so its buffer becomes the result instead of
// being copied, and a large file is never held twice.
DecodedText decode_owned_bytes(std::string&& bytes, std::string_view file, bool allow_lossy = false);

}  // namespace claimdb
