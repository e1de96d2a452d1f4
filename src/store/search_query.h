// A user's search query, parsed once and rendered for either full-text
// index: the trigram index of schema 001 (passages_fts: substrings of 3 or
// more characters, as written) or the word index of schema 002
// (passages_words: NFKC_Casefold, ICU-segmented words and single
// ideographs, any length). Also picks the index a query needs and lists the
// token sequences to mark in the hits.
//
// Syntax (a subset of FTS5's): plain text is one phrase; "quoted phrases",
// AND, OR, NOT (upper case), implicit AND between terms, parentheses,
// prefix (词* or "短语"*) and NEAR(a b, N). A query is syntax only when it
// has balanced quotes, one of ( ) * ^, an operator between two terms, or
// NEAR( — otherwise the whole text is one phrase.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "claimdb/store.h"

namespace claimdb::search {

struct QueryNode {
  enum class Kind { Phrase, And, Or, Not, Near };
  Kind kind = Kind::Phrase;
  std::string text;               // Phrase: as written
  bool prefix = false;            // Phrase: the last word is a prefix
  int distance = 10;              // Near
  std::vector<QueryNode> kids;    // And/Or: two or more; Not: positive, negative; Near: phrases
};

// Parses a query; throws StoreError on bad syntax or an empty query.
QueryNode parse_query(std::string_view query);

// True when the text uses query syntax rather than being one phrase.
bool has_query_syntax(std::string_view query);

using Index = SearchIndex;
const char* index_name(Index i);

// The index to use: the word index, unless a phrase spells out punctuation
// or symbols the word index ignores (增长4.1%, R&D) and every phrase suits the
// trigram index (3+ characters, no prefix, unchanged by NFKC_Casefold).
Index choose_index(const QueryNode& q);

// The FTS5 MATCH expression for passages_fts (trigram). Throws StoreError
// when a phrase is shorter than 3 characters or is a prefix.
std::string trigram_match(const QueryNode& q);

// The FTS5 MATCH expression for passages_words: each phrase is normalized
// and segmented like the indexed text; it must occur in `chars` (any
// substring), and a whole-word match in `words` ranks higher. A prefix
// phrase matches words starting with it. Throws StoreError when a phrase has
// nothing searchable (only punctuation).
std::string words_match(const QueryNode& q);

// Each phrase of the query (in the order FTS5 numbers them) as the word
// index sees it: its chars tokens and, when they differ, its words tokens
// (words_match renders a phrase as `chars : "c" OR words : "w"`, or just the
// chars phrase).
struct WordPhrase {
  std::vector<std::string> chars, words;
  std::vector<std::string> words61;  // `words` as FTS5's unicode61 splits them (1170.1 -> 1170, 1)
  bool prefix = false;
  bool has_words() const { return words != chars; }
};
std::vector<WordPhrase> word_phrases(const QueryNode& q);

// How the ideograph trigram index passages_chars3 (schema 005) can stand in
// for the `chars` column. Its text is each passage's chars tokens without
// the spaces; every ideograph is a token of its own, so a phrase of three or
// more ideographs occurs in `chars` exactly where its characters occur in
// that text, at the same positions (an exact phrase). For a phrase that
// also has ASCII letters or digits, its tokens from the first ideograph to
// the last (三年攀高4个园区 of 2023三年攀高4个园区) give a superset of the
// passages, each then checked against its chars tokens (count_phrase); a
// phrase with fewer than three such characters gives none, which an AND
// with another phrase can still narrow. `usable` is false when the query
// has NEAR, a prefix, a token that is neither one ideograph nor ASCII
// letters and digits, or a part that would list every passage (a short
// phrase alone, in an OR, or before NOT).
struct Chars3Plan {
  bool usable = false;
  bool verify = false;  // candidates are a superset: check each (every phrase not exact)
  std::string match;    // MATCH expression for passages_chars3; without `verify`, one phrase per query phrase
};
Chars3Plan chars3_plan(const QueryNode& q);

// The tokens unicode61 makes of segmented text (passage_segments.chars or
// .words): runs of letters, numbers and marks. Its diacritics folding is not
// done: only phrases of ideographs, ASCII letters and digits are compared
// with them (chars3_plan).
std::vector<std::string_view> unicode61_tokens(std::string_view text);

// How often `phrase` (tokens) occurs in `row` (a passage's tokens).
size_t count_phrase(const std::vector<std::string_view>& row, const std::vector<std::string>& phrase);

// Whether a passage matches the query, given how often each of its phrases
// (in the order of word_phrases) occurs in it.
bool query_matches(const QueryNode& q, const std::vector<size_t>& phrase_hits);

// `s` as an FTS5 string ("..." with inner quotes doubled).
std::string quote_phrase(std::string_view s);

// What to mark in a hit: the chars-token sequences of every phrase that is
// not negated; `prefix` when the last token may be a prefix.
struct MarkTerm {
  std::vector<std::string> tokens;
  bool prefix = false;
};
std::vector<MarkTerm> mark_terms(const QueryNode& q);

}  // namespace claimdb::search
