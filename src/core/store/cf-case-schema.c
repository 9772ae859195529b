/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The SQL text of every case-file format version, and of the steps between them.
 * A file is refused unless its schema is exactly one of these texts (compared as
 * SQLite stores it), so a version's text never changes once files of it exist:
 * a change is a new version plus an upgrade step (cf-case-upgrade.c runs them).
 * What two versions share is written once, in the fragments below. The end of the
 * file checks a database against a version's text, for opening and upgrading. */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "cf-case-private.h"
#include "cf-case-schema.h"

/* --- fragments ------------------------------------------------------------------
 * Each *_REST is a table's text after its id line, with the indexes and link tables
 * that follow it; version 1 declares the ids
 * "INTEGER PRIMARY KEY", version 2 "INTEGER PRIMARY KEY AUTOINCREMENT" so that an id
 * is never handed out twice, even after the row that had it was deleted. */

#define ID_V1 "  id INTEGER PRIMARY KEY"
#define ID_V2 "  id INTEGER PRIMARY KEY AUTOINCREMENT"

#define CASE_INFO_REST \
  "  title TEXT NOT NULL DEFAULT '',\n" \
  "  summary TEXT NOT NULL DEFAULT '',\n" \
  "  incident_date TEXT,\n" \
  "  marking TEXT NOT NULL DEFAULT '',\n" \
  "  analyst TEXT NOT NULL DEFAULT '',\n" \
  "  created TEXT NOT NULL,\n" \
  "  modified TEXT NOT NULL\n" \
  ");\n"

#define DOCUMENT_REST \
  ",\n" \
  "  title TEXT NOT NULL DEFAULT '',\n" \
  "  byline TEXT,\n" \
  "  publisher TEXT,\n" \
  "  url TEXT,\n" \
  "  published TEXT,\n" \
  "  imported TEXT NOT NULL,\n" \
  "  language TEXT,\n" \
  "  media_type TEXT NOT NULL,\n" \
  "  filename TEXT,\n" \
  "  note TEXT,\n"

#define DOCUMENT_TEXT_REST \
  "  text TEXT NOT NULL,\n" \
  "  text_length INTEGER NOT NULL CHECK (text_length >= 0)\n" \
  ");\n"

#define ACTORS_REST \
  ",\n" \
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE,\n" \
  "  description TEXT NOT NULL DEFAULT ''\n" \
  ");\n"

#define CLAIMS_REST \
  ",\n" \
  "  document_id INTEGER NOT NULL REFERENCES documents (id),\n" \
  "  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),\n" \
  "  end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),\n" \
  "  quote TEXT NOT NULL,\n" \
  "  prefix TEXT NOT NULL DEFAULT '',\n" \
  "  suffix TEXT NOT NULL DEFAULT '',\n" \
  "  paraphrase TEXT NOT NULL DEFAULT '',\n" \
  "  actor_id INTEGER REFERENCES actors (id),\n" \
  "  reliability TEXT CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),\n" \
  "  credibility INTEGER CHECK (credibility BETWEEN 1 AND 6),\n" \
  "  likelihood INTEGER CHECK (likelihood BETWEEN 1 AND 7),\n" \
  "  confidence INTEGER CHECK (confidence BETWEEN 1 AND 3),\n" \
  "  event_date TEXT,\n" \
  "  created TEXT NOT NULL,\n" \
  "  modified TEXT NOT NULL\n" \
  ");\n" \
  "CREATE INDEX claims_by_document ON claims (document_id, start_offset);\n" \
  "CREATE INDEX claims_by_actor ON claims (actor_id);\n"

#define TAGS_REST \
  ",\n" \
  "  parent_id INTEGER REFERENCES tags (id),\n" \
  "  name TEXT NOT NULL CHECK (name <> ''),\n" \
  "  color TEXT NOT NULL DEFAULT '#f6d32d'\n" \
  ");\n" \
  "CREATE INDEX tags_by_parent ON tags (parent_id);\n" \
  "CREATE TABLE claim_tags (\n" \
  "  claim_id INTEGER NOT NULL REFERENCES claims (id),\n" \
  "  tag_id INTEGER NOT NULL REFERENCES tags (id),\n" \
  "  PRIMARY KEY (claim_id, tag_id)\n" \
  ");\n" \
  "CREATE INDEX claim_tags_by_tag ON claim_tags (tag_id);\n"

#define NOTES_REST \
  ",\n" \
  "  target TEXT NOT NULL CHECK (target IN ('case', 'document', 'claim')),\n" \
  "  target_id INTEGER NOT NULL DEFAULT 0,\n" \
  "  body TEXT NOT NULL,\n" \
  "  created TEXT NOT NULL,\n" \
  "  modified TEXT NOT NULL\n" \
  ");\n" \
  "CREATE INDEX notes_by_target ON notes (target, target_id);\n"

