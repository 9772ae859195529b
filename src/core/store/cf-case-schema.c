/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Casefile"

#include "config.h"

#include "cf-case-schema.h"

/* Version 1. Ratings are stored as codes (reliability 'A'..'F', credibility 1..6,
 * likelihood 1..7 from "almost no chance" to "almost certain", confidence 1..3).
 * Offsets count Unicode characters of documents.text. The FTS tables use external
 * content so the text is stored once; our own triggers keep them in step, and a
 * file is refused if its schema differs from this text in any way. */
static const char schema_v1[] =
  "CREATE TABLE case_info (\n"
  "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  title TEXT NOT NULL DEFAULT '',\n"
  "  summary TEXT NOT NULL DEFAULT '',\n"
  "  incident_date TEXT,\n"
  "  marking TEXT NOT NULL DEFAULT '',\n"
  "  analyst TEXT NOT NULL DEFAULT '',\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL\n"
  ");\n"
  "CREATE TABLE documents (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  title TEXT NOT NULL DEFAULT '',\n"
  "  byline TEXT,\n"
  "  publisher TEXT,\n"
  "  url TEXT,\n"
  "  published TEXT,\n"
  "  imported TEXT NOT NULL,\n"
  "  language TEXT,\n"
  "  media_type TEXT NOT NULL,\n"
  "  filename TEXT,\n"
  "  note TEXT,\n"
  "  sha256 TEXT NOT NULL,\n"
  "  original BLOB NOT NULL,\n"
  "  text TEXT NOT NULL,\n"
  "  text_length INTEGER NOT NULL CHECK (text_length >= 0)\n"
  ");\n"
  "CREATE TABLE actors (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE,\n"
  "  description TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE TABLE claims (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  document_id INTEGER NOT NULL REFERENCES documents (id),\n"
  "  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),\n"
  "  end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),\n"
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
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX claims_by_document ON claims (document_id, start_offset);\n"
  "CREATE INDEX claims_by_actor ON claims (actor_id);\n"
  "CREATE TABLE tags (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  parent_id INTEGER REFERENCES tags (id),\n"
  "  name TEXT NOT NULL CHECK (name <> ''),\n"
  "  color TEXT NOT NULL DEFAULT '#f6d32d'\n"
  ");\n"
  "CREATE INDEX tags_by_parent ON tags (parent_id);\n"
  "CREATE TABLE claim_tags (\n"
  "  claim_id INTEGER NOT NULL REFERENCES claims (id),\n"
  "  tag_id INTEGER NOT NULL REFERENCES tags (id),\n"
  "  PRIMARY KEY (claim_id, tag_id)\n"
  ");\n"
  "CREATE INDEX claim_tags_by_tag ON claim_tags (tag_id);\n"
  "CREATE TABLE notes (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  target TEXT NOT NULL CHECK (target IN ('case', 'document', 'claim')),\n"
  "  target_id INTEGER NOT NULL DEFAULT 0,\n"
  "  body TEXT NOT NULL,\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX notes_by_target ON notes (target, target_id);\n"
  "CREATE TABLE hypotheses (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  title TEXT NOT NULL,\n"
  "  description TEXT NOT NULL DEFAULT '',\n"
  "  likelihood INTEGER CHECK (likelihood BETWEEN 1 AND 7),\n"
  "  confidence INTEGER CHECK (confidence BETWEEN 1 AND 3)\n"
  ");\n"
  "CREATE TABLE claim_hypotheses (\n"
  "  claim_id INTEGER NOT NULL REFERENCES claims (id),\n"
  "  hypothesis_id INTEGER NOT NULL REFERENCES hypotheses (id),\n"
  "  relation TEXT NOT NULL CHECK (relation IN ('consistent', 'inconsistent', 'neutral')),\n"
  "  PRIMARY KEY (claim_id, hypothesis_id)\n"
  ");\n"
  "CREATE INDEX claim_hypotheses_by_hypothesis ON claim_hypotheses (hypothesis_id);\n"
  "CREATE TABLE change_log (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  at TEXT NOT NULL,\n"
  "  summary TEXT NOT NULL,\n"
  "  detail TEXT\n"
  ");\n"
  "CREATE VIRTUAL TABLE documents_fts USING fts5 (title, text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2');\n"
  "CREATE VIRTUAL TABLE claims_fts USING fts5 (quote, paraphrase, content='claims', content_rowid='id', tokenize='unicode61 remove_diacritics 2');\n"
  "CREATE VIRTUAL TABLE notes_fts USING fts5 (body, content='notes', content_rowid='id', tokenize='unicode61 remove_diacritics 2');\n"
  "CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN\n"
  "  INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);\n"
  "END;\n"
  "CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN\n"
  "  INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);\n"
  "END;\n"
  "CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN\n"
  "  INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);\n"
  "  INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);\n"
  "END;\n"
  "CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN\n"
  "  INSERT INTO claims_fts (rowid, quote, paraphrase) VALUES (new.id, new.quote, new.paraphrase);\n"
  "END;\n"
  "CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN\n"
  "  INSERT INTO claims_fts (claims_fts, rowid, quote, paraphrase) VALUES ('delete', old.id, old.quote, old.paraphrase);\n"
  "END;\n"
  "CREATE TRIGGER claims_au AFTER UPDATE OF quote, paraphrase ON claims BEGIN\n"
  "  INSERT INTO claims_fts (claims_fts, rowid, quote, paraphrase) VALUES ('delete', old.id, old.quote, old.paraphrase);\n"
  "  INSERT INTO claims_fts (rowid, quote, paraphrase) VALUES (new.id, new.quote, new.paraphrase);\n"
  "END;\n"
  "CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN\n"
  "  INSERT INTO notes_fts (rowid, body) VALUES (new.id, new.body);\n"
  "END;\n"
  "CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN\n"
  "  INSERT INTO notes_fts (notes_fts, rowid, body) VALUES ('delete', old.id, old.body);\n"
  "END;\n"
  "CREATE TRIGGER notes_au AFTER UPDATE OF body ON notes BEGIN\n"
  "  INSERT INTO notes_fts (notes_fts, rowid, body) VALUES ('delete', old.id, old.body);\n"
  "  INSERT INTO notes_fts (rowid, body) VALUES (new.id, new.body);\n"
  "END;\n";

const char * const _cf_case_tracked_tables[] = {
  "case_info",
  "documents",
  "actors",
  "tags",
  "hypotheses",
  "claims",
  "claim_tags",
  "claim_hypotheses",
  "notes",
  NULL
};

const char *
_cf_case_schema_sql (guint version)
{
  g_return_val_if_fail (version == 1, NULL);
  return schema_v1;
}

const char *
_cf_case_migration_sql (guint from)
{
  /* There is only version 1 so far; version 2 will add its step here. */
  g_return_val_if_fail (from == 0, NULL);
  return NULL;
}
