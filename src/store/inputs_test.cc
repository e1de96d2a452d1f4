// Which files an import reads: directories recursively (*.txt only), files
// as given, in path order without duplicates.
#include <gtest/gtest.h>

#include "claimdb/store.h"
#include "store/testing.h"

namespace claimdb {
namespace {

using testing::TempDir;
using testing::write_file;

TEST(Inputs, DirectoriesRecursivelyInPathOrderWithoutDuplicates) {
  TempDir dir;
  const std::string d = (dir / "in").string();
  for (const char* f : {"a.txt", "a/b.txt", "a-b/c.txt", "a/notes.md", "z.txt"}) {
    std::filesystem::create_directories(std::filesystem::path(d + "/" + f).parent_path());
    write_file(d + "/" + f, "x");
  }
  // Component by component, as paths compare: "a" < "a-b" < "a.txt",
  // although as strings "a-b/c.txt" < "a.txt" < "a/b.txt".
  std::vector<std::string> want = {d + "/a/b.txt", d + "/a-b/c.txt", d + "/a.txt", d + "/z.txt"};
  EXPECT_EQ(collect_inputs({d}), want);
  // A file named as well as inside a directory counts once; "./" and ".."
  // are normalized; a missing file is kept, to fail later with its name.
  want.push_back(d + "/missing.txt");
  std::sort(want.begin(), want.end(), [](const std::string& x, const std::string& y) {
    return std::filesystem::path(x) < std::filesystem::path(y);
  });
  EXPECT_EQ(collect_inputs({d + "/./z.txt", d, d + "/a/../missing.txt"}), want);
}

// Relative and absolute, spaces, dots, dashes, UTF-8: the same order as
// sorting std::filesystem::path objects (files that do not exist are kept).
TEST(Inputs, PathOrderForAnyNames) {
  std::vector<std::string> names;
  const char* parts[] = {"a", "a-b", "a.b", "a b", "ab", "海曙", "海曙区", "A", "_", "0", "..", "x.txt"};
  uint32_t state = 7;
  for (int i = 0; i < 300; ++i) {
    std::string n = (i % 3 == 0) ? "/" : "";
    const int depth = 1 + i % 4;
    for (int k = 0; k < depth; ++k) {
      state = state * 1103515245u + 12345u;
      n += std::string(k ? "/" : "") + parts[(state >> 16) % std::size(parts)];
    }
    names.push_back(n + ".txt");
  }
  std::vector<std::filesystem::path> want(names.begin(), names.end());
  for (auto& p : want) p = p.lexically_normal();
  std::sort(want.begin(), want.end());
  want.erase(std::unique(want.begin(), want.end()), want.end());
  std::vector<std::string> got = collect_inputs(names);
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i], want[i].native()) << i;
}

}  // namespace
}  // namespace claimdb