#define HYPOTHESES_REST \
  ",\n" \
  "  title TEXT NOT NULL,\n" \
  "  description TEXT NOT NULL DEFAULT '',\n" \
  "  likelihood INTEGER CHECK (likelihood BETWEEN 1 AND 7),\n" \
  "  confidence INTEGER CHECK (confidence BETWEEN 1 AND 3)\n" \
  ");\n" \
  "CREATE TABLE claim_hypotheses (\n" \
  "  claim_id INTEGER NOT NULL REFERENCES claims (id),\n" \
  "  hypothesis_id INTEGER NOT NULL REFERENCES hypotheses (id),\n" \
  "  relation TEXT NOT NULL CHECK (relation IN ('consistent', 'inconsistent', 'neutral')),\n" \
  "  PRIMARY KEY (claim_id, hypothesis_id)\n" \
  ");\n" \
  "CREATE INDEX claim_hypotheses_by_hypothesis ON claim_hypotheses (hypothesis_id);\n"

#define CHANGE_LOG_REST \
  ",\n" \
  "  at TEXT NOT NULL,\n" \
  "  summary TEXT NOT NULL,\n" \
  "  detail TEXT\n" \
  ");\n"

/* The FTS tables use external content so the text is stored once; our own triggers
 * keep them in step. */
#define FTS_OPTIONS_V1 "tokenize='unicode61 remove_diacritics 2'"
#define FTS_OPTIONS_V3 CF_SEARCH_INDEX_OPTIONS

#define SEARCH_TABLES(options) \
  "CREATE VIRTUAL TABLE documents_fts USING fts5 (title, text, content='documents', content_rowid='id', " options ");\n" \
  "CREATE VIRTUAL TABLE claims_fts USING fts5 (quote, paraphrase, content='claims', content_rowid='id', " options ");\n" \
  "CREATE VIRTUAL TABLE notes_fts USING fts5 (body, content='notes', content_rowid='id', " options ");\n"

#define SEARCH_TRIGGERS \
  "CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN\n" \
  "  INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);\n" \
  "END;\n" \
  "CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN\n" \
  "  INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);\n" \
  "END;\n" \
  "CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN\n" \
  "  INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);\n" \
  "  INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);\n" \
  "END;\n" \
  "CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN\n" \
  "  INSERT INTO claims_fts (rowid, quote, paraphrase) VALUES (new.id, new.quote, new.paraphrase);\n" \
  "END;\n" \
  "CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN\n" \
  "  INSERT INTO claims_fts (claims_fts, rowid, quote, paraphrase) VALUES ('delete', old.id, old.quote, old.paraphrase);\n" \
  "END;\n" \
  "CREATE TRIGGER claims_au AFTER UPDATE OF quote, paraphrase ON claims BEGIN\n" \
  "  INSERT INTO claims_fts (claims_fts, rowid, quote, paraphrase) VALUES ('delete', old.id, old.quote, old.paraphrase);\n" \
  "  INSERT INTO claims_fts (rowid, quote, paraphrase) VALUES (new.id, new.quote, new.paraphrase);\n" \
  "END;\n" \
  "CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN\n" \
  "  INSERT INTO notes_fts (rowid, body) VALUES (new.id, new.body);\n" \
  "END;\n" \
  "CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN\n" \
  "  INSERT INTO notes_fts (notes_fts, rowid, body) VALUES ('delete', old.id, old.body);\n" \
  "END;\n" \
  "CREATE TRIGGER notes_au AFTER UPDATE OF body ON notes BEGIN\n" \
  "  INSERT INTO notes_fts (notes_fts, rowid, body) VALUES ('delete', old.id, old.body);\n" \
  "  INSERT INTO notes_fts (rowid, body) VALUES (new.id, new.body);\n" \
  "END;\n"

#define SEARCH_INDEXES SEARCH_TABLES (FTS_OPTIONS_V1) SEARCH_TRIGGERS

/* --- version 1 -------------------------------------------------------------------
 * Ratings are stored as codes (reliability 'A'..'F', credibility 1..6, likelihood
 * 1..7 from "almost no chance" to "almost certain", confidence 1..3). Offsets count
 * Unicode characters of documents.text. Each document holds its own copy of the
 * bytes it was extracted from, with their SHA-256. */
