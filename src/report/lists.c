/* lists: deeds, a delivery's participants with attendance, and applications written as downloads. */
#include "report/lists.h"

#include <stdlib.h>
#include <string.h>

#include "model/delivery.h"
#include "model/person.h"

/* How a column of a list query is written. */
enum { COL_TEXT, COL_INT, COL_DATE, COL_CODE };

typedef struct list_col {
  const char *head; /* Finnish msgid */
  int kind;
} list_col;

/* A code and its Finnish label (translated when written). */
typedef struct code_label {
  const char *code, *label;
} code_label;

static const code_label CODES[] = {
    {"submitted", N_("Odottaa")},   {"published", N_("Julkaistu")}, {"rejected", N_("Hylätty")},
    {"approved", N_("Hyväksytty")}, {"cancelled", N_("Peruttu")},
};

static const char *tr_or_same(report_tr tr, const char *lang, const char *msgid) {
  return tr ? tr(lang, msgid) : msgid;
}

const char *lists_status_label(const char *code) {
  for (size_t i = 0; code && i < sizeof CODES / sizeof CODES[0]; i++)
    if (!strcmp(code, CODES[i].code)) return CODES[i].label;
  return code;
}

/* A status code as its label (the code itself in the comma CSV, or when unknown). */
static void write_code(export_out *o, const char *code, const char *lang, report_tr tr) {
  if (o->fmt == EXPORT_CSV_COMMA)
    export_text(o, code);
  else
    export_tr(o, tr, lang, lists_status_label(code));
}

static void write_head(export_out *o, const list_col *c, int n, const char *lang, report_tr tr) {
  export_bold(o, 1);
  for (int i = 0; i < n; i++) export_tr(o, tr, lang, c[i].head);
  export_bold(o, 0);
  export_row_end(o);
}

/* Writes every row of st by cols and finishes st. Returns the rows, or -1 on a database error. */
static long long write_rows(db_stmt *st, export_out *o, const list_col *c, int n, const char *lang, report_tr tr) {
  if (!st) return -1;
  long long rows = 0;
  int rc;
  while ((rc = db_step(st)) == 1) {
    for (int i = 0; i < n; i++) {
      if (c[i].kind == COL_INT)
        export_int(o, db_col_int(st, i));
      else if (c[i].kind == COL_DATE)
        export_date(o, db_col_text(st, i));
      else if (c[i].kind == COL_CODE)
        write_code(o, db_col_text(st, i), lang, tr);
      else
        export_text(o, db_col_text(st, i));
    }
    export_row_end(o);
    rows++;
  }
  db_done(st);
  return rc < 0 ? -1 : rows;
}

static const list_col DEED_COLS[] = {
    {N_("Tunnus"), COL_INT},        {N_("Viite"), COL_TEXT},          {N_("Otsikko"), COL_TEXT},
    {N_("Organisaatio"), COL_TEXT}, {N_("Kunta"), COL_TEXT},          {N_("Maakunta"), COL_TEXT},
    {N_("Toimiala"), COL_TEXT},     {N_("Vuosi"), COL_INT},           {N_("Tiivistelmä"), COL_TEXT},
    {N_("Lähtötilanne"), COL_TEXT}, {N_("Tavoite"), COL_TEXT},        {N_("Toimenpiteet"), COL_TEXT},
    {N_("Osallistujat"), COL_TEXT}, {N_("Tulokset"), COL_TEXT},       {N_("Palvelu"), COL_TEXT},
    {N_("Teemat"), COL_TEXT},       {N_("Yhteyshenkilö"), COL_TEXT},  {N_("Sähköposti"), COL_TEXT},
    {N_("Tila"), COL_CODE},         {N_("Hylkäyksen syy"), COL_TEXT}, {N_("Lähetetty"), COL_DATE},
    {N_("Päivitetty"), COL_DATE},   {N_("Julkaistu"), COL_DATE},
};
#define NDEED_COLS ((int)(sizeof DEED_COLS / sizeof DEED_COLS[0]))

