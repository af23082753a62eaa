/* smtp: one outbox message sent over SMTP with libcurl (curl_mime: multipart/alternative of text and HTML). */
#include "mail/smtp.h"

#include <curl/curl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/util.h"

#define CONNECT_TIMEOUT_MS 15000L
#define TIMEOUT_MS 60000L /* the whole conversation */
#define WORD_BYTES 45     /* raw bytes per encoded word: 60 base64 characters, 72 with =?UTF-8?B?…?= */

int smtp_global_init(void) {
  return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? K_OK : K_ERR;
}

int smtp_url_ok(const char *url) {
  if (!url || (strncmp(url, "smtp://", 7) != 0 && strncmp(url, "smtps://", 8) != 0)) return 0;
  CURLU *u = curl_url();
  char *host = NULL, *user = NULL;
  int ok = u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
           curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK && host && *host &&
           curl_url_get(u, CURLUPART_USER, &user, 0) == CURLUE_NO_USER; /* the login goes in --smtp-user */
  curl_free(host);
  curl_free(user);
  curl_url_cleanup(u);
  return ok;
}

static int has_line_break(const char *s) {
  return s && strpbrk(s, "\r\n") != NULL;
}

static int printable_ascii(const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if (*p < 0x20 || *p > 0x7e) return 0;
  return 1;
}

int smtp_encode_subject(const char *subject, char *out, size_t n) {
  size_t len = strlen(subject), o = 0;
  if (printable_ascii(subject)) {
    if (len + 1 > n) return -1;
    memcpy(out, subject, len + 1);
    return 0;
  }
  for (size_t i = 0; i < len;) {
    size_t take = len - i < WORD_BYTES ? len - i : WORD_BYTES;
    while (i + take < len && take > 0 && ((unsigned char)subject[i + take] & 0xc0) == 0x80) take--; /* whole chars */
    if (take == 0) return -1;
    char b64[sodium_base64_ENCODED_LEN(WORD_BYTES, sodium_base64_VARIANT_ORIGINAL)];
    sodium_bin2base64(b64, sizeof b64, (const unsigned char *)subject + i, take, sodium_base64_VARIANT_ORIGINAL);
    int w = snprintf(out + o, n - o, "%s=?UTF-8?B?%s?=", o ? "\r\n " : "", b64);
    if (w < 0 || (size_t)w >= n - o) return -1;
    o += (size_t)w;
    i += take;
  }
  if (o == 0 && n > 0) out[0] = 0;
  return 0;
}

