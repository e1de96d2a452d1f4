// `claimdb extract`: the claims in one text, without a database, as JSONL
// (the claims_flat field names) or an aligned table.
#include <iostream>
#include <memory>
#include <optional>

#include "claimdb/decode.h"
#include "claimdb/extractor.h"
#include "report/numbers.h"
#include "claimdb/store.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "util/json.h"
#include "util/utf.h"

namespace claimdb::cli {

namespace {

struct ExtractArgs {
  std::string file = "-";
  std::optional<int> year;
  std::string district;
  std::string format = "jsonl";
  bool lossy = false;
};

// Tables are read by people: fixed-point, never scientific notation (117010000000, not 1.1701e+11).
std::string opt_text(const std::optional<double>& v) { return v ? report::plain_number(*v) : ""; }
std::string opt_amount(const std::optional<double>& v) { return v ? report::readable_amount(*v) : ""; }

void print_jsonl(const std::string& doc, const ExtractResult& r) {
  for (const Claim& c : r.claims) {
    auto s = [](const std::string& v) { return v.empty() ? std::string("null") : json_string(v); };
    std::cout << "{\"doc\":" << json_string(doc) << ",\"span_start\":" << c.span_start
              << ",\"span_end\":" << c.span_end << ",\"quote\":" << json_string(c.quote)
              << ",\"value\":" << json_number(c.value) << ",\"unit\":" << s(c.unit)
              << ",\"qualifier\":" << s(c.qualifier) << ",\"value_low\":" << json_number(c.value_low)
              << ",\"value_high\":" << json_number(c.value_high) << ",\"growth_pct\":" << json_number(c.growth_pct)
              << ",\"year\":" << (c.year ? std::to_string(*c.year) : "null") << ",\"district\":" << s(c.district)
              << ",\"indicator\":" << s(c.indicator) << ",\"modality\":" << s(c.modality)
              << ",\"unit_dimension\":" << s(c.unit_dimension) << ",\"growth_pp\":" << json_number(c.growth_pp)
              << ",\"growth_basis\":" << s(c.growth_basis) << ",\"year_basis\":" << s(c.year_basis)
              << ",\"period\":" << s(c.period) << ",\"district_code\":" << s(c.district_code)
              << ",\"indicator_code\":" << s(c.indicator_code) << ",\"rank\":" << s(c.rank) << "}\n";
  }
}

void print_table(const ExtractResult& r) {
  std::vector<std::vector<std::string>> rows = {
      {"span", "quote", "value", "amount", "unit", "qualifier", "growth_pct", "year", "district", "indicator", "modality"}};
  for (const Claim& c : r.claims) {
    std::string quote = c.quote;
    for (auto& ch : quote)
      if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';  // keep one claim per line
    rows.push_back({std::to_string(c.span_start) + "-" + std::to_string(c.span_end), quote, opt_text(c.value),
                    opt_amount(c.value), c.unit,
                    c.qualifier, opt_text(c.growth_pct), c.year ? std::to_string(*c.year) : "", c.district,
                    c.indicator, c.modality});
  }
  std::cout << format_table(rows, {false, false, true, true, false, false, true, false, false, false, false});
}

int run_extract(const ExtractArgs& a) {
  std::string bytes = read_file_bytes(a.file);
  std::string name = a.file == "-" ? "<stdin>" : a.file;
  DecodedText text = decode_bytes(bytes, name, a.lossy);
  std::u32string body = utf8_to_u32(text.utf8);
  Extractor extractor;
  ExtractResult r = extractor.extract(body, DocContext{a.year, a.district});
  std::string doc = a.file == "-" ? "stdin" : doc_key(a.file);
  if (a.format == "table") {
    print_table(r);
    std::cerr << r.claims.size() << " claims; document year "
              << (r.doc_year ? std::to_string(*r.doc_year) : "unknown") << " (" << r.year_basis << ")\n";
  } else {
    print_jsonl(doc, r);
  }
  return 0;
}

}  // namespace

Command add_extract_command(CLI::App& app) {
  auto a = std::make_shared<ExtractArgs>();
  CLI::App* sub = app.add_subcommand("extract", "Print the claims found in one text file (no database)");
  sub->add_option("FILE", a->file, "Text file (UTF-8, UTF-16 with BOM or GB18030); - reads standard input")
      ->capture_default_str();
  sub->add_option("--year", a->year, "The year the text was written (for 今年, 去年); inferred when absent")
      ->check(CLI::Range(1900, 2100));
  sub->add_option("--district", a->district, "The place the text is about, e.g. 海曙区");
  sub->add_option("--format", a->format, "jsonl (claims_flat field names) or table")
      ->check(CLI::IsMember({"jsonl", "table"}))
      ->capture_default_str();
  sub->add_flag("--lossy", a->lossy, "Replace invalid byte sequences instead of failing");
  sub->footer(
      "Examples:\n"
      "  claimdb extract article.txt --year 2023 --district 海曙区 --format table\n"
      "  echo '去年实现地区生产总值1170.1亿元，增长6.1%。' | claimdb extract - --year 2023");
  return {sub, [a] { return run_extract(*a); }};
}

}  // namespace claimdb::cli
