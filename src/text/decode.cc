// Byte-to-text decoding for imported articles (see claimdb/decode.h).
//
// Order of decisions, cheapest and most certain first:
//   1. a BOM names the encoding (UTF-8, UTF-16LE, UTF-16BE);
//   2. bytes that are strictly valid UTF-8 are UTF-8 (checked by us with
//      ICU's U8_NEXT before any detection, so UTF-8 Chinese is never mistaken
//      for GB18030 by the statistical detector);
//   3. NUL bytes mean binary data;
//   4. otherwise ICU's charset detector decides: GB18030/GBK/GB2312 are
//      decoded with ICU's GB18030 converter (a superset of the other two),
//      anything else is rejected, naming the first byte that is not UTF-8.
// Conversions are strict: a custom ICU callback stops at the first bad
// sequence and records its byte offset, or (allow_lossy) writes U+FFFD and
// counts it. Each path makes one pass and writes the output string once.
#include "claimdb/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

namespace claimdb {
namespace {

// The detector only needs a sample; feeding it 200 MB would be slow for
// no gain.
constexpr size_t kDetectSample = 64 * 1024;
// Below this ICU confidence (0-100) a detection is a guess, not evidence.
constexpr int32_t kMinConfidence = 10;
// This many well-formed multi-byte UTF-8 sequences before the first bad
// byte make the file "UTF-8 with damage" rather than some other encoding:
// GB18030 byte pairs only rarely form valid 3-byte UTF-8 sequences.
constexpr size_t kUtf8Evidence = 3;

[[noreturn]] void fail(std::string_view file, const std::string& what) {
  throw DecodeError(std::string(file) + ": " + what);
}

// 1-based line of byte `offset`; only computed for error messages. Valid in
// every encoding we read except UTF-16 (0x0A is never a GB18030 trail byte).
size_t line_of(std::string_view bytes, size_t offset) {
  return 1 + std::count(bytes.begin(), bytes.begin() + std::min(offset, bytes.size()), '\n');
}

// Result of scanning bytes as UTF-8.
struct Utf8Scan {
  size_t bad = std::string_view::npos;  // offset of the first ill-formed sequence
  size_t multibyte = 0;                 // well-formed 3/4-byte sequences before it
  size_t nul = std::string_view::npos;  // offset of the first NUL before `bad`
};

// Strict UTF-8 check (U8_NEXT rejects overlongs, surrogates and values
// above U+10FFFF). Stops at the first NUL or ill-formed sequence.
Utf8Scan scan_utf8(std::string_view s) {
  Utf8Scan r;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      if (p[i] == 0) {
        r.nul = i;
        return r;
      }
      ++i;
      continue;
    }
    // U8_NEXT takes int32 indexes; a 4-byte window is all it reads, which
    // also keeps inputs over 2 GiB correct.
    const int32_t len = static_cast<int32_t>(std::min<size_t>(4, n - i));
    int32_t k = 0;
    UChar32 c;
    U8_NEXT(p + i, k, len, c);
    if (c < 0) {
      r.bad = i;
      return r;
    }
    if (k >= 3) ++r.multibyte;
    i += k;
  }
  return r;
}

// Copies UTF-8 into out, replacing each ill-formed sequence (maximal
// subpart, as U8_NEXT consumes it) with U+FFFD.
void utf8_lossy(std::string_view s, DecodedText& out) {
  out.utf8.reserve(s.size() + s.size() / 8);
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  size_t run = 0;  // start of the pending run of valid bytes
  size_t i = 0;
  while (i < s.size()) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    // U8_NEXT works on int32 indexes; a 4-byte window is all it reads.
    const int32_t n = static_cast<int32_t>(std::min<size_t>(4, s.size() - i));
    int32_t k = 0;
    UChar32 c;
    U8_NEXT(p + i, k, n, c);
    if (c < 0) {
      out.utf8.append(s.data() + run, i - run);
      out.utf8.append("\xEF\xBF\xBD");
      ++out.replaced;
      out.lossy = true;
      run = i + k;
    }
    i += k;
  }
  out.utf8.append(s.data() + run, s.size() - run);
}

// Callback state for strict or lossy ICU conversion.
struct CallbackState {
  const char* base = nullptr;  // start of the converter's input
  bool lossy = false;
  size_t replaced = 0;
  size_t bad_offset = std::string_view::npos;  // first bad byte, relative to base
};