static const char schema_v1[] =
  "CREATE TABLE case_info (\n"
  "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
  CASE_INFO_REST
  "CREATE TABLE documents (\n"
  ID_V1 DOCUMENT_REST
  "  sha256 TEXT NOT NULL,\n"
  "  original BLOB NOT NULL,\n"
  DOCUMENT_TEXT_REST
  "CREATE TABLE actors (\n"
  ID_V1 ACTORS_REST
  "CREATE TABLE claims (\n"
  ID_V1 CLAIMS_REST
  "CREATE TABLE tags (\n"
  ID_V1 TAGS_REST
  "CREATE TABLE notes (\n"
  ID_V1 NOTES_REST
  "CREATE TABLE hypotheses (\n"
  ID_V1 HYPOTHESES_REST
  "CREATE TABLE change_log (\n"
  ID_V1 CHANGE_LOG_REST
  SEARCH_INDEXES;

/* --- version 2 -------------------------------------------------------------------
 * As version 1, plus (issue 10, "Format"):
 * - ids are AUTOINCREMENT: a deleted claim's id is never given to a new one, so a
 *   window still showing the old claim cannot edit the new one by mistake;
 * - case_info.case_id: 16 random bytes as 32 lower-case hex digits, made when the
 *   case is created (or upgraded), so a journal or copy can be matched to its case;
 * - the bytes a document was extracted from are stored once in `originals` (keyed
 *   by their SHA-256) and documents point at them, with the item's byte range when a
 *   file held several items (a feed), instead of every item holding the whole file.
 * case_info keeps its fixed id 1 (one row), so AUTOINCREMENT means nothing there. */
static const char schema_v2[] =
  "CREATE TABLE case_info (\n"
  "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  case_id TEXT NOT NULL CHECK (length (case_id) = 32 AND case_id NOT GLOB '*[^0-9a-f]*'),\n"
  CASE_INFO_REST
  "CREATE TABLE originals (\n"
  ID_V2 ",\n"
  "  sha256 TEXT NOT NULL UNIQUE CHECK (length (sha256) = 64),\n"
  "  media_type TEXT NOT NULL,\n"
  "  bytes BLOB NOT NULL\n"
  ");\n"
  "CREATE TABLE documents (\n"
  ID_V2 DOCUMENT_REST
  "  original_id INTEGER NOT NULL REFERENCES originals (id),\n"
  "  original_start INTEGER CHECK (original_start >= 0),\n"
  "  original_end INTEGER CHECK ((original_end IS NULL) = (original_start IS NULL) AND original_end >= original_start),\n"
  DOCUMENT_TEXT_REST
  "CREATE INDEX documents_by_original ON documents (original_id);\n"
  "CREATE TABLE actors (\n"
  ID_V2 ACTORS_REST
  "CREATE TABLE claims (\n"
  ID_V2 CLAIMS_REST
  "CREATE TABLE tags (\n"
  ID_V2 TAGS_REST
  "CREATE TABLE notes (\n"
  ID_V2 NOTES_REST
  "CREATE TABLE hypotheses (\n"
  ID_V2 HYPOTHESES_REST
  "CREATE TABLE change_log (\n"
  ID_V2 CHANGE_LOG_REST
  SEARCH_INDEXES;

/* --- version 3 -------------------------------------------------------------------
 * As version 2, plus (issues 12 to 15):
 * - search: the FTS tables keep prefix indexes of two and three characters;
 * - claims are evidence of three kinds: a quote (a span of a document, as before), an
 *   assumption or the absence of expected evidence (no document, offsets 0 and 0, the
 *   statement in `quote`); each has an ACH relevance (1 low, 2 medium, 3 high; NULL is
 *   medium) and an optional weight that overrides the computed one;
 * - a claim's event time: event_date is its start as local ISO 8601 text, as precise as
 *   event_precision ('2023', '2023-05', '2023-05-03', '2023-05-03T02:30'; values from
 *   version 2 such as '2023-05-03T02:30:00Z' are kept as they were), event_end the end
 *   of a range, event_timezone an IANA zone (NULL: the case's), event_approximate
 *   for "about"; the case has a home zone and an optional required precision;
 * - claim_links: two claims the analyst says are about the same event;
 * - the five-point ACH relation plus not applicable: CC, C, N, I, II, NA;
 * - indicators: what should be seen if a hypothesis is true, and whether it was;
 * - documents: the time a page was captured, apart from its publication; the
 *   message an attachment came with (parent_id); the page ranges of a paged source
 *   (document_pages); and, with actors, a "possibly deceptive" mark for ACH.
 * The claims list's sort orders have indexes, so a big case is listed in SQL without
 * sorting every row. */
