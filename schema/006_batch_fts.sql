-- claimdb schema version 6: the importer adds passages to the full-text
-- indexes once per batch, not once per passage.
--
-- FTS5 writes its pending terms out as a new segment at every savepoint,
-- and `claimdb import` holds one savepoint per document (so that a failed
-- document is rolled back alone). Each document thus became a small segment
-- in each of the three indexes, merged again and again: a fifth of the
-- import's time. The three triggers that index a new passage now fire only
-- when claimdb_fts_now() is true. It is true on every connection claimdb
-- opens and in the shell with the extension loaded; the importer sets it
-- false while it writes a batch, then indexes the batch's passages with
-- three INSERT ... SELECT just before COMMIT, in the same transaction
-- (src/store/batch_fts.h). Deleting and updating passages is unchanged.
--
-- Writing passages already needed claimdb's SQL functions (claimdb_words,
-- schema/002_words.sql): without them the shell refuses the write instead
-- of leaving an index behind.
DROP TRIGGER passages_ai;
CREATE TRIGGER passages_ai AFTER INSERT ON passages WHEN claimdb_fts_now() BEGIN
  INSERT INTO passages_fts(rowid, text) VALUES (new.id, new.text);
END;
DROP TRIGGER passage_segments_ai;
CREATE TRIGGER passage_segments_ai AFTER INSERT ON passage_segments WHEN claimdb_fts_now() BEGIN
  INSERT INTO passages_words(rowid, words, chars) VALUES (new.id, new.words, new.chars);
END;
DROP TRIGGER passage_segments_chars3_ai;
CREATE TRIGGER passage_segments_chars3_ai AFTER INSERT ON passage_segments WHEN claimdb_fts_now() BEGIN
  INSERT INTO passages_chars3(rowid, c) VALUES (new.id, replace(new.chars, ' ', ''));
END;
