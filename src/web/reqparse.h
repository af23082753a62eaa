/* reqparse: pure parsers of what a client sends (urlencoded bodies, the language prefix of a path, If-None-Match),
 * apart from the server so they are unit-tested and fuzzed (tests/fuzz/). */
#ifndef KEHTO_REQPARSE_H
#define KEHTO_REQPARSE_H
#include <stddef.h>

#include "core/arena.h"
#include "web/web.h"

/* Decodes a urlencoded component in place ('+' is a space, %XX a byte). Returns 1, or 0 on a malformed escape (s is
 * then partly decoded). */
int reqparse_url_decode(char *s);

/* Parses an application/x-www-form-urlencoded body of len bytes into *out (an array of *n pairs, allocated with
 * everything it points to in mem). A pair without '=' has the value "". Returns 1, or 0 when the body is malformed
 * (a bad escape) or a key or value is not UTF-8; *out and *n then hold the pairs before the bad one. */
int reqparse_form(arena *mem, const char *body, size_t len, kv **out, int *n);

/* 1 when the Content-Type header value ctype is multipart/form-data. */
int reqparse_is_multipart(const char *ctype);

#define REQPARSE_MAX_PARTS 64 /* parts of a multipart body: more is malformed */

/* Parses a multipart/form-data body (RFC 7578) of len bytes, ctype being its Content-Type header (the boundary is
 * read from it). Parts without a filename are fields, put into *form as pairs (copied into mem, NUL-terminated);
 * parts with one (even empty, as a browser sends when no file was chosen) are files, put into *files, their name
 * and type copied into mem and their data pointing into body (which must outlive them). Returns 1, or 0 when the
 * body is malformed: no boundary, a part without "Content-Disposition: form-data; name=…", a missing closing
 * delimiter, a field or name that is not UTF-8 or holds a NUL, more than REQPARSE_MAX_PARTS parts. Everything
 * returned is in mem, also on failure. */
int reqparse_multipart(arena *mem, const char *ctype, const char *body, size_t len, kv **form, int *nform,
                       web_file **files, int *nfiles);

/* Splits the language prefix off a URL path: "/sv/x" gives "sv" with *path "/x" and *prefix "/sv"; "/en" gives "en"
 * with *path "/"; anything else is Finnish ("fi", *path the URL itself, *prefix ""). *path points into url. */
const char *reqparse_lang(const char *url, const char **path, const char **prefix);

/* Returns 1 when the If-None-Match list names etag ("*", or the tag itself, weak W/ form accepted). */
int reqparse_etag_listed(const char *list, const char *etag);

/* The content codings an Accept-Encoding header accepts (RFC 9110, 12.5.3): REQ_ENC_GZIP and REQ_ENC_BR, or 0 for
 * none (or no header). A coding with q=0 is refused; "*" stands for those not named. */
enum { REQ_ENC_GZIP = 1, REQ_ENC_BR = 2 };
int reqparse_accept_encoding(const char *header);

#endif
