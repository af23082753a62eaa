/* jury: the awards' jury under /raati. A juror sees the rounds they judge, their nominations with progress, a
 * nomination's deed with the score form (1–5 per criterion as radio groups, a comment each) and a form to declare a
 * conflict; nothing of a deed hidden from them by a conflict (model/award_jury.c), not even by a guessed URL (404).
 * The chair (or staff acting as chair) sees the table of weighted and z totals with disagreement flags and decides
 * awards and mentions with citations in fi/sv/en; the round's conflicts are listed with their reasons. */
#include <stdio.h>
#include <string.h>

#include "model/award.h"
#include "core/date.h"
#include "model/deed.h"
#include "web/form.h"
#include "web/pager.h"
#include "web/pages/jury.h"
#include "web/widgets.h"

#define JURY_PER_PAGE 25    /* a juror's nominations per page */
#define RESULTS_PER_PAGE 50 /* rows of the chair's table per page, within a category */

static const char JURY_DENY[] = N_("Raadin sivut ovat palkintoraadin jäsenille ja ohjelman henkilöstölle.");

/* ---- small pieces ---- */

/* A number with a decimal comma and a real minus sign, as Finnish pages write it. */
static void num(web_req *r, double v, int decimals) {
  char s[32];
  snprintf(s, sizeof s, "%.*f", decimals, v < 0 ? -v : v);
  for (char *p = s; *p; p++)
    if (*p == '.') *p = ',';
  int zero = strspn(s, "0,") == strlen(s);
  buf_printf(&r->out, "%r%h", v < 0 && !zero ? "−" : "", s);
}

static void notice(web_req *r) {
  static const struct {
    const char *done, *msg;
  } notes[] = {{"saved", N_("Pisteet tallennettu.")},
               {"declared", N_("Esteellisyys kirjattu. Teko ei enää näy sinulle tällä kierroksella.")},
               {"decided", N_("Päätös tallennettu.")}};
  const char *done = web_field(r, "done");
  for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++)
    if (!strcmp(done, notes[i].done))
      buf_printf(&r->out, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n", T(r, notes[i].msg));
}

/* The round of the path, or NULL after a 404 when there is none or the user is neither staff nor one of its
 * jurors (a juror of another round learns nothing of this one). */
static award_round *round_or_404(web_req *r, long long id) {
  award_round *rd = award_round_get(r->db, &r->mem, id, r->lang);
  if (!rd || !(user_is_staff(&r->user) || award_is_juror(r->db, rd->id, r->user.id))) {
    web_error(r, 404, T(r, "Palkintokierrosta ei löytynyt."));
    return NULL;
  }
  return rd;
}

/* The chair's view: 0 for staff (they see everything), the user's id for the round's chair, -1 for anyone else. */
static long long chair_view(web_req *r, long long round_id) {
  if (user_is_staff(&r->user)) return 0;
  return award_is_chair(r->db, round_id, r->user.id) ? r->user.id : -1;
}

/* 1 when the user scores in the round: a juror of one of its categories (a chair may judge none). */
static int scores_here(web_req *r, long long round_id) {
  int n = 0;
  award_juror *j = award_jurors(r->db, &r->mem, round_id, r->lang, &n);
  for (int i = 0; i < n; i++)
    if (j[i].user_id == r->user.id) return 1;
  return 0;
}

static int jury_closed(const award_round *rd) {
  char today[11];
  date_today_fi(today);
  return rd->published_at || (rd->jury_until && strcmp(rd->jury_until, today) < 0);
}

static void round_links(web_req *r, const award_round *rd, const char *here) {
  buf *o = &r->out;
  buf_printf(o, "<nav aria-label=\"%h\"><ul class=\"tabs\">", T(r, "Kierroksen sivut"));
  struct {
    const char *id, *path, *label;
    int show;
  } t[] = {{"list", "", N_("Arvioitavat"), scores_here(r, rd->id)},
           {"results", "/tulokset", N_("Tulokset ja päätökset"), chair_view(r, rd->id) >= 0},
           {"conflicts", "/esteellisyydet", N_("Esteellisyydet"), 1}};
  for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
    if (!t[i].show) continue;
    buf_printf(o, "<li><a href=\"%h/raati/%lld%r\"%r>%h</a></li>", r->prefix, rd->id, t[i].path,
               !strcmp(t[i].id, here) ? " aria-current=\"page\"" : "", T(r, t[i].label));
  }
  buf_puts(o, "</ul></nav>\n");
}

static void round_heading(web_req *r, const award_round *rd, const char *what) {
  buf_printf(&r->out, "<p><a href=\"%h/raati\">← %h</a></p>\n<h1>%h %d: %h</h1>\n", r->prefix, T(r, "Raati"),
             T(r, "Palkintokierros"), rd->year, what);
}

/* ---- a juror's rounds ---- */