// to-Unicode callback: stop at the first bad sequence (remembering where),
// or substitute U+FFFD and count when lossy.
void U_CALLCONV on_bad_bytes(const void* context, UConverterToUnicodeArgs* args,
                              const char* /*codeUnits*/, int32_t length,
                              UConverterCallbackReason reason, UErrorCode* err) {
  if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR) return;
  auto* st = static_cast<CallbackState*>(const_cast<void*>(context));
  // args->source already points past the offending bytes.
  const size_t at = static_cast<size_t>(args->source - st->base) - static_cast<size_t>(length);
  if (!st->lossy) {
    if (st->bad_offset == std::string_view::npos) st->bad_offset = at;
    return;  // *err stays set: conversion stops
  }
  static const UChar kReplacement = 0xFFFD;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
  ++st->replaced;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

ConverterPtr open_converter(const char* name) {
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr c(ucnv_open(name, &err));
  if (U_FAILURE(err)) throw std::runtime_error(std::string("ICU cannot open converter ") + name + ": " + u_errorName(err));
  return c;
}

// Converts `in` (encoding `charset`) to UTF-8 in out.utf8 with ICU.
// `skipped` is how many file bytes precede `in` (a BOM), for messages.
void convert_to_utf8(std::string_view in, const char* charset, std::string_view file, size_t skipped,
                     bool allow_lossy, bool line_numbers, DecodedText& out) {
  ConverterPtr source = open_converter(charset);
  ConverterPtr utf8 = open_converter("UTF-8");
  CallbackState state;
  state.base = in.data();
  state.lossy = allow_lossy;
  UErrorCode err = U_ZERO_ERROR;
  ucnv_setToUCallBack(source.get(), on_bad_bytes, &state, nullptr, nullptr, &err);

  // GB18030 and UTF-16 never need more than 3 UTF-8 bytes per 2 input
  // bytes, so one allocation normally suffices; U+FFFD for single bad bytes
  // can exceed that, handled by growing below.
  std::string& s = out.utf8;
  s.resize(in.size() + in.size() / 2 + 16);
  UChar pivot[4096];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  const char* src = in.data();
  char* dst = s.data();
  bool reset = true;
  for (;;) {
    err = U_ZERO_ERROR;
    ucnv_convertEx(utf8.get(), source.get(), &dst, s.data() + s.size(), &src, in.data() + in.size(), pivot,
                   &pivot_source, &pivot_target, pivot + 4096, reset, /*flush=*/true, &err);
    reset = false;
    if (err != U_BUFFER_OVERFLOW_ERROR) break;
    const size_t used = dst - s.data();
    s.resize(s.size() * 2);
    dst = s.data() + used;
  }
  s.resize(dst - s.data());
  if (U_FAILURE(err)) {
    size_t at = state.bad_offset != std::string_view::npos ? state.bad_offset : static_cast<size_t>(src - in.data());
    if (err == U_TRUNCATED_CHAR_FOUND && state.bad_offset == std::string_view::npos) {
      // Incomplete sequence at the very end: ICU does not report its start.
      at = in.size() ? in.size() - 1 : 0;
    }
    const size_t file_offset = skipped + at;
    std::string msg = std::string("not valid ") + charset + " at byte " + std::to_string(file_offset);
    if (line_numbers) msg += " (line " + std::to_string(line_of(in, at)) + ")";
    fail(file, msg);
  }
  if (state.replaced) {
    out.lossy = true;
    out.replaced = state.replaced;
  }
}

// UTF-8 text after an optional BOM of `skipped` bytes.
void decode_utf8(std::string_view body, std::string_view file, size_t skipped, bool allow_lossy,
                 const Utf8Scan& scan, DecodedText& out) {
  if (scan.bad == std::string_view::npos) {
    out.utf8.assign(body);
    return;
  }
  if (!allow_lossy) {
    fail(file, "invalid UTF-8 at byte " + std::to_string(skipped + scan.bad) + " (line " +
                   std::to_string(line_of(body, scan.bad)) + ")");
  }
  utf8_lossy(body, out);
}

std::string binary_message(size_t nul) {
  return "looks like binary data (NUL byte at offset " + std::to_string(nul) + ")";
}

// The detector's best guess for the first kDetectSample bytes.
struct Detection {
  std::string name;
  int32_t confidence = 0;
};

// `from` is the first byte that is not UTF-8: the sample starts at the
// beginning of its line (0x0A is always a character boundary in GB18030),
// so a long ASCII preamble does not hide the Chinese text from the detector.
Detection detect(std::string_view bytes, size_t from) {
  const size_t floor = from > kDetectSample ? from - kDetectSample : 0;
  while (from > floor && bytes[from - 1] != '\n') --from;
  bytes = bytes.substr(from);
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&err), ucsdet_close);
  if (U_FAILURE(err)) throw std::runtime_error(std::string("ICU charset detector: ") + u_errorName(err));
  const size_t n = std::min(bytes.size(), kDetectSample);
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(n), &err);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &err);
  Detection d;
  if (U_FAILURE(err) || match == nullptr) return d;
  d.name = ucsdet_getName(match, &err);
  d.confidence = ucsdet_getConfidence(match, &err);
  if (U_FAILURE(err)) return {};
  return d;
}