/* Every deed (?1: a status, or '' for all) with the names in ?2's language. */
static const char DEED_SQL[] =
    "SELECT x.id, coalesce(x.ref, ''), x.title, x.org_name,"
    " coalesce(CASE CAST(?2 AS TEXT) WHEN 'sv' THEN m.name_sv ELSE m.name_fi END, ''),"
    " coalesce(CASE CAST(?2 AS TEXT) WHEN 'sv' THEN g.name_sv ELSE g.name_fi END, ''),"
    " CASE CAST(?2 AS TEXT) WHEN 'sv' THEN s.name_sv WHEN 'en' THEN s.name_en ELSE s.name_fi END, x.year,"
    " x.summary, x.starting_point, x.goal, x.actions, x.participants, x.results, x.service,"
    " coalesce((SELECT string_agg(t.name, ', ') FROM (SELECT t.name FROM deed_theme dt JOIN theme t"
    " ON t.id = dt.theme_id WHERE dt.deed_id = x.id ORDER BY t.name) t), ''),"
    " x.contact_name, x.contact_email, x.status, x.reject_reason, x.created_at, x.updated_at,"
    " coalesce(x.published_at, '')"
    " FROM deed x JOIN sector s ON s.code = x.sector_code LEFT JOIN municipality m ON m.code = x.municipality_code"
    " LEFT JOIN region g ON g.code = m.region_code WHERE ?1 = '' OR x.status = ?1 ORDER BY x.id";

/* Writes the header of cols and the rows of sql (bound to a status, "" for all, and lang). */
static long long list_by_status(db *d, export_out *o, const list_col *cols, int n, const char *sql, const char *status,
                                const char *lang, report_tr tr) {
  write_head(o, cols, n, lang, tr);
  return write_rows(db_query(d, sql, "tt", status ? status : "", lang), o, cols, n, lang, tr);
}

long long lists_deeds(db *d, export_out *o, const char *status, const char *lang, report_tr tr) {
  return list_by_status(d, o, DEED_COLS, NDEED_COLS, DEED_SQL, status, lang, tr);
}

static const list_col APP_COLS[] = {
    {N_("Tunnus"), COL_INT},
    {N_("Palvelu"), COL_TEXT},
    {N_("Palvelutyyppi"), COL_TEXT},
    {N_("Organisaatio"), COL_TEXT},
    {N_("Hakija"), COL_TEXT},
    {N_("Tarve"), COL_TEXT},
    {N_("Teemat"), COL_TEXT},
    {N_("Ehdotetut ajankohdat"), COL_TEXT},
    {N_("Johto"), COL_INT},
    {N_("Esihenkilöt"), COL_INT},
    {N_("Työntekijät"), COL_INT},
    {N_("Henkilöstön edustajat"), COL_INT},
    {N_("Toivottu valmentaja"), COL_TEXT},
    {N_("Tila"), COL_CODE},
    {N_("Perustelu"), COL_TEXT},
    {N_("Toteutus"), COL_TEXT},
    {N_("Toteutus alkaa"), COL_DATE},
    {N_("Toteutus päättyy"), COL_DATE},
    {N_("Lähetetty"), COL_DATE},
    {N_("Päivitetty"), COL_DATE},
};
#define NAPP_COLS ((int)(sizeof APP_COLS / sizeof APP_COLS[0]))

/* Every application (?1: a status, or '' for all) with the service type named in ?2's language. */
static const char APP_SQL[] =
    "SELECT a.id, s.name,"
    " CASE CAST(?2 AS TEXT) WHEN 'sv' THEN ty.name_sv WHEN 'en' THEN ty.name_en ELSE ty.name_fi END, o.name,"
    " coalesce(u.email, ''), a.need,"
    " coalesce((SELECT string_agg(t.name, ', ') FROM (SELECT t.name FROM application_theme x JOIN theme t"
    " ON t.id = x.theme_id WHERE x.application_id = a.id ORDER BY t.name) t), ''),"
    " a.proposed_dates, a.n_johto, a.n_esihenkilo, a.n_tyontekija, a.n_edustaja, coalesce(c.name, ''), a.status,"
    " a.reason, coalesce(nullif(dl.ref, ''), CAST(dl.id AS TEXT), ''), coalesce(dl.starts_on, ''),"
    " coalesce(dl.ends_on, ''), a.created_at, a.updated_at"
    " FROM application a JOIN service s ON s.id = a.service_id JOIN service_type ty ON ty.code = s.type_code"
    " JOIN org o ON o.id = a.org_id LEFT JOIN user u ON u.id = a.user_id"
    " LEFT JOIN coach c ON c.id = a.preferred_coach_id LEFT JOIN delivery dl ON dl.application_id = a.id"
    " WHERE ?1 = '' OR a.status = ?1 ORDER BY a.id";

