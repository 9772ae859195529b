/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text decoding for every importer: bytes in any of the encodings people send
 * (UTF-8/16/32 with or without a byte-order mark, a declared charset, or a guess
 * among windows-1252, windows-1251 and KOI8-R) to UTF-8 with "\n" line endings,
 * and the refusal of what is not text at all. One place, so a page, a feed and a
 * plain text file are decoded by the same rules and say the same things. */
#include "config.h"

#include <string.h>

#include "cf-encoding.h"
#include "cf-extract.h"

/* Bytes 0x80..0xFF of the three single-byte encodings we guess ourselves. Decoding
 * them with our own tables (rather than iconv) never fails and is the same on every
 * system; bytes a code page leaves undefined become U+FFFD, except in windows-1252
 * where WHATWG maps them to the C1 controls of the same value. */
static const gunichar cp1252_high[128] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,
  0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
  0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
  0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
  0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7,
  0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
  0x00D0, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7,
  0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF,
  0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
  0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
  0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7,
  0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF,
};

static const gunichar cp1251_high[128] = {
  0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
  0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
  0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
  0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
  0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
  0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
  0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
  0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,
  0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,
  0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,
  0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,
  0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
  0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,
  0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,
  0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
};

static const gunichar koi8r_high[128] = {
  0x2500, 0x2502, 0x250C, 0x2510, 0x2514, 0x2518, 0x251C, 0x2524,
  0x252C, 0x2534, 0x253C, 0x2580, 0x2584, 0x2588, 0x258C, 0x2590,
  0x2591, 0x2592, 0x2593, 0x2320, 0x25A0, 0x2219, 0x221A, 0x2248,
  0x2264, 0x2265, 0x00A0, 0x2321, 0x00B0, 0x00B2, 0x00B7, 0x00F7,
  0x2550, 0x2551, 0x2552, 0x0451, 0x2553, 0x2554, 0x2555, 0x2556,
  0x2557, 0x2558, 0x2559, 0x255A, 0x255B, 0x255C, 0x255D, 0x255E,
  0x255F, 0x2560, 0x2561, 0x0401, 0x2562, 0x2563, 0x2564, 0x2565,
  0x2566, 0x2567, 0x2568, 0x2569, 0x256A, 0x256B, 0x256C, 0x00A9,
  0x044E, 0x0430, 0x0431, 0x0446, 0x0434, 0x0435, 0x0444, 0x0433,
  0x0445, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E,
  0x043F, 0x044F, 0x0440, 0x0441, 0x0442, 0x0443, 0x0436, 0x0432,
  0x044C, 0x044B, 0x0437, 0x0448, 0x044D, 0x0449, 0x0447, 0x044A,
  0x042E, 0x0410, 0x0411, 0x0426, 0x0414, 0x0415, 0x0424, 0x0413,
  0x0425, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E,
  0x041F, 0x042F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0416, 0x0412,
  0x042C, 0x042B, 0x0417, 0x0428, 0x042D, 0x0429, 0x0427, 0x042A,
};

typedef struct
{
  const char     *name;     /* as shown to the user */
  const gunichar *high;
} SingleByteCharset;

static const SingleByteCharset charset_cp1252 = { "windows-1252", cp1252_high };
static const SingleByteCharset charset_cp1251 = { "windows-1251", cp1251_high };
static const SingleByteCharset charset_koi8r = { "KOI8-R", koi8r_high };

gsize
_cf_detect_bom (const char  *data,
                gsize        len,
                const char **charset)
{
  const guchar *u = (const guchar *) data;

  *charset = NULL;
  if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      *charset = "UTF-8";
      return 3;
    }
  if (len >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0)
    {
      *charset = "UTF-32LE";
      return 4;
    }
  if (len >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF)
    {
      *charset = "UTF-32BE";
      return 4;
    }
  if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
    {
      *charset = "UTF-16LE";
      return 2;
    }
  if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
    {
      *charset = "UTF-16BE";
      return 2;
    }
  return 0;
}

/* Rewrites @s in place: CR LF and lone CR become LF, form feeds become LF, other C0
 * controls (never meaningful in an article) are dropped. */
static void
normalise_controls (char *s)
{
  char *w = s;

  for (const char *r = s; *r; r++)
    {
      guchar c = (guchar) *r;

      if (c == '\r')
        {
          *w++ = '\n';
          if (r[1] == '\n')
            r++;
        }
      else if (c == '\f' || c == '\v')
        *w++ = '\n';
      else if (c < 0x20 && c != '\n' && c != '\t')
        continue;
      else
        *w++ = (char) c;
    }
  *w = '\0';
}