static void page_home(web_req *r) {
  int n = 0, staff = user_is_staff(&r->user);
  award_round *v = award_rounds(r->db, &r->mem, r->lang, &n);
  buf *o = &r->out;
  page_begin(r, T(r, "Raati"), "jury");
  buf_printf(o, "<h1>%h</h1>\n", T(r, "Raati"));
  buf_printf(o, "<p>%h</p>\n",
             T(r, "Raati arvioi palkintoehdokkaat kriteereittäin asteikolla 1–5. Teot, joihin olet esteellinen "
                  "(oma organisaatiosi tai organisaatio, jota olet valmentanut), eivät näy sinulle."));
  int shown = 0;
  for (int i = 0; i < n; i++) {
    const award_round *rd = &v[i];
    int juror = scores_here(r, rd->id);
    if (!staff && !juror && !award_is_chair(r->db, rd->id, r->user.id)) continue;
    if (!shown++) {
      static const char *const heads[] = {N_("Kierros"), N_("Tila"), N_("Arvioitu"), N_("Sivut")};
      pager_table_begin(r, T(r, "Palkintokierrokset"), heads, 4, -1);
    }
    buf_printf(o, "<tr><th scope=\"row\"><a href=\"%h/raati/%lld%r\">%d</a></th><td>", r->prefix, rd->id,
               juror ? "" : "/tulokset", rd->year);
    if (rd->published_at)
      buf_printf(o, "%h", T(r, "Tulokset julkaistu"));
    else if (rd->jury_until)
      buf_printf(o, "%h %D", T(r, "Arviointi viimeistään"), rd->jury_until);
    else
      buf_printf(o, "%h", T(r, "Arvioinnissa"));
    buf_puts(o, "</td><td>");
    if (juror) {
      int k = 0, *scored = NULL, ncrit = 0, done = 0;
      award_juror_nominations(r->db, &r->mem, rd->id, r->user.id, r->lang, &scored, &k);
      award_criteria(r->db, &r->mem, rd->id, r->lang, &ncrit);
      for (int j = 0; j < k; j++) done += ncrit && scored[j] >= ncrit;
      buf_printf(o, "%d / %d", done, k);
    } else {
      buf_puts(o, "–");
    }
    buf_puts(o, "</td><td>");
    if (chair_view(r, rd->id) >= 0)
      buf_printf(o, "<a href=\"%h/raati/%lld/tulokset\">%h</a> · ", r->prefix, rd->id, T(r, "Tulokset"));
    buf_printf(o, "<a href=\"%h/raati/%lld/esteellisyydet\">%h</a></td></tr>\n", r->prefix, rd->id,
               T(r, "Esteellisyydet"));
  }
  if (shown)
    web_table_end(r);
  else
    buf_printf(o, "<p>%h</p>\n", T(r, "Sinua ei ole vielä nimetty minkään palkintokierroksen raatiin."));
  page_end(r);
}

/* ---- a juror's nominations ---- */

static void criteria_list(web_req *r, const award_criterion *c, int n) {
  if (!n) return;
  buf *o = &r->out;
  buf_printf(o, "<h2>%h</h2>\n<dl class=\"facts\">\n", T(r, "Arviointikriteerit"));
  for (int i = 0; i < n; i++) {
    buf_printf(o, "<dt%r>%h</dt><dd><span%r>%h</span> (%h %d)</dd>\n", tr_lang(&c[i].t_name), c[i].t_name.text,
               tr_lang(&c[i].t_description), c[i].t_description.text, T(r, "paino"), c[i].weight);
  }
  buf_puts(o, "</dl>\n");
}

static void page_round(web_req *r) {
  award_round *rd = round_or_404(r, r->id);
  if (!rd) return;
  if (!scores_here(r, rd->id)) { /* staff and a chair who judges no category: the table is theirs */
    web_redirectf(r, "/raati/%lld/tulokset", rd->id);
    return;
  }
  int n = 0, *scored = NULL, ncrit = 0, done = 0;
  award_nomination *v = award_juror_nominations(r->db, &r->mem, rd->id, r->user.id, r->lang, &scored, &n);
  award_criterion *crit = award_criteria(r->db, &r->mem, rd->id, r->lang, &ncrit);
  for (int i = 0; i < n; i++) done += ncrit && scored[i] >= ncrit;
  buf *o = &r->out;
  char title[96];
  snprintf(title, sizeof title, "%s %d", T(r, "Arvioitavat teot"), rd->year);
  page_begin(r, title, "jury");
  round_heading(r, rd, T(r, "arvioitavat teot"));
  round_links(r, rd, "list");
  notice(r);
  if (jury_closed(rd))
    buf_printf(o, "<div class=\"notice\" role=\"note\"><p>%h</p></div>\n",
               T(r, "Arviointiaika on päättynyt: pisteitä ei voi enää muuttaa."));
  else if (rd->jury_until)
    buf_printf(o, "<p>%h %D.</p>\n", T(r, "Anna pisteet viimeistään"), rd->jury_until);
  buf_printf(o, "<p>%h: %d / %d", T(r, "Arvioitu kokonaan"), done, n);
  if (n) buf_printf(o, " <progress max=\"%d\" value=\"%d\" aria-hidden=\"true\"></progress>", n, done);
  buf_puts(o, "</p>\n");
  pager p = pager_make(r, n, JURY_PER_PAGE);
  if (n) {
    static const char *const heads[] = {N_("Teko"), N_("Sarja"), N_("Organisaatio"), N_("Pisteet annettu")};
    pager_table_begin(r, T(r, "Arvioitavat teot"), heads, 4, -1);
    for (int i = pager_offset(&p); i < n && i < pager_offset(&p) + p.per_page; i++) {
      buf_printf(o, "<tr><td><a href=\"%h/raati/ehdokas/%lld\">%h</a></td><td%r>%h</td><td>%h</td><td>", r->prefix,
                 v[i].id, v[i].deed_title, tr_lang(&v[i].category), v[i].category.text, v[i].organisation);
      if (ncrit && scored[i] >= ncrit)
        buf_printf(o, "%h", T(r, "Valmis"));
      else
        buf_printf(o, "%d / %d %h", scored[i], ncrit, T(r, "kriteeriä"));
      buf_puts(o, "</td></tr>\n");
    }
    web_table_end(r);
    char base[48];
    snprintf(base, sizeof base, "/raati/%lld", rd->id);
    pager_write(r, &p, base);
  } else {
    buf_printf(o, "<p>%h</p>\n", T(r, "Sinulle ei ole arvioitavia ehdokkaita tällä kierroksella."));
  }
  criteria_list(r, crit, ncrit);
  page_end(r);
}

