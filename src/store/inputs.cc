// Which files an import reads, and reading them.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "claimdb/store.h"

namespace claimdb {

namespace fs = std::filesystem;

std::string doc_key(const fs::path& file) { return file.filename().stem().string(); }

namespace {

// The order of std::filesystem::path for lexically normal POSIX paths,
// without building paths: relative before absolute, then component by
// component, which is byte order with '/' below every other byte.
bool path_order(const std::string& a, const std::string& b) {
  const bool abs_a = !a.empty() && a[0] == '/', abs_b = !b.empty() && b[0] == '/';
  if (abs_a != abs_b) return abs_b;
  auto rank = [](char c) { return c == '/' ? 0 : static_cast<unsigned char>(c) + 1; };
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [&](char x, char y) { return rank(x) < rank(y); });
}

}  // namespace

std::vector<std::string> collect_inputs(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  for (const auto& arg : args) {
    fs::path p(arg);
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->path().extension() == ".txt" && it->is_regular_file(ec))
          out.push_back(it->path().lexically_normal().native());
      if (ec) throw StoreError(arg + ": cannot list directory: " + ec.message());
    } else {
      out.push_back(p.lexically_normal().native());  // missing files fail later, each with its own error
    }
  }
  std::sort(out.begin(), out.end(), path_order);
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string read_file_bytes(const fs::path& file) {
  if (file == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::error_code ec;
  if (fs::is_directory(file, ec)) throw StoreError(file.string() + ": is a directory");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw StoreError(file.string() + ": cannot read: " + std::strerror(errno));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw StoreError(file.string() + ": read error");
  return bytes;
}

}  // namespace claimdb