static char *
decode_single_byte (const guchar            *p,
                    gsize                    n,
                    const SingleByteCharset *cs)
{
  GString *out = g_string_sized_new (n + n / 2 + 1);

  for (gsize i = 0; i < n; i++)
    {
      if (p[i] < 0x80)
        g_string_append_c (out, (char) p[i]);
      else
        g_string_append_unichar (out, cs->high[p[i] - 0x80]);
    }
  return g_string_free (out, FALSE);
}

/* Our canonical name for a declared charset, or NULL for "no usable declaration".
 * As browsers do (WHATWG Encoding), Latin-1 and ASCII labels mean windows-1252, and a
 * UTF-16 label in a byte stream without a BOM means UTF-8. */
static const char *
canonical_charset (const char *declared)
{
  static const struct { const char *label; const char *name; } aliases[] = {
    { "utf-8", "UTF-8" }, { "utf8", "UTF-8" }, { "unicode-1-1-utf-8", "UTF-8" },
    { "utf-16", "UTF-8" }, { "utf-16le", "UTF-8" }, { "utf-16be", "UTF-8" },
    { "iso-8859-1", "windows-1252" }, { "iso8859-1", "windows-1252" },
    { "latin1", "windows-1252" }, { "l1", "windows-1252" },
    { "us-ascii", "windows-1252" }, { "ascii", "windows-1252" },
    { "windows-1252", "windows-1252" }, { "cp1252", "windows-1252" },
    { "x-cp1252", "windows-1252" }, { "iso_8859-1", "windows-1252" },
    { "windows-1251", "windows-1251" }, { "cp1251", "windows-1251" },
    { "x-cp1251", "windows-1251" },
    { "koi8-r", "KOI8-R" }, { "koi8r", "KOI8-R" }, { "koi", "KOI8-R" },
    /* East Asian labels mean the Windows supersets, which pages really use */
    { "gb2312", "GBK" }, { "gb_2312-80", "GBK" }, { "x-gbk", "GBK" }, { "gbk", "GBK" },
    { "shift_jis", "CP932" }, { "shift-jis", "CP932" }, { "sjis", "CP932" },
    { "x-sjis", "CP932" }, { "windows-31j", "CP932" },
    { "euc-kr", "CP949" }, { "ks_c_5601-1987", "CP949" },
    { "iso-8859-9", "windows-1254" }, { "tis-620", "CP874" },
  };

  if (declared == NULL || *declared == '\0')
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_ascii_strcasecmp (declared, aliases[i].label) == 0)
      return aliases[i].name;
  return declared;
}

static const SingleByteCharset *
single_byte_charset (const char *canonical)
{
  if (g_strcmp0 (canonical, "windows-1252") == 0)
    return &charset_cp1252;
  if (g_strcmp0 (canonical, "windows-1251") == 0)
    return &charset_cp1251;
  if (g_strcmp0 (canonical, "KOI8-R") == 0)
    return &charset_koi8r;
  return NULL;
}

/* Guesses the 8-bit encoding of text that is not UTF-8. Russian and Ukrainian text
 * is mostly letters in 0xC0..0xFF, and its words put several such bytes in a row;
 * Western text has an occasional accented letter between ASCII ones. Lower-case
 * letters outnumber capitals, and they sit in 0xE0..0xFF in windows-1251 but in
 * 0xC0..0xDF in KOI8-R. */
static const SingleByteCharset *
guess_single_byte (const guchar *p,
                   gsize         n)
{
  gsize letters_c0 = 0, runs = 0, upper_half = 0, lower_half = 0;

  for (gsize i = 0; i < n; i++)
    {
      if (p[i] < 0xC0)
        continue;
      letters_c0++;
      if (p[i] >= 0xE0)
        upper_half++;
      else
        lower_half++;
      if (i + 1 < n && p[i + 1] >= 0xC0)
        runs++;
    }

  if (letters_c0 >= 4 && runs * 3 >= letters_c0)
    return upper_half >= lower_half ? &charset_cp1251 : &charset_koi8r;
  return &charset_cp1252;
}

/* Also says whether normalise_controls() has anything to do. */
static gboolean
looks_binary (const guchar *p,
              gsize         n,
              gboolean     *has_controls)
{
  gsize controls = 0, others = 0;

  for (gsize i = 0; i < n; i++)
    if (G_UNLIKELY (p[i] < 0x20 && p[i] != '\n' && p[i] != '\t'))
      {
        if (p[i] != '\r' && p[i] != '\f' && p[i] != 0x1B)
          controls++;
        else
          others++;
      }
  *has_controls = controls + others > 0;
  /* A stray control character is tolerated; junk is not. */
  return controls > 8 && controls * 50 > n;
}

/* Text whose high bytes are mostly in 0x80..0x9F is no 8-bit encoding we know:
 * those are rare punctuation in windows-125x and box drawing in KOI8-R. */