/* ---- a nomination: the deed, the score form, declaring a conflict ---- */

static void deed_text(web_req *r, const char *heading, const char *text) {
  if (util_blank(text)) return;
  buf_printf(&r->out, "<h3>%h</h3>\n<div class=\"deed-text\"%r>%h</div>\n", heading, web_fi(r), text);
}

/* The score of criterion id as the form shows it: what was posted (kept on an error), else what is stored. */
static const char *posted_or(web_req *r, const char *prefix, long long id, const char *stored) {
  if (strcmp(r->method, "POST")) return stored;
  char name[48];
  snprintf(name, sizeof name, "%s_%lld", prefix, id);
  return web_field(r, name);
}

static void score_group(web_req *r, form_ctx *f, const award_criterion *c, const award_score *s, int closed) {
  buf *o = &r->out;
  char name[48], cname[48], stored[8];
  snprintf(name, sizeof name, "score_%lld", c->id);
  snprintf(cname, sizeof cname, "comment_%lld", c->id);
  snprintf(stored, sizeof stored, "%d", s ? s->score : 0);
  const char *cur = posted_or(r, "score", c->id, stored);
  const kerr *err = form_field_error(f->err, name);
  int hint = *c->t_description.text != 0;
  /* the group is described by its criterion's description and its error, read with the legend */
  buf_printf(o, "<fieldset class=\"score-q%r\" id=\"f-%h\"", err ? " invalid" : "", name);
  if (hint || err)
    buf_printf(o, " aria-describedby=\"%r%h%r%r%h\"", hint ? "h-" : "", hint ? name : "", hint && err ? " " : "",
               err ? "e-" : "", err ? name : "");
  buf_printf(o, "><legend%r>%h <span class=\"muted\">(%h %d)</span></legend>", tr_lang(&c->t_name), c->t_name.text,
             T(r, "paino"), c->weight);
  if (hint)
    buf_printf(o, "<p class=\"hint\" id=\"h-%h\"%r>%h</p>", name, tr_lang(&c->t_description), c->t_description.text);
  if (err) buf_printf(o, "<p class=\"error\" id=\"e-%h\">%h</p>", name, T(r, err->msg));
  buf_puts(o, "<div class=\"scale scale-5\">");
  static const char *const ends[] = {N_("heikko"), N_("erinomainen")};
  for (int x = AWARD_SCORE_MIN; x <= AWARD_SCORE_MAX; x++) {
    char val[12];
    snprintf(val, sizeof val, "%d", x);
    buf_printf(
        o,
        "<label class=\"scale-opt\" for=\"%h-%d\"><input type=\"radio\" id=\"%h-%d\" name=\"%h\" value=\"%d\"%r%r>"
        "<span class=\"scale-num\">%d</span>",
        name, x, name, x, name, x, !strcmp(cur, val) ? " checked" : "", closed ? " disabled" : "", x);
    if (x == AWARD_SCORE_MIN || x == AWARD_SCORE_MAX)
      buf_printf(o, "<span class=\"scale-end-label\">%h</span>", T(r, ends[x == AWARD_SCORE_MAX]));
    buf_puts(o, "</label>");
  }
  buf_printf(
      o,
      "</div><label class=\"choice\" for=\"%h-0\"><input type=\"radio\" id=\"%h-0\" name=\"%h\" value=\"0\"%r%r> "
      "%h</label>\n",
      name, name, name, !strcmp(cur, "0") || !*cur ? " checked" : "", closed ? " disabled" : "",
      T(r, "Ei vielä pisteitä"));
  const char *comment = posted_or(r, "comment", c->id, s ? s->comment : "");
  if (closed)
    buf_printf(o, "<p>%h: %h</p>", T(r, "Kommentti"), *comment ? comment : "–");
  else
    form_textarea(f, cname, T(r, "Kommentti (vapaaehtoinen)"), comment, 0, NULL, 3);
  buf_puts(o, "</fieldset>\n");
}

/* After a save: a link to the juror's next nomination (after this one in their list, from the start again) that
 * still lacks scores, so working through a long list needs no trips back to it. */
static void next_link(web_req *r, const award_nomination *x, int ncrit) {
  if (strcmp(web_field(r, "done"), "saved")) return;
  int n = 0, *scored = NULL, at = -1;
  award_nomination *v = award_juror_nominations(r->db, &r->mem, x->round_id, r->user.id, r->lang, &scored, &n);
  for (int i = 0; i < n; i++)
    if (v[i].id == x->id) at = i;
  for (int k = 1; k < n; k++) {
    int i = (at + k) % n;
    if (scored[i] < ncrit) {
      buf_printf(&r->out, "<p><a class=\"button\" href=\"%h/raati/ehdokas/%lld\">%h: %h</a></p>\n", r->prefix, v[i].id,
                 T(r, "Seuraava arvioitava"), v[i].deed_title);
      return;
    }
  }
}