/* "Date: Tue, 01 Jul 2025 12:00:00 +0000", without the locale's day and month names. */
static void date_header(char *out, size_t n) {
  static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  snprintf(out, n, "Date: %s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
           tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* The message's headers (From, To, Subject, Date, Message-ID, Auto-Submitted) as a curl list, or NULL after writing
 * why into why. */
static struct curl_slist *headers(const smtp_config *c, const outbox_msg *m, char *why, size_t n) {
  char subject[2048], line[2200];
  if (smtp_encode_subject(m->subject, subject, sizeof subject) != 0) {
    snprintf(why, n, "the subject is too long");
    return NULL;
  }
  const char *at = strrchr(c->from, '@');
  char rnd[17];
  util_random_hex(rnd, 8);
  struct curl_slist *h = NULL;
  snprintf(line, sizeof line, "From: %s", c->from);
  h = curl_slist_append(h, line);
  snprintf(line, sizeof line, "To: %s", m->recipient);
  h = curl_slist_append(h, line);
  snprintf(line, sizeof line, "Subject: %s", subject);
  h = curl_slist_append(h, line);
  date_header(line, sizeof line);
  h = curl_slist_append(h, line);
  snprintf(line, sizeof line, "Message-ID: <kehto-%lld.%s@%s>", m->id, rnd, at ? at + 1 : "localhost");
  h = curl_slist_append(h, line);
  h = curl_slist_append(h, "Auto-Submitted: auto-generated");
  return h;
}

/* A malloc'd copy of s with every line ending CRLF, as mail wants (and curl's quoted-printable encoder, which
 * otherwise writes a bare LF as =0A). */
static char *crlf(const char *s) {
  buf b = BUF_INIT;
  for (const char *p = s; *p; p++) {
    if (*p == '\n' && (p == s || p[-1] != '\r')) buf_putc(&b, '\r');
    buf_putc(&b, *p);
  }
  return buf_detach(&b);
}

/* Adds a part of the given type with text (lines made CRLF) to mime, encoded quoted-printable. */
static void add_text_part(curl_mime *mime, const char *text, const char *type) {
  char *t = crlf(text);
  curl_mimepart *part = curl_mime_addpart(mime);
  curl_mime_data(part, t, CURL_ZERO_TERMINATED); /* copied */
  curl_mime_type(part, type);
  curl_mime_encoder(part, "quoted-printable");
  free(t);
}

/* The body: one multipart/alternative part (text, then HTML: the last is the preferred one) inside the message. */
static curl_mime *body(CURL *curl, const outbox_msg *m) {
  curl_mime *mime = curl_mime_init(curl), *alt = curl_mime_init(curl);
  add_text_part(alt, m->body_text, "text/plain; charset=utf-8");
  if (m->body_html && *m->body_html) add_text_part(alt, m->body_html, "text/html; charset=utf-8");
  curl_mimepart *part = curl_mime_addpart(mime);
  curl_mime_subparts(part, alt);
  curl_mime_type(part, "multipart/alternative");
  struct curl_slist *disp = curl_slist_append(NULL, "Content-Disposition: inline");
  curl_mime_headers(part, disp, 1);
  return mime;
}

/* One line: the reason without line breaks. */
static void one_line(char *s) {
  for (; *s; s++)
    if (*s == '\r' || *s == '\n' || *s == '\t') *s = ' ';
}

/* 1 when url's host is this machine's loopback: 127.0.0.1, localhost or [::1], exactly. */
static int on_loopback(const char *url) {
  const char *h = strstr(url, "://");
  if (!h) return 0;
  h += 3;
  size_t n = *h == '[' ? strcspn(h, "]") + 1 : strcspn(h, ":/");
  return (n == 9 && !strncmp(h, "127.0.0.1", 9)) || (n == 9 && !strncmp(h, "localhost", 9)) ||
         (n == 5 && !strncmp(h, "[::1]", 5));
}

int smtp_send(const smtp_config *c, const outbox_msg *m, char *why, size_t n) {
  if (has_line_break(m->recipient) || has_line_break(m->subject) || has_line_break(c->from)) {
    snprintf(why, n, "refused: a line break in the recipient, subject or sender");
    return SMTP_PERMANENT;
  }
  CURL *curl = curl_easy_init();
  if (!curl) {
    snprintf(why, n, "libcurl did not start");
    return SMTP_TEMPORARY;
  }
  char from[512], rcpt[512], err[CURL_ERROR_SIZE] = "";
  snprintf(from, sizeof from, "<%s>", c->from);
  snprintf(rcpt, sizeof rcpt, "<%s>", m->recipient);
  struct curl_slist *to = curl_slist_append(NULL, rcpt), *h = headers(c, m, why, n);
  if (!h) {
    curl_slist_free_all(to);
    curl_easy_cleanup(curl);
    return SMTP_PERMANENT;
  }
  curl_mime *mime = body(curl, m);
  curl_easy_setopt(curl, CURLOPT_URL, c->url);
  /* STARTTLS when offered; with a password, required (a server that stops offering it, or someone in between who
   * strips the offer, must not get the password in clear), except on this machine's own loopback */
  int loopback = on_loopback(c->url);
  curl_easy_setopt(curl, CURLOPT_USE_SSL, (long)(c->user && !loopback ? CURLUSESSL_ALL : CURLUSESSL_TRY));
  if (c->user) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, c->user);
    curl_easy_setopt(curl, CURLOPT_PASSWORD, c->password ? c->password : "");
  }
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from);
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, to);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, h);
  curl_easy_setopt(curl, CURLOPT_MIMEPOST, mime);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L); /* a thread of a server: no SIGALRM for timeouts */
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, CONNECT_TIMEOUT_MS);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, TIMEOUT_MS);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, err);
  CURLcode rc = curl_easy_perform(curl);
  long code = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
  int out = SMTP_SENT;
  if (rc != CURLE_OK) {
    /* a refused login is the server's settings, not the message: try again after they are fixed */
    out = code >= 500 && code < 600 && rc != CURLE_LOGIN_DENIED ? SMTP_PERMANENT : SMTP_TEMPORARY;
    snprintf(why, n, "%s", *err ? err : curl_easy_strerror(rc));
    if (code) snprintf(why + strlen(why), n - strlen(why), ", reply %ld", code);
    one_line(why);
  }
  curl_mime_free(mime);
  curl_slist_free_all(h);
  curl_slist_free_all(to);
  curl_easy_cleanup(curl);
  return out;
}