static gboolean
looks_undecodable (const guchar *p,
                   gsize         n)
{
  gsize high = 0, c1 = 0;

  for (gsize i = 0; i < n; i++)
    if (p[i] >= 0x80)
      {
        high++;
        if (p[i] < 0xA0)
          c1++;
      }
  return high >= 16 && high * 5 > n && c1 * 2 > high;
}

static char *
decode_utf16_or_32 (const char  *p,
                    gsize        n,
                    const char  *charset,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *out = NULL;
  gsize unit = g_str_has_prefix (charset, "UTF-32") ? 4 : 2;
  gsize out_len = 0;

  /* A truncated last code unit is dropped rather than failing the whole file. */
  n -= n % unit;
  out = g_convert (p, n, "UTF-8", charset, NULL, &out_len, &local_error);
  if (out == NULL)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_ENCODING,
                   "The file starts with a %s byte-order mark but is not valid %s; "
                   "it may be damaged.", charset, charset);
      return NULL;
    }
  if (memchr (out, '\0', out_len) != NULL)
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_BINARY,
                   "The file contains NUL characters: it looks like a binary file, "
                   "not text.");
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* UTF-16 without a BOM shows as NUL bytes at every other position (for the ASCII
 * part of the text), and only there. Returns the charset or NULL. */
static const char *
sniff_bomless_utf16 (const guchar *p,
                     gsize         n)
{
  gsize even_nul = 0, odd_nul = 0;

  if (n < 4 || n % 2 != 0)
    return NULL;
  for (gsize i = 0; i < n; i += 2)
    {
      even_nul += p[i] == 0;
      odd_nul += p[i + 1] == 0;
    }
  if (even_nul == 0 && odd_nul * 4 >= n / 2 * 3)
    return "UTF-16LE";
  if (odd_nul == 0 && even_nul * 4 >= n / 2 * 3)
    return "UTF-16BE";
  return NULL;
}

/* A UTF-8 text with a few damaged bytes (a bad copy, a cut-off upload) is still
 * UTF-8: legacy 8-bit text almost never forms valid multi-byte sequences, so when
 * at least 19 of every 20 non-ASCII sequences are valid, the others are damage. */
#define MOSTLY_UTF8_MIN_VALID 8

/* Counts the valid multi-byte UTF-8 sequences of @p and the bytes outside one. */
static void
count_utf8 (const guchar *p,
            gsize         n,
            gsize        *valid,
            gsize        *invalid)
{
  gsize i = 0;

  *valid = 0;
  *invalid = 0;
  while (i < n)
    {
      gunichar c;

      if (p[i] < 0x80)
        {
          i++;
          continue;
        }
      c = g_utf8_get_char_validated ((const char *) p + i, n - i);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          (*invalid)++;
          i++;
        }
      else
        {
          (*valid)++;
          i += g_utf8_skip[p[i]];
        }
    }
}

char *
_cf_decode_text (const char  *data,
                 gsize        len,
                 const char  *declared,
                 char       **note,
                 GError     **error)
{
  const guchar *p;
  const char *bom_charset = NULL;
  const char *canonical;
  const char *utf16;
  const SingleByteCharset *single;
  gsize bom_len, n, n_valid, n_invalid;
  gboolean has_controls = TRUE;
  char *out = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (note != NULL)
    *note = NULL;

  bom_len = _cf_detect_bom (data, len, &bom_charset);
  p = (const guchar *) data + bom_len;
  n = len - bom_len;

  if (bom_charset != NULL && strcmp (bom_charset, "UTF-8") != 0)
    {
      out = decode_utf16_or_32 ((const char *) p, n, bom_charset, error);
      if (out == NULL)
        return NULL;
      if (note != NULL)
        *note = g_strdup_printf ("Converted from %s", bom_charset);
      normalise_controls (out);
      return out;
    }

  if (memchr (p, '\0', n) != NULL)
    {
      utf16 = sniff_bomless_utf16 (p, n);
      if (utf16 != NULL && (out = decode_utf16_or_32 ((const char *) p, n, utf16, NULL)) != NULL)
        {
          if (note != NULL)
            *note = g_strdup_printf ("Converted from %s", utf16);
          normalise_controls (out);
          return out;
        }
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_BINARY,
                   "The file contains NUL bytes: it looks like a binary file "
                   "(an image, archive or program), not text.");
      return NULL;
    }

  if (looks_binary (p, n, &has_controls))
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_BINARY,
                   "The file is full of control characters: it looks like a binary "
                   "file, not text.");
      return NULL;
    }

  if (g_utf8_validate ((const char *) p, n, NULL))
    {
      out = g_strndup ((const char *) p, n);
      if (has_controls)
        normalise_controls (out);
      return out;
    }

  count_utf8 (p, n, &n_valid, &n_invalid);
  if (n_valid >= MOSTLY_UTF8_MIN_VALID && n_invalid * 19 <= n_valid)
    {
      out = g_utf8_make_valid ((const char *) p, n);
      if (note != NULL && n_invalid == 1)
        *note = g_strdup ("Read as UTF-8; 1 byte that is not valid UTF-8 was replaced "
                          "by \xEF\xBF\xBD");
      else if (note != NULL)
        *note = g_strdup_printf ("Read as UTF-8; %" G_GSIZE_FORMAT " bytes that are not "
                                 "valid UTF-8 were replaced by \xEF\xBF\xBD", n_invalid);
      normalise_controls (out);
      return out;
    }

  canonical = canonical_charset (declared);
  if (canonical != NULL && strcmp (canonical, "UTF-8") != 0)
    {
      single = single_byte_charset (canonical);
      if (single != NULL)
        out = decode_single_byte (p, n, single);
      else
        out = g_convert ((const char *) p, n, "UTF-8", canonical, NULL, NULL, NULL);
      if (out != NULL)
        {
          if (note != NULL)
            *note = g_strdup_printf ("Converted from %s", single ? single->name : canonical);
          normalise_controls (out);
          return out;
        }
    }

  if (looks_undecodable (p, n))
    {
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_ENCODING,
                   "The file is neither UTF-8 nor a text encoding Casefile recognises; "
                   "save it as UTF-8 and import it again.");
      return NULL;
    }

  single = guess_single_byte (p, n);
  out = decode_single_byte (p, n, single);
  if (note != NULL)
    *note = g_strdup_printf ("Converted from %s", single->name);
  normalise_controls (out);
  return out;
}