#define PRECISIONS "('minute', 'hour', 'day', 'month', 'year')"
#define FLAG(name) "  " name " INTEGER NOT NULL DEFAULT 0 CHECK (" name " IN (0, 1)),\n"

static const char schema_v3[] =
  "CREATE TABLE case_info (\n"
  "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  case_id TEXT NOT NULL CHECK (length (case_id) = 32 AND case_id NOT GLOB '*[^0-9a-f]*'),\n"
  "  timezone TEXT,\n"
  "  required_precision TEXT CHECK (required_precision IN " PRECISIONS "),\n"
  CASE_INFO_REST
  "CREATE TABLE originals (\n"
  ID_V2 ",\n"
  "  sha256 TEXT NOT NULL UNIQUE CHECK (length (sha256) = 64),\n"
  "  media_type TEXT NOT NULL,\n"
  "  bytes BLOB NOT NULL\n"
  ");\n"
  "CREATE TABLE documents (\n"
  ID_V2 DOCUMENT_REST
  "  captured TEXT,\n"
  "  parent_id INTEGER REFERENCES documents (id),\n"
  FLAG ("deceptive")
  "  original_id INTEGER NOT NULL REFERENCES originals (id),\n"
  "  original_start INTEGER CHECK (original_start >= 0),\n"
  "  original_end INTEGER CHECK ((original_end IS NULL) = (original_start IS NULL) AND original_end >= original_start),\n"
  DOCUMENT_TEXT_REST
  "CREATE INDEX documents_by_original ON documents (original_id);\n"
  "CREATE INDEX documents_by_parent ON documents (parent_id);\n"
  "CREATE TABLE document_pages (\n"
  "  document_id INTEGER NOT NULL REFERENCES documents (id),\n"
  "  page INTEGER NOT NULL CHECK (page >= 1),\n"
  "  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),\n"
  "  end_offset INTEGER NOT NULL CHECK (end_offset >= start_offset),\n"
  "  label TEXT,\n"
  "  PRIMARY KEY (document_id, page)\n"
  ");\n"
  "CREATE TABLE actors (\n"
  ID_V2 ",\n"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE,\n"
  "  description TEXT NOT NULL DEFAULT '',\n"
  "  deceptive INTEGER NOT NULL DEFAULT 0 CHECK (deceptive IN (0, 1))\n"
  ");\n"
  "CREATE TABLE claims (\n"
  ID_V2 ",\n"
  "  kind TEXT NOT NULL DEFAULT 'quote' CHECK (kind IN ('quote', 'assumption', 'absence')),\n"
  "  document_id INTEGER REFERENCES documents (id),\n"
  "  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),\n"
  "  end_offset INTEGER NOT NULL CHECK (end_offset >= start_offset),\n"
  "  quote TEXT NOT NULL,\n"
  "  prefix TEXT NOT NULL DEFAULT '',\n"
  "  suffix TEXT NOT NULL DEFAULT '',\n"
  "  paraphrase TEXT NOT NULL DEFAULT '',\n"
  "  actor_id INTEGER REFERENCES actors (id),\n"
  "  reliability TEXT CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),\n"
  "  credibility INTEGER CHECK (credibility BETWEEN 1 AND 6),\n"
  "  likelihood INTEGER CHECK (likelihood BETWEEN 1 AND 7),\n"
  "  confidence INTEGER CHECK (confidence BETWEEN 1 AND 3),\n"
  "  event_date TEXT,\n"
  "  event_end TEXT CHECK (event_end IS NULL OR event_date IS NOT NULL),\n"
  "  event_precision TEXT CHECK (event_precision IN " PRECISIONS "),\n"
  "  event_timezone TEXT,\n"
  FLAG ("event_approximate")
  "  relevance INTEGER CHECK (relevance BETWEEN 1 AND 3),\n"
  "  weight REAL CHECK (weight >= 0),\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  CHECK ((kind = 'quote') = (document_id IS NOT NULL)),\n"
  "  CHECK (kind <> 'quote' OR end_offset > start_offset),\n"
  "  CHECK (kind = 'quote' OR (start_offset = 0 AND end_offset = 0))\n"
  ");\n"
  "CREATE INDEX claims_by_document ON claims (document_id, start_offset);\n"
  "CREATE INDEX claims_by_actor ON claims (actor_id);\n"
  "CREATE INDEX claims_by_event ON claims (event_date);\n"
  "CREATE INDEX claims_by_grade ON claims (reliability, credibility);\n"
  "CREATE INDEX claims_by_likelihood ON claims (likelihood);\n"
  "CREATE INDEX claims_by_confidence ON claims (confidence);\n"
  "CREATE INDEX claims_by_kind ON claims (kind);\n"
  "CREATE TABLE claim_links (\n"
  "  claim_id INTEGER NOT NULL REFERENCES claims (id),\n"
  "  other_id INTEGER NOT NULL REFERENCES claims (id),\n"
  "  CHECK (claim_id < other_id),\n"
  "  PRIMARY KEY (claim_id, other_id)\n"
  ");\n"
  "CREATE INDEX claim_links_by_other ON claim_links (other_id);\n"
  "CREATE TABLE tags (\n"
  ID_V2 TAGS_REST
  "CREATE TABLE notes (\n"
  ID_V2 NOTES_REST
  "CREATE TABLE hypotheses (\n"
  ID_V2 ",\n"
  "  title TEXT NOT NULL,\n"
  "  description TEXT NOT NULL DEFAULT '',\n"
  "  likelihood INTEGER CHECK (likelihood BETWEEN 1 AND 7),\n"
  "  confidence INTEGER CHECK (confidence BETWEEN 1 AND 3)\n"
  ");\n"
  "CREATE TABLE claim_hypotheses (\n"
  "  claim_id INTEGER NOT NULL REFERENCES claims (id),\n"
  "  hypothesis_id INTEGER NOT NULL REFERENCES hypotheses (id),\n"
  "  relation TEXT NOT NULL CHECK (relation IN ('CC', 'C', 'N', 'I', 'II', 'NA')),\n"
  "  PRIMARY KEY (claim_id, hypothesis_id)\n"
  ");\n"
  "CREATE INDEX claim_hypotheses_by_hypothesis ON claim_hypotheses (hypothesis_id);\n"
  "CREATE TABLE indicators (\n"
  ID_V2 ",\n"
  "  hypothesis_id INTEGER NOT NULL REFERENCES hypotheses (id),\n"
  "  description TEXT NOT NULL CHECK (description <> ''),\n"
  "  status TEXT NOT NULL DEFAULT 'unseen' CHECK (status IN ('unseen', 'seen', 'refuted')),\n"
  "  claim_id INTEGER REFERENCES claims (id),\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX indicators_by_hypothesis ON indicators (hypothesis_id);\n"
  "CREATE INDEX indicators_by_claim ON indicators (claim_id);\n"
  "CREATE TABLE change_log (\n"
  ID_V2 CHANGE_LOG_REST
  SEARCH_TABLES (FTS_OPTIONS_V3)
  SEARCH_TRIGGERS;

