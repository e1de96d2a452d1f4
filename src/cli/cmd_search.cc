// `claimdb search`: passages ranked by bm25 with the hits marked, or with
// --claims the claims those passages hold; any query length (the index is
// chosen per query, see src/store/search_query.h), filters, and
// table/json/csv output.
#include <cctype>
#include <iostream>
#include <memory>

#include "claimdb/store.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "report/format.h"
#include "store/context.h"
#include "store/search.h"

namespace claimdb::cli {

namespace {

using report::Cell;
using report::ColumnType;

struct SearchArgs {
  std::string db = kDefaultDb;
  size_t limit = 10;
  size_t candidates = kSearchCandidates;
  std::string query, format = "table", index = "auto";
  bool claims = false;
  SearchOptions opt;
  int year = 0;
};

// One line for the terminal: line breaks (OCR'd text wraps mid-word) are
// dropped, or become a space between two ASCII letters or digits.
std::string one_line(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\n' && s[i] != '\r') {
      out += s[i];
      continue;
    }
    size_t j = i;
    while (j + 1 < s.size() && (s[j + 1] == '\n' || s[j + 1] == '\r')) ++j;
    if (!out.empty() && j + 1 < s.size() && std::isalnum(static_cast<unsigned char>(out.back())) &&
        std::isalnum(static_cast<unsigned char>(s[j + 1])))
      out += ' ';
    i = j;
  }
  return out;
}

Cell text_cell(const std::string& s) { return s.empty() ? Cell{} : Cell{s}; }
Cell real_cell(const std::optional<double>& v) { return v ? Cell{*v} : Cell{}; }

report::ResultSet passage_rows(const SearchResult& r) {
  report::ResultSet rs;
  rs.columns = {{"rank", ColumnType::Integer},      {"doc", ColumnType::Text},          {"title", ColumnType::Text},
                {"passage_id", ColumnType::Integer}, {"span_start", ColumnType::Integer}, {"span_end", ColumnType::Integer},
                {"score", ColumnType::Real},         {"snippet", ColumnType::Text},       {"text", ColumnType::Text}};
  for (size_t i = 0; i < r.hits.size(); ++i) {
    const auto& h = r.hits[i];
    rs.rows.push_back({Cell{static_cast<long long>(i + 1)}, Cell{h.doc}, text_cell(h.title), Cell{h.passage_id},
                       Cell{h.span_start}, Cell{h.span_end}, Cell{h.score}, Cell{h.snippet}, Cell{h.text}});
  }
  return rs;
}

report::ResultSet claim_rows(const ClaimSearchResult& r) {
  report::ResultSet rs;
  rs.columns = {{"rank", ColumnType::Integer},     {"doc", ColumnType::Text},       {"claim_id", ColumnType::Integer},
                {"quote", ColumnType::Text},        {"value", ColumnType::Real, true}, {"unit", ColumnType::Text},
                {"growth_pct", ColumnType::Real},   {"year", ColumnType::Integer},  {"district", ColumnType::Text},
                {"indicator_code", ColumnType::Text}, {"indicator", ColumnType::Text}, {"modality", ColumnType::Text},
                {"passage_id", ColumnType::Integer}, {"span_start", ColumnType::Integer}, {"span_end", ColumnType::Integer}};
  for (const auto& c : r.claims)
    rs.rows.push_back({Cell{static_cast<long long>(c.passage_rank)}, Cell{c.doc}, Cell{c.claim_id}, Cell{c.quote},
                       real_cell(c.value), text_cell(c.unit), real_cell(c.growth_pct),
                       c.year ? Cell{static_cast<long long>(*c.year)} : Cell{}, text_cell(c.district),
                       text_cell(c.indicator_code), text_cell(c.indicator), text_cell(c.modality), Cell{c.passage_id},
                       Cell{c.span_start}, Cell{c.span_end}});
  return rs;
}