bool is_chinese_gb(const std::string& name) {
  return name == "GB18030" || name == "GBK" || name == "GB2312";
}

}  // namespace

namespace {

DecodedText decode_any(std::string_view bytes, std::string_view file, bool allow_lossy) {
  DecodedText out;
  auto starts_with = [&](const char* bom, size_t n) { return bytes.size() >= n && std::memcmp(bytes.data(), bom, n) == 0; };

  if (starts_with("\xEF\xBB\xBF", 3)) {
    std::string_view body = bytes.substr(3);
    const Utf8Scan scan = scan_utf8(body);
    if (scan.nul != std::string_view::npos) fail(file, binary_message(3 + scan.nul));
    out.encoding = "UTF-8-BOM";
    decode_utf8(body, file, 3, allow_lossy, scan, out);
    return out;
  }
  if (starts_with("\xFF\xFE", 2) || starts_with("\xFE\xFF", 2)) {
    const bool le = bytes[0] == '\xFF';
    out.encoding = le ? "UTF-16LE" : "UTF-16BE";
    convert_to_utf8(bytes.substr(2), out.encoding.c_str(), file, 2, allow_lossy, /*line_numbers=*/false, out);
    return out;
  }

  const Utf8Scan scan = scan_utf8(bytes);
  if (scan.nul != std::string_view::npos) fail(file, binary_message(scan.nul));
  if (scan.bad != std::string_view::npos) {
    // The scan stopped at the bad byte; NULs after it still mean binary.
    if (const void* nul = std::memchr(bytes.data() + scan.bad, 0, bytes.size() - scan.bad))
      fail(file, binary_message(static_cast<const char*>(nul) - bytes.data()));
  }
  out.encoding = "UTF-8";
  if (scan.bad == std::string_view::npos || scan.multibyte >= kUtf8Evidence) {
    decode_utf8(bytes, file, 0, allow_lossy, scan, out);
    return out;
  }

  // Not UTF-8 (or barely any UTF-8 before the first bad byte): GB, or unsupported.
  const Detection d = detect(bytes, scan.bad);
  if (is_chinese_gb(d.name) && d.confidence >= kMinConfidence) {
    out.encoding = "GB18030";
    convert_to_utf8(bytes, "GB18030", file, 0, allow_lossy, /*line_numbers=*/true, out);
    return out;
  }
  if (d.confidence < kMinConfidence)
    fail(file, "looks like binary data (invalid UTF-8 at byte " + std::to_string(scan.bad) +
                   ", no text encoding detected)");
  // Damaged UTF-8, or (lossy) anything else that is text-like: strict mode
  // reports the bad byte, lossy mode replaces it.
  if (d.name == "UTF-8" || allow_lossy) {
    decode_utf8(bytes, file, 0, allow_lossy, scan, out);
    return out;
  }
  fail(file, "invalid UTF-8 at byte " + std::to_string(scan.bad) + " (line " +
                 std::to_string(line_of(bytes, scan.bad)) + ") and not GB18030 (ICU detects " + d.name +
                 ", confidence " + std::to_string(d.confidence) + ")");
}

}  // namespace

DecodedText decode_bytes(std::string_view bytes, std::string_view file, bool allow_lossy) {
  DecodedText out = decode_any(bytes, file, allow_lossy);
  // --lossy is for text with a few damaged bytes. When invalid sequences
  // make up a noticeable part of the output (over 1 in 200 bytes), the file is not
  // damaged text but something else (binary, an unsupported encoding), and
  // "decoding" it would store replacement characters as a document.
  if (out.replaced > 16 && out.replaced * 200 > out.utf8.size())
    fail(file, "not text even with --lossy: " + std::to_string(out.replaced) +
                   " invalid sequences replaced in " + std::to_string(bytes.size()) + " bytes (binary data?)");
  return out;
}

DecodedText decode_owned_bytes(std::string&& bytes, std::string_view file, bool allow_lossy) {
  const bool bom = (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0) ||
                   (bytes.size() >= 2 && (std::memcmp(bytes.data(), "\xFF\xFE", 2) == 0 ||
                                          std::memcmp(bytes.data(), "\xFE\xFF", 2) == 0));
  if (!bom) {
    const Utf8Scan scan = scan_utf8(bytes);
    if (scan.nul == std::string_view::npos && scan.bad == std::string_view::npos) {
      DecodedText out;
      out.encoding = "UTF-8";
      out.utf8 = std::move(bytes);
      return out;
    }
  }
  return decode_bytes(bytes, file, allow_lossy);
}

}  // namespace claimdb