/* --- version 1 to 2 ----------------------------------------------------------------
 * Every table is rebuilt (AUTOINCREMENT cannot be added in place): the search
 * indexes, triggers and indexes go, the tables move aside as v1_*, the version-2
 * schema is created from its own text (so the result compares equal to a new file),
 * the rows are copied with their ids, and the v1_* tables are dropped. The upgrade
 * runs this with foreign keys off, inside its one transaction. Documents and their
 * originals are copied by cf-case-upgrade.c, which hashes each original itself
 * rather than trusting the stored hash. */
static const char migrate_1_prepare[] =
  "DROP TRIGGER documents_ai; DROP TRIGGER documents_ad; DROP TRIGGER documents_au;\n"
  "DROP TRIGGER claims_ai; DROP TRIGGER claims_ad; DROP TRIGGER claims_au;\n"
  "DROP TRIGGER notes_ai; DROP TRIGGER notes_ad; DROP TRIGGER notes_au;\n"
  "DROP TABLE documents_fts; DROP TABLE claims_fts; DROP TABLE notes_fts;\n"
  "DROP INDEX claims_by_document; DROP INDEX claims_by_actor; DROP INDEX tags_by_parent;\n"
  "DROP INDEX claim_tags_by_tag; DROP INDEX notes_by_target;\n"
  "DROP INDEX claim_hypotheses_by_hypothesis;\n"
  "ALTER TABLE case_info RENAME TO v1_case_info;\n"
  "ALTER TABLE documents RENAME TO v1_documents;\n"
  "ALTER TABLE actors RENAME TO v1_actors;\n"
  "ALTER TABLE claims RENAME TO v1_claims;\n"
  "ALTER TABLE tags RENAME TO v1_tags;\n"
  "ALTER TABLE claim_tags RENAME TO v1_claim_tags;\n"
  "ALTER TABLE notes RENAME TO v1_notes;\n"
  "ALTER TABLE hypotheses RENAME TO v1_hypotheses;\n"
  "ALTER TABLE claim_hypotheses RENAME TO v1_claim_hypotheses;\n"
  "ALTER TABLE change_log RENAME TO v1_change_log;\n";

