// Pathological numbers through claimdb::Extractor (issue #7): huge digit
// runs, amounts beyond double range, stacked scale words (万万亿), endless
// decimals, long runs of qualifiers. None may crash, store an infinite or
// NaN value, break the span/quote contract, or take more than linear time.
// Inputs are generated here; every sentence is invented.
#include <gtest/gtest.h>

#include <time.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "claimdb/extractor.h"
#include "util/utf.h"

namespace {

const claimdb::Extractor& extractor() {
  static const claimdb::Extractor* e = new claimdb::Extractor();
  return *e;
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// The contract every claim keeps, whatever the input.
void expect_sane(const std::u32string& body, const claimdb::ExtractResult& r, const std::string& what) {
  for (const auto& c : r.claims) {
    SCOPED_TRACE(what + ": claim '" + c.quote.substr(0, 120) + "'");
    ASSERT_LT(c.span_start, c.span_end);
    ASSERT_LE(c.span_end, body.size());
    EXPECT_EQ(claimdb::u32_to_utf8(body.substr(c.span_start, c.span_end - c.span_start)), c.quote);
    for (const auto* v : {&c.value, &c.value_low, &c.value_high, &c.growth_pct, &c.growth_pp})
      if (*v) EXPECT_TRUE(std::isfinite(**v)) << "a non-finite number was stored: " << **v;
    if (c.value) EXPECT_TRUE(c.value_low || c.value_high || std::isfinite(*c.value));
    if (c.year) {
      EXPECT_GE(*c.year, 1000);
      EXPECT_LE(*c.year, 3000);
    }
  }
}

struct Pathological {
  const char* name;
  std::string text;
};

std::vector<Pathological> cases() {
  const std::string digits400 = repeat("9", 400);
  return {
      {"400 digits", "全区实现地区生产总值" + digits400 + "亿元，增长6.1%。"},
      {"400 digits with decimals", "固定资产投资" + digits400 + "." + digits400 + "万元。"},
      {"400 fullwidth digits", "出口总额" + repeat("９", 400) + "亿美元。"},
      {"1e308 scale", "全区实现地区生产总值1" + repeat("0", 308) + "亿元。"},
      {"1e308 plus a scale word", "一般公共预算收入17976931348623157" + repeat("0", 292) + "万亿元。"},
      {"exponent-looking", "进出口总额1.7976931348623157e308亿元，增长1e308%。"},
      {"万万亿", "社会消费品零售总额100万万亿元。"},
      {"亿亿亿 x 40", "税收收入3" + repeat("亿", 40) + "元。"},
      {"万 x 200", "新增企业5" + repeat("万", 200) + "家。"},
      {"Chinese numerals beyond range", "地区生产总值九千九百九十九" + repeat("万亿", 60) + "元。"},
      {"endless decimals", "同比增长0." + repeat("3", 20000) + "%，总额1." + repeat("4", 5000) + "亿元。"},
      {"a thousand qualifiers", "全区实现地区生产总值" + repeat("约近超过逾不到", 1000) + "100亿元。"},
      {"qualifiers without a number", repeat("约", 3000) + "。" + repeat("以上", 2000)},
      {"a thousand ranges", repeat("1至2亿元、", 1000) + "。"},
      {"range beyond double", "投资1" + repeat("0", 400) + "至2" + repeat("0", 400) + "亿元。"},
      {"negative run", "增长" + repeat("-", 1000) + "5%，下降" + repeat("负", 500) + "3%。"},
      {"percent run", "增长5" + repeat("%", 1000) + "。"},
      {"years", repeat("2023年", 2000) + "地区生产总值100亿元。"},
      {"year 99999", "99999年地区生产总值100亿元，0000年增长5%。"},
      {"separators", "总额1" + repeat(",000", 300) + "元，1" + repeat("，", 300) + "000亿元。"},
      {"dots", "增长" + repeat(".", 1000) + "5%，" + repeat("1.", 1000) + "亿元。"},
      {"only scale words", repeat("万亿", 3000)},
      {"NUL and controls", std::string("产值\0\x01\x7f", 5) + "100亿元。"},
  };
}

void check_cases(const std::vector<Pathological>& list) {
  for (const auto& p : list) {
    SCOPED_TRACE(p.name);
    const std::u32string body = claimdb::utf8_to_u32(p.text);
    claimdb::ExtractResult r;
    ASSERT_NO_THROW(r = extractor().extract(body, {2023, "海曙区"})) << p.name;
    expect_sane(body, r, p.name);
  }
}

TEST(ExtractorReliability, PathologicalNumbersAreFiniteOrRejected) { check_cases(cases()); }

// A growth rate of 500 digits was once stored as growth_pct = inf; it is
// rejected now.
TEST(ExtractorReliability, GrowthOverflowIsRejected) {
  check_cases({{"endless growth", "增长" + repeat("9", 500) + "%，提高" + repeat("9", 500) + "个百分点。"}});
}

// Exact expectations where the claim model leaves no doubt.
TEST(ExtractorReliability, ValuesNearTheEdgeStayExactOrAreRejected) {
  auto first = [](const std::string& text) {
    const std::u32string body = claimdb::utf8_to_u32(text);
    return extractor().extract(body, {2023, "海曙区"});
  };
  // 万万亿 is 1e4 * 1e4 * 1e8 yuan: big but representable.
  auto r = first("社会消费品零售总额100万万亿元。");
  for (const auto& c : r.claims)
    if (c.value) EXPECT_TRUE(std::isfinite(*c.value));
  // An amount that overflows a double never becomes inf: it is dropped or capped.
  r = first("地区生产总值1" + repeat("0", 400) + "亿元。");
  for (const auto& c : r.claims)
    if (c.value) EXPECT_TRUE(std::isfinite(*c.value)) << c.quote;
}

// CPU time of this thread, seconds.
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

// Keeps freed memory in the process, so that the best of three runs reuses
// warm pages at every size. Otherwise glibc maps each block over 32 MB
// afresh and returns it on free (the claims of the 10n run of an endless
// line of figures take ~170 MB), and where page faults are slow (about
// 10 us each in some sandboxes) the 10n run pays for 40,000 fresh pages
// that the n run, served from a warm heap, does not: the ratio then times
// the kernel, not the extractor (whose instruction count is exactly linear).
void keep_freed_memory() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_MAX, 0);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

// Best of three runs of the extractor over text(n).
double time_extract(const std::function<std::string(size_t)>& text, size_t n) {
  const std::u32string body = claimdb::utf8_to_u32(text(n));
  double best = 1e9;
  for (int i = 0; i < 3; ++i) {
    const double t0 = cpu_seconds();
    auto r = extractor().extract(body, {2023, "海曙区"});
    best = std::min(best, cpu_seconds() - t0);
    expect_sane(body, r, "scaling");
  }
  return best;
}

using Shape = std::pair<const char*, std::function<std::string(size_t)>>;

// Ten times the input may take at most 50 times as long: linear work gives
// about 10 (more with cache and page-fault effects at megabyte sizes),
// quadratic 100. CPU time of this thread, best of three, so other processes
// do not count. The base size grows until a run takes 10 ms.
void check_linear(const std::vector<Shape>& shapes) {
  keep_freed_memory();
  for (const auto& [name, text] : shapes) {
    SCOPED_TRACE(name);
    size_t n = 2000;
    double small = time_extract(text, n);
    while (small < 0.01 && n < 200000) {
      n *= 2;
      small = time_extract(text, n);
    }
    const double large = time_extract(text, n * 10);
    EXPECT_LT(large, 50 * std::max(small, 1e-4))
        << name << ": " << n << " characters took " << small << " s, " << n * 10 << " took " << large << " s";
    std::printf("%-26s n=%-7zu %.4f s   10n %.4f s   ratio %.1f\n", name, n, small, large, large / small);
  }
}

TEST(ExtractorReliability, PathologicalInputsTakeLinearTime) {
  check_linear({
      {"digits", [](size_t n) { return "总值" + repeat("9", n) + "亿元。"; }},
      {"decimals", [](size_t n) { return "增长0." + repeat("3", n) + "%。"; }},
      {"qualifiers", [](size_t n) { return "投资" + repeat("约近超过", n / 4) + "100亿元。"; }},
      {"one long sentence", [](size_t n) { return repeat("推进高质量发展和", n / 8) + "增长5%。"; }},
  });
}

// These once took quadratic time in the length of a paragraph: a run of
// scale words, and many figures in one paragraph without a line break.
TEST(ExtractorReliability, LongParagraphsAndRunsTakeLinearTime) {
  check_linear({
      {"paragraphs of figures", [](size_t n) { return repeat("地区生产总值100亿元，增长6.1%。\n\n", n / 22); }},
      {"scale words", [](size_t n) { return "收入1" + repeat("万", n) + "元。"; }},
      {"figures in one paragraph", [](size_t n) { return repeat("地区生产总值100亿元，增长6.1%。", n / 20); }},
      {"one long line of figures", [](size_t n) { return repeat("1亿元、", n / 4); }},
  });
}

}  // namespace
