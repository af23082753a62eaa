/* i18n (web): T(), the request's language over core/i18n.c's catalogs. */
#include <string.h>

#include "web/web.h"

/* A message with one number in it ("… (enintään 300 merkkiä).") is looked up as a template with {n} in place of
 * the number, and the number put back into the translation. Returns msgid when there is no such template. */
static const char *with_number(web_req *r, const char *msgid) {
  size_t a = strcspn(msgid, "0123456789");
  if (!msgid[a]) return msgid;
  size_t b = a + strspn(msgid + a, "0123456789");
  if (msgid[b + strcspn(msgid + b, "0123456789")]) return msgid; /* a second number: not a template */
  buf key = BUF_INIT;
  buf_append(&key, msgid, a);
  buf_printf(&key, "{n}%r", msgid + b);
  const char *tr = i18n_get(r->lang, key.data), *at = strstr(tr, "{n}");
  const char *out = msgid;
  if (tr != key.data && at) {
    buf_reset(&key);
    buf_append(&key, tr, (size_t)(at - tr));
    buf_append(&key, msgid + a, b - a);
    buf_puts(&key, at + 3);
    out = arena_strdup(&r->mem, key.data);
  }
  buf_free(&key);
  return out;
}

const char *T(web_req *r, const char *msgid) {
  if (r->lang[0] == 'f') return msgid;
  const char *s = i18n_get(r->lang, msgid);
  return s != msgid ? s : with_number(r, msgid);
}