static const char migrate_1_finish[] =
  "INSERT INTO case_info (id, case_id, title, summary, incident_date, marking, analyst, created, modified)\n"
  "  SELECT id, lower (hex (randomblob (16))), title, summary, incident_date, marking, analyst,\n"
  "         created, modified FROM v1_case_info;\n"
  "INSERT INTO actors (id, name, description) SELECT id, name, description FROM v1_actors ORDER BY id;\n"
  "INSERT INTO claims (id, document_id, start_offset, end_offset, quote, prefix, suffix, paraphrase,\n"
  "                    actor_id, reliability, credibility, likelihood, confidence, event_date,\n"
  "                    created, modified)\n"
  "  SELECT id, document_id, start_offset, end_offset, quote, prefix, suffix, paraphrase, actor_id,\n"
  "         reliability, credibility, likelihood, confidence, event_date, created, modified\n"
  "  FROM v1_claims ORDER BY id;\n"
  "INSERT INTO tags (id, parent_id, name, color) SELECT id, parent_id, name, color FROM v1_tags ORDER BY id;\n"
  "INSERT INTO claim_tags (claim_id, tag_id) SELECT claim_id, tag_id FROM v1_claim_tags;\n"
  "INSERT INTO notes (id, target, target_id, body, created, modified)\n"
  "  SELECT id, target, target_id, body, created, modified FROM v1_notes ORDER BY id;\n"
  "INSERT INTO hypotheses (id, title, description, likelihood, confidence)\n"
  "  SELECT id, title, description, likelihood, confidence FROM v1_hypotheses ORDER BY id;\n"
  "INSERT INTO claim_hypotheses (claim_id, hypothesis_id, relation)\n"
  "  SELECT claim_id, hypothesis_id, relation FROM v1_claim_hypotheses;\n"
  "INSERT INTO change_log (id, at, summary, detail) SELECT id, at, summary, detail FROM v1_change_log ORDER BY id;\n"
  "DROP TABLE v1_claim_hypotheses; DROP TABLE v1_claim_tags; DROP TABLE v1_notes;\n"
  "DROP TABLE v1_claims; DROP TABLE v1_hypotheses; DROP TABLE v1_tags; DROP TABLE v1_actors;\n"
  "DROP TABLE v1_documents; DROP TABLE v1_case_info; DROP TABLE v1_change_log;\n";

/* --- version 2 to 3 ----------------------------------------------------------------
 * Rebuilt like the step before (the claims' checks and the search tables' options
 * cannot change in place): everything moves aside as v2_*, version 3 is created from
 * its own text, the rows are copied with their ids, and v2_* is dropped. The new
 * columns take their defaults; relations become C, N and I; an event date keeps its
 * text and gets the precision its form states (a date and time is to the minute).
 * sqlite_sequence (each AUTOINCREMENT table's highest id ever handed out) is carried
 * over, so an id deleted before the upgrade is not handed out after it. */
static const char migrate_2_prepare[] =
  "DROP TRIGGER documents_ai; DROP TRIGGER documents_ad; DROP TRIGGER documents_au;\n"
  "DROP TRIGGER claims_ai; DROP TRIGGER claims_ad; DROP TRIGGER claims_au;\n"
  "DROP TRIGGER notes_ai; DROP TRIGGER notes_ad; DROP TRIGGER notes_au;\n"
  "DROP TABLE documents_fts; DROP TABLE claims_fts; DROP TABLE notes_fts;\n"
  "DROP INDEX documents_by_original;\n"
  "DROP INDEX claims_by_document; DROP INDEX claims_by_actor; DROP INDEX tags_by_parent;\n"
  "DROP INDEX claim_tags_by_tag; DROP INDEX notes_by_target;\n"
  "DROP INDEX claim_hypotheses_by_hypothesis;\n"
  "ALTER TABLE case_info RENAME TO v2_case_info;\n"
  "ALTER TABLE originals RENAME TO v2_originals;\n"
  "ALTER TABLE documents RENAME TO v2_documents;\n"
  "ALTER TABLE actors RENAME TO v2_actors;\n"
  "ALTER TABLE claims RENAME TO v2_claims;\n"
  "ALTER TABLE tags RENAME TO v2_tags;\n"
  "ALTER TABLE claim_tags RENAME TO v2_claim_tags;\n"
  "ALTER TABLE notes RENAME TO v2_notes;\n"
  "ALTER TABLE hypotheses RENAME TO v2_hypotheses;\n"
  "ALTER TABLE claim_hypotheses RENAME TO v2_claim_hypotheses;\n"
  "ALTER TABLE change_log RENAME TO v2_change_log;\n";

