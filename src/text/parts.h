// Cuts a large UTF-8 text into parts of at most about `target` bytes, so the
// importer can split, extract and write a huge file one part at a time
// instead of holding several whole copies of it.
#pragma once
#include <cstddef>
#include <string_view>

namespace claimdb::text {

// End (byte offset, exclusive) of the part of `text` that starts at `from`.
// The rest of the text when it is at most `target` bytes. Otherwise the last
// paragraph break (a blank line) in the second half of the window
// [from, from + target], else the last line break, else the last sentence
// end (。！？), else the last character boundary: passages then rarely
// straddle two parts, and a part never ends inside a UTF-8 sequence.
size_t part_end(std::string_view text, size_t from, size_t target);

}  // namespace claimdb::text
