// Small helpers for what the commands print: terminal detection, number
// formatting, JSON values and columns aligned by display width (Chinese
// characters take two terminal cells).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimdb::cli {

bool stdout_is_tty();
bool stderr_is_tty();
// ANSI styling on stdout: a terminal, and NO_COLOR not set.
bool use_ansi_stdout();

std::string thousands(long long n);            // 1234567 -> "1,234,567"
std::string shortest(double v);                // shortest text that reads back as v: 6.1, 1.1701e+11
std::string json_number(const std::optional<double>& v);  // null when empty or not finite


// Rows printed as columns separated by two spaces; `right` marks numeric columns.
std::string format_table(const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& right = {});

}  // namespace claimdb::cli