/* The form a juror or the chair declares a conflict with (a recusal): their reason, required. */
static void conflict_form(web_req *r, form_ctx *f, const award_nomination *x) {
  buf *o = &r->out;
  buf_printf(o, "<section aria-labelledby=\"conflict-h\"><h2 id=\"conflict-h\">%h</h2>\n", T(r, "Esteellisyys"));
  buf_printf(o, "<p>%h</p>\n",
             T(r, "Jos olet esteellinen arvioimaan tätä tekoa (esimerkiksi olet ollut mukana siinä tai sen "
                  "organisaatiossa), ilmoita siitä. Teko poistuu arvioitavistasi ja antamasi pisteet poistetaan."));
  buf_printf(o, "<form method=\"post\" action=\"%h/raati/ehdokas/%lld/esteellinen\" class=\"form\" novalidate>\n",
             r->prefix, x->id);
  web_csrf_field(r);
  form_textarea(f, "reason", T(r, "Esteellisyyden syy"), strcmp(r->method, "POST") ? "" : web_field(r, "reason"), 1,
                NULL, 3);
  buf_printf(o, "<div class=\"actions\"><button type=\"submit\" class=\"danger\">%h</button></div>\n</form>\n",
             T(r, "Ilmoita esteellisyys"));
  buf_puts(o, "</section>\n");
}

/* The nomination page; err is the score form's or the conflict form's errors (which says which by its fields). */
static void nomination_page(web_req *r, const award_nomination *x, const kerr *err) {
  award_round *rd = award_round_get(r->db, &r->mem, x->round_id, r->lang);
  deed *dd = deed_get(r->db, &r->mem, x->deed_id, r->lang);
  int ncrit = 0, nsc = 0;
  award_criterion *crit = award_criteria(r->db, &r->mem, x->round_id, r->lang, &ncrit);
  award_score *sc = award_scores_get(r->db, &r->mem, x->id, r->user.id, &nsc);
  int closed = jury_closed(rd);
  form_ctx f = {r, err};
  buf *o = &r->out;
  page_begin(r, x->deed_title, "jury");
  buf_printf(o, "<p><a href=\"%h/raati/%lld\">← %h %d</a></p>\n", r->prefix, rd->id, T(r, "Arvioitavat teot"),
             rd->year);
  buf_printf(o, "<h1>%h</h1>\n<p class=\"meta\">%h · <span%r>%h</span>", x->deed_title, x->organisation,
             tr_lang(&x->category), x->category.text);
  if (x->deed_year) buf_printf(o, " · %d", x->deed_year);
  buf_puts(o, "</p>\n");
  notice(r);
  next_link(r, x, ncrit);
  form_errors(&f);
  if (*x->reason)
    buf_printf(o, "<h2>%h</h2>\n<div class=\"deed-text\"%r>%h</div>\n", T(r, "Ehdotuksen perustelu"), web_fi(r),
               x->reason);
  buf_printf(o, "<section aria-labelledby=\"deed-h\"><h2 id=\"deed-h\">%h</h2>\n", T(r, "Teko"));
  if (dd) {
    deed_text(r, T(r, "Tiivistelmä"), dd->summary);
    deed_text(r, T(r, "Lähtötilanne"), dd->starting_point);
    deed_text(r, T(r, "Tavoite"), dd->goal);
    deed_text(r, T(r, "Mitä tehtiin"), dd->actions);
    deed_text(r, T(r, "Tulokset"), dd->results);
  } else {
    deed_text(r, T(r, "Tiivistelmä"), x->summary);
  }
  buf_puts(o, "</section>\n");

  buf_printf(o, "<section aria-labelledby=\"score-h\"><h2 id=\"score-h\">%h</h2>\n", T(r, "Pisteesi"));
  if (closed)
    buf_printf(o, "<div class=\"notice\" role=\"note\"><p>%h</p></div>\n",
               T(r, "Arviointiaika on päättynyt: pisteitä ei voi enää muuttaa."));
  else
    buf_printf(o, "<p class=\"hint\">%h</p>\n",
               T(r, "Anna kullekin kriteerille 1–5 pistettä (1 heikko, 5 erinomainen). Voit tallentaa keskeneräisenä "
                    "ja jatkaa myöhemmin."));
  buf_printf(o, "<form method=\"post\" action=\"%h/raati/ehdokas/%lld\" class=\"form\" novalidate>\n", r->prefix,
             x->id);
  web_csrf_field(r);
  for (int i = 0; i < ncrit; i++) {
    const award_score *s = NULL;
    for (int k = 0; k < nsc; k++)
      if (sc[k].criterion_id == crit[i].id) s = &sc[k];
    score_group(r, &f, &crit[i], s, closed);
  }
  if (!closed)
    buf_printf(o, "<div class=\"actions\"><button type=\"submit\">%h</button></div>\n", T(r, "Tallenna pisteet"));
  buf_puts(o, "</form>\n</section>\n");

  if (!rd->published_at) conflict_form(r, &f, x);
  page_end(r);
}

