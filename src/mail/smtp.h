/* smtp: one outbox message sent over SMTP with libcurl: text and HTML as multipart/alternative, STARTTLS when the
 * server offers it. */
#ifndef KEHTO_SMTP_H
#define KEHTO_SMTP_H
#include <stddef.h>

#include "model/outbox.h"

typedef struct smtp_config {
  const char *url;      /* smtp://HOST[:PORT] or smtps://HOST[:PORT] (smtp_url_ok) */
  const char *user;     /* NULL: no authentication */
  const char *password; /* with user */
  const char *from;     /* the sender's address: envelope and From header */
} smtp_config;

/* What smtp_send says about one attempt. */
enum { SMTP_SENT = 0, SMTP_TEMPORARY = 1, SMTP_PERMANENT = 2 };

/* Starts libcurl; call once before any thread sends. Returns K_OK or K_ERR. */
int smtp_global_init(void);

/* Returns 1 when url is smtp:// or smtps:// with a host (and an optional port) and no user or password in it (they
 * would be printed and logged with it), else 0. */
int smtp_url_ok(const char *url);

/* Sends m to m->recipient as c says. Returns SMTP_SENT when the server accepted it; SMTP_PERMANENT when it refused
 * it for good (a 5xx reply other than to the login) or the message cannot be sent as it is (a line break in the
 * recipient or subject); SMTP_TEMPORARY otherwise (no connection, a timeout, a 4xx reply, a refused login). Except
 * when sent, why (n bytes) gets a one-line reason. Allocates nothing that outlives the call. */
int smtp_send(const smtp_config *c, const outbox_msg *m, char *why, size_t n);

/* Writes the Subject header's value for subject into out (n bytes, NUL-terminated): as it is when it is printable
 * ASCII, else RFC 2047 encoded words (UTF-8, base64) of whole characters, folded. Returns 0, or -1 when it does not
 * fit in n. */
int smtp_encode_subject(const char *subject, char *out, size_t n);

#endif