int run_search(SearchArgs& a) {
  report::Format format = report::parse_format(a.format);
  SQLite::Database db = open_search_database(a.db);
  SearchOptions& opt = a.opt;
  opt.limit = a.limit;
  if (a.year) opt.year = a.year;
  opt.index = a.index == "words" ? SearchIndex::Words : a.index == "trigram" ? SearchIndex::Trigram : SearchIndex::Auto;
  const bool table = format == report::Format::Table;
  if (table && use_ansi_stdout()) {
    opt.mark_open = "\x1b[1m";
    opt.mark_close = "\x1b[0m";
  }
  try {
    if (a.claims) {
      SearchStats stats;
      ClaimSearchResult r = search_claims(db, a.query, opt, a.candidates, &stats);
      if (r.claims.empty()) {
        if (!opt.district.empty() || opt.year || !opt.indicator.empty())
          std::cerr << "no claims with these filters in the passages matching " << a.query << "\n";
        else
          std::cerr << "no claims in the " << (stats.bounded ? "last " : "") << r.passages << " passage"
                    << (r.passages == 1 ? "" : "s") << " matching " << a.query
                    << (stats.bounded ? " (the most recently imported; --candidates ranks more)" : "") << "\n";
      }
      if (!r.claims.empty() || !table) std::cout << report::format_result(claim_rows(r), format);
      return 0;
    }
    SearchStats stats;
    SearchResult r = search_passages(db, a.query, opt, a.candidates, &stats);
    if (r.hits.empty()) std::cerr << "no passages match " << a.query << "\n";
    if (!table) {
      std::cout << report::format_result(passage_rows(r), format);
      return 0;
    }
    // The table form lists each passage with its document, title and span, the snippet below.
    for (size_t i = 0; i < r.hits.size(); ++i) {
      const auto& h = r.hits[i];
      std::cout << i + 1 << ". " << h.doc << "  " << (h.title.empty() ? "(no title)" : h.title) << "  ["
                << h.span_start << ", " << h.span_end << ")\n   " << one_line(h.snippet) << "\n";
    }
    if (!r.hits.empty()) {
      std::cerr << "(" << r.hits.size() << " from the " << (r.index == SearchIndex::Trigram ? "trigram" : "word")
                << " index";
      if (stats.bounded)
        std::cerr << "; about " << static_cast<long long>(stats.matches_estimate) << " passages match, the "
                  << stats.ranked << " most recently imported were ranked (--candidates)";
      std::cerr << ")\n";
    }
  } catch (const std::exception& e) {
    throw StoreError(with_context(a.db, e.what()));
  }
  return 0;
}

}  // namespace

Command add_search_command(CLI::App& app) {
  auto a = std::make_shared<SearchArgs>();
  CLI::App* sub = app.add_subcommand("search", "Full-text search of passages or their claims (any query length, bm25 ranking)");
  sub->add_option("--db", a->db, "Database file")->capture_default_str();
  sub->add_option("--limit,-n", a->limit, "Show at most N passages (claims with --claims)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--candidates", a->candidates,
                  "Rank at most N matching passages, the most recently imported (0: every match)")
      ->capture_default_str();
  sub->add_flag("--claims", a->claims, "Show the claims (claims_flat) in the matching passages");
  sub->add_option("--district", a->opt.district, "Only this district (海曙区 or 海曙)");
  sub->add_option("--year", a->year, "Only this year")->check(CLI::Range(1, 9999));
  sub->add_option("--indicator", a->opt.indicator, "Only passages with a claim on this indicator (gdp or 地区生产总值)");
  sub->add_option("--doc", a->opt.doc, "Only this document");
  sub->add_option("--format", a->format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  sub->add_option("--index", a->index, "auto, words or trigram")
      ->check(CLI::IsMember({"auto", "words", "trigram"}))
      ->capture_default_str();
  sub->add_option("--snippet", a->opt.snippet_chars, "Longest snippet in characters (0: whole passage)")
      ->capture_default_str();
  sub->add_option("QUERY", a->query, "Text to find: words of any length, \"phrases\", AND, OR, NOT, 词*, NEAR(a b, N)")
      ->required();
  sub->footer(
      "Plain text is one phrase. It is found as a substring in the word index, built from ICU\n"
      "word segmentation with NFKC (any length; ＧＤＰ finds GDP); phrases that spell out\n"
      "punctuation or symbols (增长4.1%, R&D) use the trigram index. Passages are ranked by\n"
      "bm25, whole-word matches higher. Ranking is bounded: when more than --candidates\n"
      "passages match, only that many of the most recently imported ones are ranked (the\n"
      "summary on stderr says so and estimates all matches); --candidates 0 ranks every match,\n"
      "slower for frequent words. Filters: a passage passes when its document or one of its\n"
      "claims has the district and year; --indicator needs a claim with that indicator. With\n"
      "--claims the filters apply to the claims (and rank then counts only the passages holding\n"
      "such claims). Offsets [start, end) are code points into documents.body.\n\n"
      "Examples:\n"
      "  claimdb search 固定资产投资\n"
      "  claimdb search 外资 --district 海曙区 --year 2022\n"
      "  claimdb search --limit 3 '\"数字经济\" AND 增长'\n"
      "  claimdb search --claims 生产总值 --format json\n"
      "  claimdb search 'GDP OR 生产总值' --format csv");
  return {sub, [a] { return run_search(*a); }};
}

}  // namespace claimdb::cli