static const char migrate_2_finish[] =
  "INSERT INTO case_info (id, case_id, title, summary, incident_date, marking, analyst, created, modified)\n"
  "  SELECT id, case_id, title, summary, incident_date, marking, analyst, created, modified\n"
  "  FROM v2_case_info;\n"
  "INSERT INTO originals (id, sha256, media_type, bytes)\n"
  "  SELECT id, sha256, media_type, bytes FROM v2_originals ORDER BY id;\n"
  "INSERT INTO documents (id, title, byline, publisher, url, published, imported, language,\n"
  "                       media_type, filename, note, original_id, original_start, original_end,\n"
  "                       text, text_length)\n"
  "  SELECT id, title, byline, publisher, url, published, imported, language, media_type,\n"
  "         filename, note, original_id, original_start, original_end, text, text_length\n"
  "  FROM v2_documents ORDER BY id;\n"
  "INSERT INTO actors (id, name, description) SELECT id, name, description FROM v2_actors ORDER BY id;\n"
  "INSERT INTO claims (id, kind, document_id, start_offset, end_offset, quote, prefix, suffix,\n"
  "                    paraphrase, actor_id, reliability, credibility, likelihood, confidence,\n"
  "                    event_date, event_precision, created, modified)\n"
  "  SELECT id, 'quote', document_id, start_offset, end_offset, quote, prefix, suffix, paraphrase,\n"
  "         actor_id, reliability, credibility, likelihood, confidence, event_date,\n"
  "         CASE WHEN event_date IS NULL THEN NULL\n"
  "              WHEN length (event_date) = 4 THEN 'year'\n"
  "              WHEN length (event_date) = 7 THEN 'month'\n"
  "              WHEN length (event_date) = 10 THEN 'day'\n"
  "              ELSE 'minute' END,\n"
  "         created, modified\n"
  "  FROM v2_claims ORDER BY id;\n"
  "INSERT INTO tags (id, parent_id, name, color) SELECT id, parent_id, name, color FROM v2_tags ORDER BY id;\n"
  "INSERT INTO claim_tags (claim_id, tag_id) SELECT claim_id, tag_id FROM v2_claim_tags ORDER BY rowid;\n"
  "INSERT INTO notes (id, target, target_id, body, created, modified)\n"
  "  SELECT id, target, target_id, body, created, modified FROM v2_notes ORDER BY id;\n"
  "INSERT INTO hypotheses (id, title, description, likelihood, confidence)\n"
  "  SELECT id, title, description, likelihood, confidence FROM v2_hypotheses ORDER BY id;\n"
  "INSERT INTO claim_hypotheses (claim_id, hypothesis_id, relation)\n"
  "  SELECT claim_id, hypothesis_id,\n"
  "         CASE relation WHEN 'consistent' THEN 'C' WHEN 'inconsistent' THEN 'I' ELSE 'N' END\n"
  "  FROM v2_claim_hypotheses ORDER BY rowid;\n"
  "INSERT INTO change_log (id, at, summary, detail) SELECT id, at, summary, detail FROM v2_change_log ORDER BY id;\n"
  "UPDATE sqlite_sequence SET seq = max (seq, (SELECT s.seq FROM sqlite_sequence s\n"
  "                                             WHERE s.name = 'v2_' || sqlite_sequence.name))\n"
  "  WHERE 'v2_' || name IN (SELECT name FROM sqlite_sequence);\n"
  "INSERT INTO sqlite_sequence (name, seq)\n"
  "  SELECT substr (name, 4), seq FROM sqlite_sequence\n"
  "  WHERE name GLOB 'v2_*' AND substr (name, 4) NOT IN (SELECT name FROM sqlite_sequence);\n"
  "DROP TABLE v2_claim_hypotheses; DROP TABLE v2_claim_tags; DROP TABLE v2_notes;\n"
  "DROP TABLE v2_claims; DROP TABLE v2_hypotheses; DROP TABLE v2_tags; DROP TABLE v2_actors;\n"
  "DROP TABLE v2_documents; DROP TABLE v2_originals; DROP TABLE v2_case_info; DROP TABLE v2_change_log;\n"
  "DELETE FROM sqlite_sequence WHERE name GLOB 'v2_*';\n";

const char * const _cf_case_tracked_tables[] = {
  "case_info",
  "originals",
  "documents",
  "actors",
  "tags",
  "hypotheses",
  "claims",
  "claim_tags",
  "claim_hypotheses",
  "notes",
  "document_pages",
  "claim_links",
  "indicators",
  NULL
};

