#include "cli/output.h"

#include <unistd.h>

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "report/width.h"
#include "util/json.h"
#include "util/utf.h"

namespace claimdb::cli {

bool stdout_is_tty() { return isatty(STDOUT_FILENO); }
bool stderr_is_tty() { return isatty(STDERR_FILENO); }
bool use_ansi_stdout() { return stdout_is_tty() && !std::getenv("NO_COLOR"); }

std::string thousands(long long n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string shortest(double v) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}


std::string json_number(const std::optional<double>& v) {
  return v && std::isfinite(*v) ? shortest(*v) : "null";
}


std::string format_table(const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& right) {
  std::vector<size_t> width;
  for (const auto& row : rows)
    for (size_t i = 0; i < row.size(); ++i) {
      if (width.size() <= i) width.push_back(0);
      width[i] = std::max(width[i], report::display_width(row[i]));
    }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      std::string pad(width[i] - report::display_width(row[i]), ' ');
      bool r = i < right.size() && right[i];
      if (i) line += "  ";
      line += r ? pad + row[i] : row[i] + (i + 1 < row.size() ? pad : "");
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace claimdb::cli