static award_nomination *juror_nomination_or_404(web_req *r) {
  award_nomination *x = award_juror_nomination(r->db, &r->mem, r->id, r->user.id, r->lang);
  if (!x) web_error(r, 404, T(r, "Ehdokasta ei löytynyt."));
  return x;
}

static void page_nomination(web_req *r) {
  award_nomination *x = juror_nomination_or_404(r);
  if (x) nomination_page(r, x, NULL);
}

static void page_scores_save(web_req *r) {
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e);
  award_nomination *x = award_juror_nomination(r->db, &r->mem, r->id, r->user.id, r->lang);
  if (!x) {
    web_error(r, fresh ? 404 : 403, fresh ? T(r, "Ehdokasta ei löytynyt.") : T(r, e.msg));
    kerr_clear(&e);
    return;
  }
  int ncrit = 0;
  award_criterion *crit = award_criteria(r->db, &r->mem, x->round_id, r->lang, &ncrit);
  award_score *s = arena_alloc(&r->mem, sizeof *s * (size_t)(ncrit ? ncrit : 1));
  for (int i = 0; i < ncrit; i++) {
    char name[48];
    snprintf(name, sizeof name, "score_%lld", crit[i].id);
    const char *v = web_field(r, name);
    long long sv = 0;
    s[i].criterion_id = crit[i].id;
    s[i].score = !*v ? 0 : util_parse_int(v, 0, 5, &sv) == K_OK ? (int)sv : 99; /* 99: refused with its field */
    snprintf(name, sizeof name, "comment_%lld", crit[i].id);
    s[i].comment = (char *)web_field(r, name);
  }
  if (fresh && award_scores_save(r->db, &r->mem, x->id, r->user.id, s, ncrit, &e) == K_OK) {
    web_changed();
    web_redirectf(r, "/raati/ehdokas/%lld?done=saved", x->id);
  } else {
    nomination_page(r, x, &e);
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

static void decide_page(web_req *r, const award_nomination *x, const kerr *err);

/* A juror declares a conflict on one of their nominations, or the chair on one of the round's (from the decision
 * page); either way the deed is gone from their views at once. */
static void page_declare(web_req *r) {
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e), chair = 0;
  award_nomination *x = award_juror_nomination(r->db, &r->mem, r->id, r->user.id, r->lang);
  if (!x && (x = award_chair_nomination(r->db, &r->mem, r->id, r->user.id, r->lang))) chair = 1;
  if (!x) {
    web_error(r, fresh ? 404 : 403, fresh ? T(r, "Ehdokasta ei löytynyt.") : T(r, e.msg));
    kerr_clear(&e);
    return;
  }
  if (fresh && award_conflict_declare(r->db, x->round_id, r->user.id, x->deed_id, web_field(r, "reason"), &e) == K_OK) {
    web_changed();
    web_redirectf(r, chair ? "/raati/%lld/tulokset?done=declared" : "/raati/%lld?done=declared", x->round_id);
  } else {
    if (chair)
      decide_page(r, x, &e);
    else
      nomination_page(r, x, &e);
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

/* ---- the chair's table ---- */

static void results_help(web_req *r) {
  buf_printf(&r->out, "<details class=\"help\"><summary>%h</summary><p>%h</p><p>%h</p><p>%h</p></details>\n",
             T(r, "Miten luvut lasketaan"),
             T(r, "Painotettu: kunkin kriteerin pisteiden keskiarvo, painotettuna kriteerien painoilla (1–5)."),
             T(r, "z-painotettu: jokaisen tuomarin pisteet vakioidaan hänen kaikkien tämän kierroksen pisteidensä "
                  "keskiarvolla ja keskihajonnalla, jolloin tiukka ja lempeä tuomari painavat yhtä paljon; 0 on "
                  "tuomarin oma keskitaso. Taulukko on järjestetty tämän mukaan."),
             T(r, "Erimielisyys: jonkin kriteerin pisteissä on tuomarien välillä vähintään 2 pisteen ero."));
}

static void page_results(web_req *r) {
  award_round *rd = round_or_404(r, r->id);
  if (!rd) return;
  long long viewer = chair_view(r, rd->id);
  if (viewer < 0) {
    web_error(r, 403, T(r, "Tulokset näkee vain raadin puheenjohtaja."));
    return;
  }
  int ncat = 0, ncrit = 0, n = 0;
  award_category *cat = award_categories(r->db, &r->mem, rd->id, r->lang, &ncat);
  award_criterion *crit = award_criteria(r->db, &r->mem, rd->id, r->lang, &ncrit);
  award_standing *st = award_standings(r->db, &r->mem, rd->id, viewer, r->lang, &n);
  long long cat_id = 0;
  util_parse_int(web_field(r, "sarja"), 1, 1LL << 62, &cat_id);
  int ci = 0;
  for (int i = 0; i < ncat; i++)
    if (cat[i].id == cat_id) ci = i;
  buf *o = &r->out;
  char title[96];
  snprintf(title, sizeof title, "%s %d", T(r, "Tulokset"), rd->year);
  page_begin(r, title, "jury");
  round_heading(r, rd, T(r, "tulokset ja päätökset"));
  round_links(r, rd, "results");
  notice(r);
  if (rd->published_at)
    buf_printf(o, "<div class=\"notice\" role=\"note\"><p>%h</p></div>\n",
               T(r, "Tulokset on julkaistu: päätöksiä ei voi enää muuttaa."));
  results_help(r);
  if (!ncat) {
    buf_printf(o, "<p>%h</p>\n", T(r, "Kierroksella ei ole vielä sarjoja."));
    page_end(r);
    return;
  }
  /* one category at a time */
  buf_printf(o, "<nav aria-label=\"%h\"><ul class=\"tabs\">", T(r, "Sarjat"));
  for (int i = 0; i < ncat; i++)
    buf_printf(o, "<li><a href=\"%h/raati/%lld/tulokset?sarja=%lld\"%r%r>%h</a></li>", r->prefix, rd->id, cat[i].id,
               i == ci ? " aria-current=\"page\"" : "", tr_lang(&cat[i].t_name), cat[i].t_name.text);
  buf_puts(o, "</ul></nav>\n");
  const award_category *c = &cat[ci];
  int first = -1, count = 0;
  for (int i = 0; i < n; i++)
    if (st[i].nom->category_id == c->id) {
      if (first < 0) first = i;
      count++;
    }
  buf_printf(o, "<h2%r>%h</h2>\n", tr_lang(&c->t_name), c->t_name.text);
  if (!count) {
    buf_printf(o, "<p>%h</p>\n", T(r, "Sarjassa ei ole ehdokkaita."));
    page_end(r);
    return;
  }
  pager p = pager_make(r, count, RESULTS_PER_PAGE);
  web_table_begin(r, "list results", c->t_name.text, 1);
  buf_printf(o,
             "<thead><tr><th scope=\"col\" class=\"num\">%h</th><th scope=\"col\">%h</th><th scope=\"col\" "
             "class=\"num\">%h</th>",
             T(r, "Sija"), T(r, "Teko"), T(r, "Tuomareita"));
  for (int k = 0; k < ncrit; k++)
    buf_printf(o, "<th scope=\"col\" class=\"num\"%r>%h <span class=\"muted\">(%h %d)</span></th>",
               tr_lang(&crit[k].t_name), crit[k].t_name.text, T(r, "paino"), crit[k].weight);
  buf_printf(o,
             "<th scope=\"col\" class=\"num\">%h</th><th scope=\"col\" class=\"num\">%h</th><th scope=\"col\">%h</th>"
             "<th scope=\"col\">%h</th></tr></thead>\n<tbody>\n",
             T(r, "Painotettu"), T(r, "z-painotettu"), T(r, "Erimielisyys"), T(r, "Päätös"));
  for (int j = pager_offset(&p); j < count && j < pager_offset(&p) + p.per_page; j++) {
    const award_standing *s = &st[first + j];
    buf_printf(o,
               "<tr id=\"n-%lld\"><td class=\"num\">%d</td><th scope=\"row\"><a href=\"%h/raati/ehdokas/%lld/paatos\">"
               "%h</a><br><span class=\"muted\">%h</span></th><td class=\"num\">%d</td>",
               s->nom->id, j + 1, r->prefix, s->nom->id, s->nom->deed_title, s->nom->organisation, s->njurors);
    for (int k = 0; k < ncrit; k++) {
      buf_puts(o, "<td class=\"num\">");
      if (s->mean[k] < 0)
        buf_puts(o, "–");
      else
        num(r, s->mean[k], 2);
      if (s->spread[k] >= AWARD_DISAGREE)
        buf_printf(o, " <span class=\"flag\">(%h %d)</span>", T(r, "ero"), s->spread[k]);
      buf_puts(o, "</td>");
    }
    buf_puts(o, "<td class=\"num\">");
    if (s->total < 0)
      buf_puts(o, "–");
    else
      num(r, s->total, 2);
    buf_puts(o, "</td><td class=\"num\">");
    if (s->njurors)
      num(r, s->ztotal, 2);
    else
      buf_puts(o, "–");
    buf_printf(o, "</td><td>%h</td><td>%h</td></tr>\n", s->disagree ? T(r, "Kyllä") : "–",
               award_result_label(r, s->nom->result));
  }
  web_table_end(r);
  char base[64];
  snprintf(base, sizeof base, "/raati/%lld/tulokset?sarja=%lld", rd->id, c->id);
  pager_write(r, &p, base);
  page_end(r);
}

/* ---- the chair's decision on one nomination ---- */

static award_nomination *chair_nomination_or_404(web_req *r) {
  long long viewer = user_is_staff(&r->user) ? 0 : r->user.id;
  award_nomination *x = award_chair_nomination(r->db, &r->mem, r->id, viewer, r->lang);
  if (!x) web_error(r, 404, T(r, "Ehdokasta ei löytynyt."));
  return x;
}

/* The jurors' comments on the nomination, by criterion, without their names. */
static void comments_list(web_req *r, long long nomination_id, long long viewer, const award_criterion *crit,
                          int ncrit) {
  int n = 0;
  award_comment *c = award_comments(r->db, &r->mem, nomination_id, viewer, &n);
  buf *o = &r->out;
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Tuomarien kommentit"));
  if (!n) {
    buf_printf(o, "<p>%h</p>\n", T(r, "Ei kommentteja."));
    return;
  }
  buf_puts(o, "<ul class=\"comments\">\n");
  for (int i = 0; i < n; i++) {
    const award_criterion *k = NULL;
    for (int j = 0; j < ncrit; j++)
      if (crit[j].id == c[i].criterion_id) k = &crit[j];
    buf_printf(o, "<li><span%r>%h</span>, %d %h: <span%r>%h</span></li>\n", k ? tr_lang(&k->t_name) : "",
               k ? k->t_name.text : "", c[i].score, T(r, c[i].score == 1 ? "piste" : "pistettä"), web_fi(r),
               c[i].comment);
  }
  buf_puts(o, "</ul>\n");
}

static void decide_page(web_req *r, const award_nomination *x, const kerr *err) {
  award_round *rd = award_round_get(r->db, &r->mem, x->round_id, r->lang);
  long long viewer = user_is_staff(&r->user) ? 0 : r->user.id;
  int n = 0, ncrit = 0;
  award_standing *st = award_standings(r->db, &r->mem, x->round_id, viewer, r->lang, &n);
  award_criterion *crit = award_criteria(r->db, &r->mem, x->round_id, r->lang, &ncrit);
  const award_standing *s = NULL;
  for (int i = 0; i < n; i++)
    if (st[i].nom->id == x->id) s = &st[i];
  form_ctx f = {r, err};
  buf *o = &r->out;
  page_begin(r, x->deed_title, "jury");
  buf_printf(o, "<p><a href=\"%h/raati/%lld/tulokset?sarja=%lld#n-%lld\">← %h %d</a></p>\n", r->prefix, rd->id,
             x->category_id, x->id, T(r, "Tulokset"), rd->year);
  buf_printf(o, "<h1>%h</h1>\n<p class=\"meta\">%h · <span%r>%h</span> · <a href=\"%h/tekot/%lld\">%h</a></p>\n",
             x->deed_title, x->organisation, tr_lang(&x->category), x->category.text, r->prefix, x->deed_id,
             T(r, "Teon sivu"));
  form_errors(&f);
  if (*x->summary) buf_printf(o, "<div class=\"deed-text\"%r>%h</div>\n", web_fi(r), x->summary);
  if (s) {
    buf_printf(o, "<h2>%h</h2>\n<dl class=\"facts\">\n<dt>%h</dt><dd>%d</dd>\n", T(r, "Pisteet"), T(r, "Tuomareita"),
               s->njurors);
    for (int k = 0; k < ncrit; k++) {
      buf_printf(o, "<dt%r>%h</dt><dd>", tr_lang(&crit[k].t_name), crit[k].t_name.text);
      if (s->mean[k] < 0)
        buf_puts(o, "–");
      else
        num(r, s->mean[k], 2);
      if (s->spread[k] >= AWARD_DISAGREE) buf_printf(o, " (%h %d)", T(r, "ero"), s->spread[k]);
      buf_puts(o, "</dd>\n");
    }
    buf_printf(o, "<dt>%h</dt><dd>", T(r, "Painotettu"));
    if (s->total < 0)
      buf_puts(o, "–");
    else
      num(r, s->total, 2);
    buf_printf(o, "</dd>\n<dt>%h</dt><dd>", T(r, "z-painotettu"));
    if (s->njurors) /* as the table writes it: an unscored nomination has no z total, not 0 */
      num(r, s->ztotal, 2);
    else
      buf_puts(o, "–");
    buf_printf(o, "</dd>\n<dt>%h</dt><dd>%h</dd>\n</dl>\n", T(r, "Erimielisyys"), s->disagree ? T(r, "Kyllä") : "–");
  }
  comments_list(r, x->id, viewer, crit, ncrit);
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Päätös"));
  if (rd->published_at) {
    buf_printf(o, "<p>%h</p>\n", award_result_label(r, x->result));
    page_end(r);
    return;
  }
  int post = !strcmp(r->method, "POST");
  const char *result = post ? web_field(r, "result") : x->result ? x->result : "";
  buf_printf(o, "<form method=\"post\" action=\"%h/raati/ehdokas/%lld/paatos\" class=\"form wide\" novalidate>\n",
             r->prefix, x->id);
  web_csrf_field(r);
  const kerr *rerr = form_field_error(err, "result");
  buf_printf(o, "<fieldset class=\"field%r\" id=\"f-result\"><legend>%h</legend>", rerr ? " invalid" : "",
             T(r, "Ratkaisu"));
  if (rerr) buf_printf(o, "<p class=\"error\" id=\"e-result\">%h</p>", T(r, rerr->msg));
  static const char *const vals[] = {"award", "mention", ""};
  for (int i = 0; i < 3; i++)
    buf_printf(o,
               "<label class=\"choice\" for=\"result-%d\"><input type=\"radio\" id=\"result-%d\" name=\"result\" "
               "value=\"%h\"%r> %h</label>\n",
               i, i, vals[i], !strcmp(result, vals[i]) ? " checked" : "",
               award_result_label(r, *vals[i] ? vals[i] : NULL));
  buf_puts(o, "</fieldset>\n");
  tr_field fields[] = {
      {"citation",
       N_("Perustelu"),
       {post ? web_field(r, "citation") : x->citation[0], post ? web_field(r, "citation_sv") : x->citation[1],
        post ? web_field(r, "citation_en") : x->citation[2]},
       3,
       0,
       N_("Lyhyt perustelu julkaistaan tulosten yhteydessä. Suomenkielinen on pakollinen, kun "
          "teko palkitaan.")}};
  tr_fieldsets(&f, fields, 1);
  buf_printf(o, "<div class=\"actions\"><button type=\"submit\">%h</button></div>\n</form>\n", T(r, "Tallenna päätös"));
  if (viewer) conflict_form(r, &f, x); /* the chair may recuse themselves; staff have no conflicts here */
  page_end(r);
}

static void page_decide(web_req *r) {
  award_nomination *x = chair_nomination_or_404(r);
  if (x) decide_page(r, x, NULL);
}

static void page_decide_save(web_req *r) {
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e);
  long long viewer = user_is_staff(&r->user) ? 0 : r->user.id;
  award_nomination *x = award_chair_nomination(r->db, &r->mem, r->id, viewer, r->lang);
  if (!x) {
    web_error(r, fresh ? 404 : 403, fresh ? T(r, "Ehdokasta ei löytynyt.") : T(r, e.msg));
    kerr_clear(&e);
    return;
  }
  const char *cit[3] = {web_field(r, "citation"), web_field(r, "citation_sv"), web_field(r, "citation_en")};
  if (fresh && award_decide(r->db, &r->mem, x->id, viewer, web_field(r, "result"), cit, r->user.email, &e) == K_OK) {
    web_changed();
    web_redirectf(r, "/raati/%lld/tulokset?sarja=%lld&done=decided#n-%lld", x->round_id, x->category_id, x->id);
  } else {
    decide_page(r, x, &e);
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

/* ---- conflicts ---- */

static const char *kind_label(const char *kind) {
  if (!strcmp(kind, "org")) return N_("Oma organisaatio");
  return !strcmp(kind, "coach") ? N_("Valmennus") : N_("Ilmoitettu");
}

static void page_conflicts(web_req *r) {
  award_round *rd = round_or_404(r, r->id);
  if (!rd) return;
  /* staff and the chair see everyone's (the chair none on a deed hidden from them but their own), a juror their own */
  long long chair = chair_view(r, rd->id), who = chair >= 0 ? 0 : r->user.id;
  int n = 0;
  award_conflict *v = award_conflicts(r->db, &r->mem, rd->id, who, chair > 0 ? chair : 0, &n);
  buf *o = &r->out;
  char title[96];
  snprintf(title, sizeof title, "%s %d", T(r, "Esteellisyydet"), rd->year);
  page_begin(r, title, "jury");
  round_heading(r, rd, T(r, "esteellisyydet"));
  round_links(r, rd, "conflicts");
  buf_printf(o, "<p>%h</p>\n",
             T(r, "Kehto löytää esteellisyydet itse: tuomarin organisaatio on teon organisaatio, tai tuomarin "
                  "valmentajaprofiili on valmentanut teon organisaatiota. Lisäksi tuomari voi ilmoittaa "
                  "esteellisyyden itse. Teko ei näy esteelliselle tuomarille missään."));
  if (!n) {
    buf_printf(o, "<p>%h</p>\n", T(r, "Esteellisyyksiä ei ole."));
    page_end(r);
    return;
  }
  pager p = pager_make(r, n, RESULTS_PER_PAGE);
  static const char *const heads[] = {N_("Tuomari"), N_("Teko"), N_("Peruste"), N_("Syy"), N_("Kirjattu")};
  pager_table_begin(r, T(r, "Esteellisyydet"), heads, 5, -1);
  for (int i = pager_offset(&p); i < n && i < pager_offset(&p) + p.per_page; i++) {
    buf_printf(o, "<tr><td>%h</td><td>%h</td><td>%h</td><td>%h</td><td>", v[i].juror, v[i].deed_title,
               T(r, kind_label(v[i].kind)), v[i].reason);
    if (v[i].created_at)
      web_fi_datetime(r, v[i].created_at);
    else
      buf_printf(o, "%h", T(r, "löydetty tiedoista, ei vielä kirjattu"));
    buf_puts(o, "</td></tr>\n");
  }
  web_table_end(r);
  char base[48];
  snprintf(base, sizeof base, "/raati/%lld/esteellisyydet", rd->id);
  pager_write(r, &p, base);
  page_end(r);
}

/* ---- routes ---- */

#define SEE (ROUTE_JURY | ROUTE_ANY_STAFF)
#define DO (ROUTE_JURY | ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM)

const route jury_routes[] = {
    {"GET", "/raati", page_home, .flags = SEE, .deny = JURY_DENY, .menu = {ROUTE_NAV_STAFF, 13, "jury", N_("Raati")}},
    {"GET", "/raati/{id}", page_round, .flags = SEE, .deny = JURY_DENY},
    {"GET", "/raati/{id}/tulokset", page_results, .flags = SEE, .deny = JURY_DENY},
    {"GET", "/raati/{id}/esteellisyydet", page_conflicts, .flags = SEE, .deny = JURY_DENY},
    {"GET", "/raati/ehdokas/{id}", page_nomination, .flags = ROUTE_JURY, .deny = JURY_DENY},
    {"POST", "/raati/ehdokas/{id}", page_scores_save, .flags = ROUTE_JURY | ROUTE_CSRF | ROUTE_CSRF_FORM,
     .deny = JURY_DENY},
    {"POST", "/raati/ehdokas/{id}/esteellinen", page_declare, .flags = ROUTE_JURY | ROUTE_CSRF | ROUTE_CSRF_FORM,
     .deny = JURY_DENY},
    {"GET", "/raati/ehdokas/{id}/paatos", page_decide, .flags = SEE, .deny = JURY_DENY},
    {"POST", "/raati/ehdokas/{id}/paatos", page_decide_save, .flags = DO, .deny = JURY_DENY},
    {0},
};