const char *
_cf_case_schema_sql (guint version)
{
  switch (version)
    {
    case 1:
      return schema_v1;
    case 2:
      return schema_v2;
    case 3:
      return schema_v3;
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
_cf_case_migration_sql (guint              from,
                        CfMigrationPhase   phase)
{
  switch (from)
    {
    case 1:
      return phase == CF_MIGRATION_PREPARE ? migrate_1_prepare : migrate_1_finish;
    case 2:
      return phase == CF_MIGRATION_PREPARE ? migrate_2_prepare : migrate_2_finish;
    default:
      g_return_val_if_reached (NULL);
    }
}

/* --- checking a database against a version ---------------------------------------- */

static gboolean
query_int64 (sqlite3     *db,
             const char  *sql,
             gint64      *out,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      _cf_case_set_sqlite_error (error, db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc,
                                 _("Checking the case file"));
      return FALSE;
    }
  return TRUE;
}

char *
_cf_case_query_rows (sqlite3     *db,
                     const char  *sql,
                     GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i);

          g_string_append (out, value != NULL ? value : "");
          g_string_append_c (out, '\x1f');
        }
      g_string_append_c (out, '\x1e');
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _cf_case_set_sqlite_error (error, db, rc, _("Checking the case file"));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Everything in sqlite_schema except the statistics tables SQLite itself creates,
 * recognised by their exact definitions; anything else named sqlite_stat... counts. */
static const char schema_query[] =
  "SELECT type, name, tbl_name, sql FROM main.sqlite_schema "
  "WHERE NOT (type = 'table' AND "
  "           ((name = 'sqlite_stat1' AND sql = 'CREATE TABLE sqlite_stat1(tbl,idx,stat)') OR "
  "            (name = 'sqlite_stat4' AND sql = 'CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)'))) "
  "ORDER BY type, name";

G_LOCK_DEFINE_STATIC (expected_schemas);

/* The schema a file of @version must have, as _cf_case_query_rows() gives it. */
static const char *
expected_schema (guint    version,
                 GError **error)
{
  static char *expected[CF_SCHEMA_NEWEST + 1];
  const char *result;

  G_LOCK (expected_schemas);
  if (expected[version] == NULL)
    {
      sqlite3 *db = NULL;
      int rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, _cf_case_schema_sql (version), NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        expected[version] = _cf_case_query_rows (db, schema_query, error);
      else
        _cf_case_set_sqlite_error (error, db, rc, _("Checking the case file"));
      sqlite3_close (db);
    }
  result = expected[version];
  G_UNLOCK (expected_schemas);
  return result;
}

gboolean
_cf_case_schema_verify_identity (sqlite3     *db,
                                 guint        version,
                                 const char  *display,
                                 GError     **error)
{
  gint64 app_id = 0, user_version = 0;

  if (!query_int64 (db, "PRAGMA application_id", &app_id, error)
      || !query_int64 (db, "PRAGMA user_version", &user_version, error))
    return FALSE;
  if (app_id != CF_APPLICATION_ID)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_NOT_A_CASE,
                   _("“%s” is not a Casefile case file."), display);
      return FALSE;
    }
  if (user_version != version)
    {
      g_set_error (error, CF_CASE_ERROR,
                   user_version > version ? CF_CASE_ERROR_TOO_NEW : CF_CASE_ERROR_DAMAGED,
                   _("“%s” has case file format %" PRId64 ", which this "
                     "version of Casefile cannot open."), display, user_version);
      return FALSE;
    }
  return TRUE;
}

gboolean
_cf_case_schema_verify (sqlite3     *db,
                        guint        version,
                        const char  *display,
                        GError     **error)
{
  g_autofree char *check = _cf_case_query_rows (db, "PRAGMA quick_check", error);
  g_autofree char *schema = NULL;
  const char *expected;

  if (check == NULL)
    return FALSE;
  if (strcmp (check, "ok\x1f\x1e") != 0)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_DAMAGED,
                   _("“%s” is damaged and cannot be opened (%s)."), display, check);
      return FALSE;
    }
  if (!_cf_case_schema_verify_identity (db, version, display, error))
    return FALSE;
  schema = _cf_case_query_rows (db, schema_query, error);
  if (schema == NULL)
    return FALSE;
  expected = expected_schema (version, error);
  if (expected == NULL)
    return FALSE;
  if (strcmp (schema, expected) != 0)
    {
      g_set_error (error, CF_CASE_ERROR, CF_CASE_ERROR_DAMAGED,
                   _("“%s” has been altered: its tables, indexes or triggers are not "
                     "those of a Casefile case file, so it is not opened."), display);
      return FALSE;
    }
  return TRUE;
}
