// Extraction alone, no database: reads every file, decodes it, splits it
// into passages and extracts its claims on one thread, as `claimdb import`
// does before writing. Prints files, MB, passages, claims, seconds, MB/s,
// claims/s and peak RSS; --paragraphs N also writes the first N paragraphs
// (one JSON string a line) for the Recognizers-Text comparison, taken from
// every K-th file (--sample-every K); --paragraphs-in FILE extracts such a
// file's paragraphs instead, each as a document.
//
//   extract_bench [--manifest manifest.csv] [--paragraphs N --sample-every K --paragraph-out FILE] DIR|FILE...
//   extract_bench --paragraphs-in FILE
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "claimdb/decode.h"
#include "claimdb/extractor.h"
#include "claimdb/passages.h"
#include "claimdb/store.h"
#include "util/utf.h"

namespace {

// The paragraphs of a --paragraph-out file, each extracted as a document.
int extract_paragraphs(const std::string& path) {
  using namespace claimdb;
  std::ifstream in(path);
  std::vector<std::u32string> paras;
  size_t bytes = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.size() < 2) continue;
    std::string p;
    for (size_t i = 1; i + 1 < line.size(); ++i) {
      if (line[i] == '\\' && i + 2 < line.size()) ++i;
      p += line[i];
    }
    bytes += p.size() + 1;
    paras.push_back(utf8_to_u32(p));
  }
  Extractor extractor;
  auto t0 = std::chrono::steady_clock::now();
  size_t claims = 0;
  for (const auto& p : paras) claims += extractor.extract(p, DocContext{}).claims.size();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("extract_bench: paragraphs=%zu mb=%.3f claims=%zu secs=%.4f mb_s=%.2f\n", paras.size(), bytes / 1e6,
              claims, secs, bytes / 1e6 / secs);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace claimdb;
  std::vector<std::string> paths;
  std::string manifest_path, para_out, para_in;
  size_t para_n = 0, every = 1;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--manifest" && i + 1 < argc) manifest_path = argv[++i];
    else if (a == "--paragraphs" && i + 1 < argc) para_n = std::stoul(argv[++i]);
    else if (a == "--paragraph-out" && i + 1 < argc) para_out = argv[++i];
    else if (a == "--sample-every" && i + 1 < argc) every = std::max<size_t>(1, std::stoul(argv[++i]));
    else if (a == "--paragraphs-in" && i + 1 < argc) para_in = argv[++i];
    else paths.push_back(a);
  }
  if (!para_in.empty()) return extract_paragraphs(para_in);
  if (paths.empty()) {
    std::fprintf(stderr, "usage: extract_bench [--manifest CSV] [--paragraphs N --paragraph-out FILE] DIR|FILE...\n");
    return 2;
  }
  Manifest manifest;
  if (!manifest_path.empty()) manifest = Manifest::load(manifest_path);
  auto files = collect_inputs(paths);

  auto t0 = std::chrono::steady_clock::now();
  Extractor extractor;
  auto t1 = std::chrono::steady_clock::now();
  size_t bytes = 0, passages = 0, claims = 0;
  std::ofstream paras;
  if (para_n) paras.open(para_out);
  size_t index = 0;
  for (const auto& f : files) {
    const bool sampled = para_n && index++ % every == 0;
    std::string raw = read_file_bytes(f);
    bytes += raw.size();
    DecodedText text = decode_bytes(raw, f);
    std::u32string body = utf8_to_u32(text.utf8);
    passages += split_passages(body).size();
    DocContext ctx;
    if (const ManifestEntry* m = manifest.find(doc_key(f))) {
      ctx.year = m->year;
      ctx.district = m->district;
    }
    claims += extractor.extract(body, ctx).claims.size();
    // Paragraphs for the comparison: non-blank lines, as JSON strings.
    for (size_t s = 0; sampled && para_n && s < text.utf8.size();) {
      size_t e = text.utf8.find('\n', s);
      if (e == std::string::npos) e = text.utf8.size();
      if (e > s + 1 && text.utf8[s] != '#') {
        std::string j = "\"";
        for (char c : std::string_view(text.utf8).substr(s, e - s)) {
          if (c == '"' || c == '\\') j += '\\';
          if (c == '\r' || c == '\t') c = ' ';
          j += c;
        }
        paras << j << "\"\n";
        --para_n;
      }
      s = e + 1;
    }
  }
  auto t2 = std::chrono::steady_clock::now();
  double secs = std::chrono::duration<double>(t2 - t1).count();
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("extract_bench: files=%zu mb=%.2f passages=%zu claims=%zu load_s=%.2f secs=%.3f mb_s=%.2f claims_s=%.0f rss_mb=%ld\n",
              files.size(), bytes / 1e6, passages, claims, std::chrono::duration<double>(t1 - t0).count(), secs,
              bytes / 1e6 / secs, claims / secs, ru.ru_maxrss / 1024);
  return 0;
}
