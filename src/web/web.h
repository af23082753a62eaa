/* web: the request/response struct every page and API handler works on, and the helpers they share. */
#ifndef KEHTO_WEB_H
#define KEHTO_WEB_H
#include <microhttpd.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "db/db.h"
#include "model/user.h"

#define WEB_MAX_BODY (1024 * 1024) /* bytes; larger bodies get 413 */
#define WEB_MAX_URL 4096
#define WEB_MAX_FILE (20 * 1024 * 1024) /* bytes of an uploaded file (what the forms tell) */
/* bytes of a request to a route flagged ROUTE_UPLOAD: a file of WEB_MAX_FILE and room for the form's other fields,
 * so that a file of the largest size is checked by its page (an error beside the field, the form kept), not cut off
 * by the server with a bare 413 */
#define WEB_MAX_UPLOAD (WEB_MAX_FILE + WEB_MAX_BODY)

typedef struct kv {
  const char *key, *value;
} kv;

/* A file sent in a multipart/form-data POST: the form field's name, the file's name as the browser gave it (its
 * last path segment), its declared type, and its bytes (in the request's body, not NUL-terminated). */
typedef struct web_file {
  const char *name, *filename, *ctype;
  const char *data;
  size_t len;
} web_file;

struct programme_frame;

typedef struct web_req {
  struct MHD_Connection *conn;
  db *db;
  arena mem; /* per-request memory; everything below that is a pointer lives here or in MHD */
  const char *method;
  const char *url;    /* as requested, without the query string */
  const char *path;   /* without the language prefix */
  const char *lang;   /* "fi", "sv" or "en" */
  const char *prefix; /* "", "/sv" or "/en": prepend to links */
  const char *address;
  long long id; /* the number in a route pattern's {id} (or {org}) */
  kv *form;
  int nform;
  web_file *files; /* the files of a multipart/form-data POST (its other fields are in form) */
  int nfiles;
  buf body;
  size_t max_body; /* WEB_MAX_BODY, or WEB_MAX_UPLOAD for an upload route */
  int body_too_large;
  /* who is asking */
  user_info user;   /* id 0 when not logged in */
  const char *csrf; /* token forms must carry: the session's, or the anonymous cookie's */
  int new_anon_csrf;
  /* the response */
  int status;
  const char *ctype;
  buf out;
  buf headers; /* extra header lines "Name: value\n" */
  int cacheable;
  int no_store;
  /* the handler's own Cache-Control for a 200 (the suggestions' "private, max-age=60"), or NULL for the server's
   * choice ("no-cache", or "no-store" for someone signed in); a handler sets it only for an answer that is the same
   * for everyone */
  const char *cache_control;
  struct programme_frame *frame; /* the page frame for the layout, read on first use into mem (layout.c) */
} web_req;

/* Query-string parameter (decoded by libmicrohttpd), or NULL. */
const char *web_query(web_req *r, const char *name);
/* Form field from a urlencoded POST body, or NULL. */
const char *web_form(web_req *r, const char *name);
/* The file sent in the multipart form field name, or NULL. */
const web_file *web_upload(web_req *r, const char *name);
/* Form or query field trimmed, never NULL ("" when absent); copied into the request arena. */
const char *web_field(web_req *r, const char *name);
/* The trimmed field (a copy in the request arena), or NULL when it is empty. */
char *web_field_opt(web_req *r, const char *name);

/* Translation of a Finnish msgid into the request's language (falls back to the msgid). */
const char *T(web_req *r, const char *msgid);

/* Adds a response header line; name and value must not contain newlines (asserted). */
void web_header(web_req *r, const char *name, const char *value);
/* Sets a cookie: HttpOnly, SameSite=Lax, Path=/, Secure when configured. max_age < 0 means a session cookie. */
void web_cookie(web_req *r, const char *name, const char *value, long max_age);
/* The same, sent back by the browser only under path (a path of this site, no ';' or space). */
void web_cookie_at(web_req *r, const char *name, const char *value, const char *path, long max_age);
/* Responds with a redirect (303) to a path inside the site (prefix added by the caller). */
void web_redirect(web_req *r, const char *location);
/* The same with a formatted location (buf_printf conversions: %U for query values); the language prefix is
 * prepended here, so fmt starts with the path, e.g. "/hallinta/tekot?status=%U". */
void web_redirectf(web_req *r, const char *fmt, ...);
/* Returns 1 when s is a path inside this site that a redirect may take: it starts with "/" but not "//", and has no
 * space, control character or backslash (browsers drop tabs and read "\" as "/", so "/\host" and "/<tab>/host" would
 * leave the site). The one check of a redirect target that came with a request (login's ?next=). */
