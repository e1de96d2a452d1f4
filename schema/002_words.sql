-- claimdb schema version 2: a word-level full-text index for Chinese, so that
-- queries of any length work (the trigram index of 001 needs 3 characters).
--
-- passage_segments holds, for every passage (id = passages.id), its text
-- normalized with NFKC_Casefold (ＧＤＰ -> gdp, １２ -> 12) and segmented by
-- ICU's dictionary word BreakIterator, in two forms separated by spaces:
--   words  the words:                          地区 生产 总值 1170.1 亿 元
--   chars  every ideograph alone, other runs whole: 地 区 生 产 总 值 1170 1 亿 元
-- passages_words indexes both with the built-in unicode61 tokenizer, so it
-- opens in the stock sqlite3 shell with no extension. A phrase over `chars`
-- finds any substring (one or two characters too); a phrase over `words`
-- finds whole words and ranks them higher; a prefix over `words` (数字*)
-- finds words that start with it.
--
-- The segmentation runs in C++: claimdb registers the SQL functions
-- claimdb_words(text) and claimdb_chars(text) on its connections (so does
-- the loadable extension libclaimdb_sqlite.so). The triggers below keep the
-- index in sync with passages; writing to passages therefore needs claimdb
-- or the extension, reading and deleting do not.
CREATE TABLE passage_segments (
  id    INTEGER PRIMARY KEY,      -- passages.id
  words TEXT NOT NULL,
  chars TEXT NOT NULL
);

CREATE VIRTUAL TABLE passages_words USING fts5(
  words, chars, content = 'passage_segments', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER passage_segments_ai AFTER INSERT ON passage_segments BEGIN
  INSERT INTO passages_words(rowid, words, chars) VALUES (new.id, new.words, new.chars);
END;
CREATE TRIGGER passage_segments_ad AFTER DELETE ON passage_segments BEGIN
  INSERT INTO passages_words(passages_words, rowid, words, chars) VALUES ('delete', old.id, old.words, old.chars);
END;
CREATE TRIGGER passage_segments_au AFTER UPDATE ON passage_segments BEGIN
  INSERT INTO passages_words(passages_words, rowid, words, chars) VALUES ('delete', old.id, old.words, old.chars);
  INSERT INTO passages_words(rowid, words, chars) VALUES (new.id, new.words, new.chars);
END;

CREATE TRIGGER passages_words_ai AFTER INSERT ON passages BEGIN
  INSERT INTO passage_segments(id, words, chars) VALUES (new.id, claimdb_words(new.text), claimdb_chars(new.text));
END;
CREATE TRIGGER passages_words_ad AFTER DELETE ON passages BEGIN
  DELETE FROM passage_segments WHERE id = old.id;
END;
CREATE TRIGGER passages_words_au AFTER UPDATE OF id, text ON passages BEGIN
  DELETE FROM passage_segments WHERE id = old.id;
  INSERT INTO passage_segments(id, words, chars) VALUES (new.id, claimdb_words(new.text), claimdb_chars(new.text));
END;

-- Databases created by version 1: index the passages they hold.
INSERT INTO passage_segments(id, words, chars)
SELECT id, claimdb_words(text), claimdb_chars(text) FROM passages;