char *
_cf_decode_markup (const char  *data,
                   gsize        len,
                   gsize       *utf8_len,
                   char       **note,
                   GError     **error)
{
  g_autofree char *declared = _cf_prescan_charset (data, len);
  g_autofree char *utf8 = _cf_decode_text (data, len, declared, note, error);

  if (utf8 == NULL)
    return NULL;
  *utf8_len = strlen (utf8);
  if (*utf8_len > G_MAXINT)
    {
      if (note != NULL)
        g_clear_pointer (note, g_free);
      g_set_error (error, CF_EXTRACT_ERROR, CF_EXTRACT_ERROR_TOO_LARGE,
                   "The file is too large to import.");
      return NULL;
    }
  return g_steal_pointer (&utf8);
}

/* Reads a charset token after "charset" or "encoding" at @s (lower-cased text). */
static char *
read_charset_value (const char *s,
                    const char *end)
{
  const char *start;

  while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
    s++;
  if (s >= end || *s != '=')
    return NULL;
  s++;
  while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
                     *s == '"' || *s == '\''))
    s++;
  start = s;
  while (s < end && (g_ascii_isalnum (*s) || *s == '-' || *s == '_' || *s == '.' ||
                     *s == ':'))
    s++;
  if (s == start || s - start > 40)
    return NULL;
  return g_strndup (start, s - start);
}

char *
_cf_prescan_charset (const char *data,
                     gsize       len)
{
  /* Browsers look at the first 1024 bytes; real pages often put the declaration
   * after a long run of scripts, so look further. */
  gsize n = MIN (len, 16384);
  g_autofree char *lower = g_ascii_strdown (data, n);
  const char *end = lower + strlen (lower);
  const char *s;

  if (g_str_has_prefix (lower, "<?xml"))
    {
      const char *close = strstr (lower, "?>");
      const char *enc = strstr (lower, "encoding");

      if (enc != NULL && (close == NULL || enc < close))
        return read_charset_value (enc + strlen ("encoding"), close ? close : end);
    }

  for (s = strstr (lower, "<meta"); s != NULL; s = strstr (s + 5, "<meta"))
    {
      const char *tag_end = strchr (s, '>');
      const char *cs;

      if (tag_end == NULL)
        tag_end = end;
      cs = g_strstr_len (s, tag_end - s, "charset");
      if (cs != NULL)
        {
          char *value = read_charset_value (cs + strlen ("charset"), tag_end);

          if (value != NULL)
            return value;
        }
    }
  return NULL;
}

char *
_cf_normalise_plain_text (const char *utf8)
{
  GString *out = g_string_sized_new (strlen (utf8) + 1);
  const char *line = utf8;
  gboolean pending_blank = FALSE;

  while (*line)
    {
      const char *nl = strchr (line, '\n');
      const char *line_end = nl ? nl : line + strlen (line);
      const char *e = line_end;

      while (e > line && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
      if (e == line)
        pending_blank = out->len > 0;
      else
        {
          if (out->len > 0)
            g_string_append (out, pending_blank ? "\n\n" : "\n");
          pending_blank = FALSE;
          g_string_append_len (out, line, e - line);
        }
      line = nl ? nl + 1 : line_end;
    }
  return g_string_free (out, FALSE);
}