int web_local_path(const char *s);
/* Appends the request's query string, "?a=1&b=x%20y" (values URL-escaped again), or nothing when there is none. */
void web_query_string(web_req *r, buf *out);
/* Sends an error page in the request's language: 400, 403, 404, 405, 413, 429, 500. */
void web_error(web_req *r, int status, const char *message);
/* Sends a JSON error {"error": message} with status. */
void web_json_error(web_req *r, int status, const char *message);

/* Returns 1 when the POST form carries the right CSRF token; otherwise answers 403 and returns 0. The dispatcher
 * calls it for routes flagged ROUTE_CSRF (web/routes.h); handlers do not. */
int web_csrf_ok_or_reply(web_req *r);
/* Writes a hidden input carrying the CSRF token. */
void web_csrf_field(web_req *r);
/* Marks data as changed so cached pages are dropped. Call after every successful write. */
void web_changed(void);

/* The layout shared by every page. page_begin writes the document head, header, navigation, language switch
 * and opens <main>; page_end closes it and writes the footer. active names the navigation item. */
void page_begin(web_req *r, const char *title, const char *active);
void page_end(web_req *r);
/* Opens a table in a horizontally scrollable region, so a wide table scrolls by itself on a phone instead of
 * widening the page. The region is named by caption and takes keyboard focus (arrow keys scroll it). caption is the
 * table's caption too, visually hidden when hide_caption (a heading already says it); cls is a trusted class name
 * or NULL. The caller writes the head and rows, then calls web_table_end. */
void web_table_begin(web_req *r, const char *cls, const char *caption, int hide_caption);
/* Closes the table and the region opened by web_table_begin. */
void web_table_end(web_req *r);

/* Writes the site's base URL ("https://host[:port]", no trailing slash) as `kehto serve --base-url` set it, or the
 * default http://BIND:PORT; never anything from the request's Host header. For links that must be absolute (the
 * Atom feed, emails). */
void web_base_url(web_req *r, buf *out);
/* " lang=\"fi\"" on Swedish and English pages, "" on Finnish ones: for content that is written in Finnish (deed
 * texts, the programme's own texts), so screen readers read it with a Finnish voice (WCAG 3.1.2). */
const char *web_fi(web_req *r);
/* Writes a stored UTC time ("2026-11-22T12:05:00Z") in Finnish time as "22.11.2026 klo 14.05"; anything else is
 * written escaped as it is. */
void web_fi_datetime(web_req *r, const char *iso);

/* The statistics for a page or API answer: the newest figures computed, without waiting for a computation after a
 * change (report_get_recent). When they are older than the data the answer is not cached, and *computed_at (may be
 * NULL) gets the UTC time they were computed ("2026-12-05T11:30:00Z"), else "". */
typedef struct report_data report_data;
const report_data *web_report(web_req *r, char computed_at[21]);
/* Returns 1 when the POST form carries the right CSRF token; answers nothing (see web_csrf_ok_or_reply). */
int web_csrf_ok(web_req *r);
/* For handlers of ROUTE_CSRF_FORM routes (web/routes.h), which the dispatcher runs even on a stale token: returns 1
 * when the POST form carries the right CSRF token. Otherwise sets e (no field) to the stale-token message and returns
 * 0, answering nothing: the caller shows the form again filled in from what was posted, with e, and status 403, so
 * what was typed is not lost; the form carries the current token, so a resubmit works. Nothing may be saved. */
int web_csrf_ok_or_kerr(web_req *r, kerr *e);

/* Adds Secure to every cookie (cli_serve decides: on unless served on loopback over plain HTTP). */
void web_set_secure_cookies(int on);
/* Sets the base URL web_base_url writes; url must live as long as the server. */
void web_set_base_url(const char *url);

struct smtp_config;

/* Server configuration set by `kehto serve`. */
typedef struct web_config {
  const char *db_path;
  const char *bind;
  int port;
  int threads;
  int secure_cookies;
  const char *base_url;           /* normalised, no trailing slash: "https://kehto.example.fi" */
  const char *trusted_proxy;      /* IPv4 address whose X-Forwarded-For names the client, or NULL */
  int quiet;                      /* no access log */
  int no_cache;                   /* render every page (for measuring the uncached path) */
  int stats_wait_ms;              /* how long a page waits for statistics being computed after a change */
  const struct smtp_config *smtp; /* where mail goes (a sender thread sends the outbox); NULL: it stays queued */
} web_config;

/* Runs the server until SIGINT/SIGTERM. Returns 0 on a clean stop, 1 if it could not start. */
int web_serve(const web_config *cfg);

#endif
