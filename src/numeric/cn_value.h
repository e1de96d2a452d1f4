// Reading one number or one amount written the Chinese way, for the SQL
// functions cn_number() and cn_amount() of the loadable extension. Both
// reuse the extractor's number lexer and unit table (src/extract/), so they
// read exactly what the extractor reads: 一千二百三十四 -> 1234, 1.2万亿 ->
// 1.2e12, 两千 -> 2000; 1170.1亿元 -> 1.1701e11 CNY, 5.1平方公里 -> 5.1e6 m2.
// The whole text (spaces around it aside, full-width forms folded) must be
// the number or the amount; anything else is "not a number".
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace claimdb::numeric {

// A numeral alone (digits, Chinese numerals, scale words, mixed). A leading
// '-' or 负 negates it.
std::optional<double> cn_number(std::string_view utf8);

struct Amount {
  double value = 0;       // in base units of `unit`
  std::string unit;       // canonical code (CNY, USD, m2, 家, %); empty for a bare number
  std::string dimension;  // currency, area, count, ...
};

// A quantity with its unit (or a bare number), converted to base units.
std::optional<Amount> cn_amount(std::string_view utf8);

}  // namespace claimdb::numeric
