#include "report/params.h"

#include <algorithm>
#include <charconv>

namespace claimdb::report {

namespace {

bool parse_int(const std::string& s, long long& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

Params parse_params(const std::vector<std::string>& items) {
  Params out;
  for (const auto& item : items) {
    size_t eq = item.find('=');
    if (eq == std::string::npos) throw ReportError("--param '" + item + "': expected NAME=VALUE");
    std::string key = item.substr(0, eq);
    if (!key.empty() && key[0] == ':') key.erase(0, 1);
    if (key.empty()) throw ReportError("--param '" + item + "': the name is empty");
    if (!out.emplace(key, item.substr(eq + 1)).second) throw ReportError("--param " + key + " given twice");
  }
  return out;
}

void check_params(const Report& r, const Params& params) {
  std::string unknown;
  for (const auto& [key, value] : params)
    if (std::find(r.params.begin(), r.params.end(), key) == r.params.end()) unknown += (unknown.empty() ? "" : ", ") + key;
  if (!unknown.empty()) {
    std::string accepted;
    for (const auto& p : r.params) accepted += (accepted.empty() ? "" : ", ") + p;
    throw ReportError("report " + r.name + ": unknown parameter(s): " + unknown + " (it takes: " +
                      (accepted.empty() ? "none" : accepted) + ")");
  }
  if (auto it = params.find("year"); it != params.end()) {
    long long y;
    if (!parse_int(it->second, y)) throw ReportError("--param year='" + it->second + "': not an integer year");
  }
}

void bind_params(SQLite::Statement& st, const Report& r, const Params& params) {
  for (const auto& name : r.params) {
    std::string key = ":" + name;
    if (st.getIndex(key.c_str()) == 0) continue;  // declared but not used by this statement
    auto it = params.find(name);
    long long n;
    if (it == params.end()) st.bind(key.c_str());  // NULL
    else if (name == "year" && parse_int(it->second, n)) st.bind(key.c_str(), static_cast<int64_t>(n));
    else st.bind(key.c_str(), it->second);
  }
}

}  // namespace claimdb::report
