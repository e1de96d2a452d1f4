#include "report/numbers.h"

#include <charconv>
#include <cmath>

namespace claimdb::report {

namespace {

// `v` rounded to at most two decimals, trailing zeros dropped.
std::string two_decimals(double v) { return plain_number(std::round(v * 100) / 100); }

}  // namespace

std::string plain_number(double v) {
  if (!std::isfinite(v)) return std::isnan(v) ? "NaN" : (v < 0 ? "-Inf" : "Inf");
  if (v == 0) return "0";  // also -0
  char buf[400];           // the longest fixed form of a double is ~330 characters
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  return std::string(buf, res.ptr);
}

std::string real_literal(double v) {
  std::string s = plain_number(v);
  if (std::isfinite(v) && s.find('.') == std::string::npos) s += ".0";
  return s;
}

std::string full_amount(double v) {
  std::string s = plain_number(v);
  if (!std::isfinite(v)) return s;
  bool neg = s[0] == '-';
  if (neg) s.erase(0, 1);
  size_t dot = s.find('.');
  std::string whole = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot), out;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i && (whole.size() - i) % 3 == 0) out += ',';
    out += whole[i];
  }
  return (neg ? "-" : "") + out + frac;
}

std::string readable_amount(double v) {
  if (!std::isfinite(v)) return plain_number(v);
  double a = std::fabs(v);
  // Rounding may carry into the next unit (99999999 -> 10000万): switch by the rounded value.
  if (std::round(a / 1e4 * 100) / 100 >= 1e4) return two_decimals(v / 1e8) + "亿";
  if (a >= 1e4) return two_decimals(v / 1e4) + "万";
  return two_decimals(v);
}

}  // namespace claimdb::report
