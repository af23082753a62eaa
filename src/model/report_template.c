/* report_template: reading, listing and saving the narrative reports' texts (model/report_template.h). */
#include "model/report_template.h"

#include <stdio.h>
#include <string.h>

#include "model/audit.h"
#include "model/write.h"
#include "report/narrative.h"

int rtemplate_kind_ok(const char *kind) {
  return kind && (!strcmp(kind, "annual") || !strcmp(kind, "final"));
}

int rtemplate_lang_ok(const char *lang) {
  return lang && (!strcmp(lang, "fi") || !strcmp(lang, "sv"));
}

const char *rtemplate_get(db *d, arena *a, const char *kind, int year, const char *lang) {
  return db_atext(d, a, "SELECT body FROM report_template WHERE kind = ?1 AND year = ?2 AND lang = ?3", "tit", kind,
                  (long long)year, lang);
}

const char *rtemplate_effective(db *d, arena *a, const char *kind, int year, const char *lang, int *own) {
  const char *body = year && !strcmp(kind, "annual") ? rtemplate_get(d, a, kind, year, lang) : NULL;
  if (own) *own = body != NULL;
  if (!body) body = rtemplate_get(d, a, kind, 0, lang);
  return body ? body : "";
}

rtemplate *rtemplate_list(db *d, arena *a, int *n) {
  rtemplate *out = NULL;
  int cap = 0;
  *n = 0;
  db_stmt *st = db_query(d,
                         "SELECT kind, year, lang, body, updated_by, updated_at FROM report_template"
                         " ORDER BY kind, year, lang",
                         "");
  while (db_step(st) == 1) {
    out = arena_grow(a, out, *n, &cap, sizeof *out);
    rtemplate *t = &out[(*n)++];
    t->kind = db_col_adup(st, 0, a);
    t->year = (int)db_col_int(st, 1);
    t->lang = db_col_adup(st, 2, a);
    t->body = db_col_adup(st, 3, a);
    t->updated_by = db_col_adup(st, 4, a);
    t->updated_at = db_col_adup(st, 5, a);
  }
  db_done(st);
  return out;
}

/* The argument checks a form cannot get wrong but a caller can: kind, language, year. */
static int check_key(const char *kind, int year, const char *lang, kerr *e) {
  if (!rtemplate_kind_ok(kind)) return kerr_set(e, NULL, N_("Raportin laji on annual tai final."));
  if (!rtemplate_lang_ok(lang)) return kerr_set(e, NULL, N_("Raportin kieli on fi tai sv."));
  if (year && (strcmp(kind, "annual") || year < 2000 || year > 2100))
    return kerr_set(e, NULL, N_("Vuosi on vain vuosiraportilla, ja se on 2000–2100."));
  return K_OK;
}

int rtemplate_save(db *d, arena *a, const char *kind, int year, const char *lang, const char *body, const char *actor,
                   const char *field, kerr *e) {
  if (check_key(kind, year, lang, e) != K_OK) return K_ERR;
  body = body ? body : "";
  if (!util_utf8_valid(body, strlen(body))) return kerr_add(e, field, N_("Teksti ei ole kelvollista UTF-8-tekstiä."));
  if (util_utf8_len(body) > RTPL_MAX_BODY)
    return kerr_add(e, field, N_("Teksti on liian pitkä (enintään 100 000 merkkiä)."));
  if (!util_blank(body) && narrative_check_field(d, a, kind, year, body, field, e) != K_OK) return K_ERR;
  return rtemplate_store(d, kind, year, lang, body, actor, e);
}

int rtemplate_store(db *d, const char *kind, int year, const char *lang, const char *body, const char *actor,
                    kerr *e) {
  if (check_key(kind, year, lang, e) != K_OK) return K_ERR;
  int blank = util_blank(body);
  if (write_begin(d, "Raporttipohjan tallennus", e) != K_OK) return K_ERR;
  int rc;
  if (blank)
    rc = db_exec(d, "DELETE FROM report_template WHERE kind = ?1 AND year = ?2 AND lang = ?3", "tit", kind,
                 (long long)year, lang);
  else
    rc = db_exec(d,
                 "INSERT INTO report_template(kind, year, lang, body, updated_by, updated_at)"
                 " VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(kind, year, lang) DO UPDATE SET body = excluded.body,"
                 " updated_by = excluded.updated_by, updated_at = excluded.updated_at",
                 "titttt", kind, (long long)year, lang, body, actor ? actor : "", db_now().s);
  rc = rc == DB_OK ? K_OK : K_ERR;
  if (rc == K_OK) {
    char detail[64];
    snprintf(detail, sizeof detail, "%s %d %s", kind, year, lang);
    rc = audit_log(d, actor ? actor : "", blank ? "delete" : "update", "report_template", detail);
  }
  return write_end(d, rc, "Raporttipohjan tallennus", e);
}
