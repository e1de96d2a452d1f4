-- claimdb schema version 5: an ideograph trigram index beside the word
-- index of 002, so that phrases of three or more Chinese characters are
-- found without walking the posting lists of every single character.
--
-- passages_words finds a phrase as consecutive single-ideograph tokens in
-- `chars`; for a phrase of common characters (工业互联网研究院..., or
-- "区生活" AND "实际利用") FTS5 has to step through the long lists of each
-- character over the whole table, which grows with the corpus (0.05-0.1 s
-- per query on 200 MB of text). passages_chars3 indexes the same tokens
-- with the spaces removed (地区生产总值1170 1亿元 -> 地区生产总值11701亿元)
-- with the built-in trigram tokenizer: a phrase of three or more ideographs
-- occurs in `chars` exactly where its characters occur in this string
-- (every ideograph is a token of its own), and its trigrams are rare.
-- claimdb search uses it for such phrases and still ranks by the bm25 of
-- passages_words (see src/store/search.cc). Contentless and without column
-- sizes: it only answers which rows hold a phrase, and where.
--
-- Kept in sync with passage_segments by the triggers below (plain SQL, so
-- the stock shell maintains it too).
CREATE VIRTUAL TABLE passages_chars3 USING fts5(
  c, content = '', columnsize = 0, tokenize = 'trigram'
);
CREATE TRIGGER passage_segments_chars3_ai AFTER INSERT ON passage_segments BEGIN
  INSERT INTO passages_chars3(rowid, c) VALUES (new.id, replace(new.chars, ' ', ''));
END;
CREATE TRIGGER passage_segments_chars3_ad AFTER DELETE ON passage_segments BEGIN
  INSERT INTO passages_chars3(passages_chars3, rowid, c) VALUES ('delete', old.id, replace(old.chars, ' ', ''));
END;
CREATE TRIGGER passage_segments_chars3_au AFTER UPDATE ON passage_segments BEGIN
  INSERT INTO passages_chars3(passages_chars3, rowid, c) VALUES ('delete', old.id, replace(old.chars, ' ', ''));
  INSERT INTO passages_chars3(rowid, c) VALUES (new.id, replace(new.chars, ' ', ''));
END;

-- Databases of earlier versions: index the passages they hold.
INSERT INTO passages_chars3(rowid, c) SELECT id, replace(chars, ' ', '') FROM passage_segments;