long long lists_applications(db *d, export_out *o, const char *status, const char *lang, report_tr tr) {
  return list_by_status(d, o, APP_COLS, NAPP_COLS, APP_SQL, status, lang, tr);
}

/* ---- participants with attendance ---- */

/* A participation id and its row in the list. */
typedef struct part_at {
  long long id;
  int p;
} part_at;

static int cmp_part(const void *a, const void *b) {
  long long x = ((const part_at *)a)->id, y = ((const part_at *)b)->id;
  return x < y ? -1 : x > y;
}

/* Marks present[p * nsessions + s] for each attendance of the delivery: p the row of the participation (ids: sorted
 * by id), s the index of the session. Returns K_OK or K_ERR. */
static int mark_present(db *d, const delivery *x, const part_at *ids, int np, unsigned char *present) {
  db_stmt *st = db_query(d,
                         "SELECT a.participation_id, a.session_id FROM attendance a JOIN delivery_session s"
                         " ON s.id = a.session_id WHERE s.delivery_id = ?1",
                         "i", x->id);
  if (!st) return K_ERR;
  int rc;
  while ((rc = db_step(st)) == 1) {
    part_at key = {db_col_int(st, 0), 0};
    long long sid = db_col_int(st, 1);
    const part_at *at = bsearch(&key, ids, (size_t)np, sizeof *ids, cmp_part);
    for (int s = 0; at && s < x->nsessions; s++)
      if (x->sessions[s].id == sid) present[at->p * x->nsessions + s] = 1;
  }
  db_done(st);
  return rc < 0 ? K_ERR : K_OK;
}

static void participants_head(export_out *o, const delivery *x, const char *lang, report_tr tr) {
  static const char *const heads[] = {N_("Nimi"), N_("Sähköposti"), N_("Organisaatio"), N_("Rooli")};
  export_bold(o, 1);
  for (int i = 0; i < 4; i++) export_tr(o, tr, lang, heads[i]);
  for (int s = 0; s < x->nsessions; s++) {
    buf h = BUF_INIT;
    buf_printf(&h, "%r %d (", tr_or_same(tr, lang, N_("Tapaaminen")), x->sessions[s].number);
    buf_fidate(&h, x->sessions[s].held_on);
    buf_putc(&h, ')');
    export_text(o, h.data);
    buf_free(&h);
  }
  export_tr(o, tr, lang, N_("Läsnä yhteensä"));
  export_tr(o, tr, lang, N_("Läsnäolo (%)"));
  export_bold(o, 0);
  export_row_end(o);
}

long long lists_participants(db *d, export_out *o, long long delivery_id, const char *lang, report_tr tr) {
  arena mem = {0};
  delivery *x = delivery_get(d, &mem, delivery_id, lang);
  int np = 0;
  person_part *parts = x ? person_delivery_parts(d, &mem, delivery_id, &np) : NULL;
  part_at *ids = arena_alloc(&mem, sizeof *ids * (size_t)(np + 1));
  unsigned char *present = arena_alloc(&mem, (size_t)np * (size_t)(x ? x->nsessions : 0) + 1);
  for (int p = 0; p < np; p++) ids[p] = (part_at){parts[p].id, p};
  qsort(ids, (size_t)np, sizeof *ids, cmp_part);
  long long rows = !x || mark_present(d, x, ids, np, present) != K_OK ? -1 : np;
  if (rows >= 0) participants_head(o, x, lang, tr);
  for (int p = 0; rows >= 0 && p < np; p++) {
    export_text(o, parts[p].person_name);
    export_text(o, parts[p].email);
    export_text(o, parts[p].org_name);
    export_tr(o, tr, lang, person_role_label(parts[p].role));
    int n = 0;
    for (int s = 0; s < x->nsessions; s++) {
      int here = present[p * x->nsessions + s];
      n += here;
      if (o->fmt == EXPORT_CSV_COMMA)
        export_int(o, here);
      else
        export_tr(o, tr, lang, here ? N_("läsnä") : N_("poissa"));
    }
    export_int(o, n);
    if (x->nsessions)
      export_dec(o, 100.0 * n / x->nsessions, 1);
    else
      export_blank(o);
    export_row_end(o);
  }
  arena_free(&mem);
  return rows;
}
