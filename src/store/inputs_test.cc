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

}  // namespace
}  // namespace claimdb
