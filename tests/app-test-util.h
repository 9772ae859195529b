/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the GTK application's tests share: starting GTK inside the first isolated
 * test, letting the main loop run, a window on a copy of the example case, and
 * finding widgets and dialogs the way a user would see them. One copy here, compiled
 * into each app test program, instead of one per test file. */
#pragma once

#include <adwaita.h>

#include "cf-claims-pane.h"
#include "cf-inspector.h"
#include "cf-reader.h"
#include "cf-sources-pane.h"
#include "cf-window.h"

G_BEGIN_DECLS

/* --- the test program and the main loop --------------------------------------------- */

/* g_test_init() with isolated directories when @isolate (screenshots want the
 * system's MIME database and icons, so they run unisolated); remembers the system's
 * data directories first, for the icon themes app_test_start_gtk() adds. */
void        app_test_init              (int          *argc,
                                        char       ***argv,
                                        gboolean      isolate);
/* Starts GTK and libadwaita once, inside the first test: GLib's directory strings
 * computed before the tests would be leaked when the harness isolates each test. */
void        app_test_start_gtk         (void);
/* Runs what the main loop has ready, without blocking. */
void        app_test_drain             (void);

typedef gboolean (*AppTestCondition) (gpointer data);

/* Runs the main loop until @condition holds; FALSE if it did not within a generous
 * limit (a bound on waiting, never a measure). */
gboolean    app_test_wait_until        (AppTestCondition condition,
                                        gpointer         data);
/* A condition: the gboolean at @data is set. */
gboolean    app_test_flag_set          (gpointer      data);

/* --- a window on a copy of the example case ----------------------------------------- */

/* A copy of CASEFILE_EXAMPLE in @tmpdir, or NULL when it is not set or readable. */
char       *app_test_copy_example      (const char   *tmpdir);

typedef struct
{
  char     *tmpdir;
  char     *path;
  CfWindow *window;
} WindowFixture;

/* Opens a window on a copy of the example case and waits until it is drawn; FALSE
 * (and the test skipped) when there is no example case. */
gboolean    window_fixture_open_example (WindowFixture *f);
void        window_fixture_close        (WindowFixture *f);
/* Closes the case in the window and opens its file again, as the next session
 * would; the caller closes what it returns. */
CfCase     *window_fixture_reopen       (WindowFixture *f);

#define READER(f)    CF_READER (cf_window_get_pane ((f)->window, "reader"))
#define CLAIMS(f)    CF_CLAIMS_PANE (cf_window_get_pane ((f)->window, "claims"))
#define INSPECTOR(f) CF_INSPECTOR (cf_window_get_pane ((f)->window, "inspector"))
#define SOURCES(f)   CF_SOURCES_PANE (cf_window_get_pane ((f)->window, "sources"))

/* The first claim of the claims table (a new reference); the case has one. */
CfClaim    *window_fixture_first_claim  (WindowFixture *f);

/* --- finding widgets ----------------------------------------------------------------- */

/* @widget or the first widget of @type below it, depth first; NULL if none. */
GtkWidget        *app_test_find_child_of_type (GtkWidget *widget,
                                               GType      type);
/* The visible message dialog, if any. */
AdwMessageDialog *app_test_find_message_dialog (void);
/* The visible top-level window of @type, if any. */
GtkWindow        *app_test_find_window_of_type (GType      type);

G_END_DECLS
