/* mail: the messages people receive, in their language, queued in the outbox with the change they tell about. */
#include "model/mail.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/i18n.h"
#include "model/award.h"
#include "model/outbox.h"

int mail_remember_base_url(db *d, const char *url) {
  return db_exec(d,
                 "INSERT INTO setting(key, value) VALUES('base_url', ?1)"
                 " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                 "t", url) == DB_OK
             ? K_OK
             : K_ERR;
}

void mail_base_url(db *d, char *out, size_t n) {
  char *v = db_text(d, "SELECT value FROM setting WHERE key = 'base_url'", "");
  snprintf(out, n, "%s", v && *v ? v : "http://127.0.0.1:8080");
  free(v);
}

void mail_fill(buf *out, const char *template, const char *const *vars) {
  for (const char *p = template; *p;) {
    const char *open = strchr(p, '{');
    if (!open) {
      buf_puts(out, p);
      return;
    }
    buf_append(out, p, (size_t)(open - p));
    const char *close = strchr(open, '}');
    const char *value = NULL;
    for (int i = 0; close && vars && vars[i]; i += 2)
      if (strlen(vars[i]) == (size_t)(close - open - 1) && !strncmp(vars[i], open + 1, (size_t)(close - open - 1)))
        value = vars[i + 1];
    if (value) {
      buf_puts(out, value);
      p = close + 1;
    } else {
      buf_putc(out, '{');
      p = open + 1;
    }
  }
}

/* The HTML part: the text escaped, blank lines between paragraphs, line breaks kept, and the message's own link and
 * the site's address made links (never an address someone typed into a title or a reason). */
static void text_to_html(buf *out, const char *subject, const char *text, const char *lang, const char *link,
                         const char *site) {
  buf_printf(out,
             "<!DOCTYPE html>\n<html lang=\"%h\"><head><meta charset=\"utf-8\"><title>%h</title></head>\n"
             "<body style=\"font-family: sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 40em\">\n<p>",
             lang, subject);
  const char *p = text;
  while (*p) {
    size_t n = strcspn(p, "\n");
    buf line = BUF_INIT;
    buf_append(&line, p, n);
    const char *l = line.data ? line.data : "";
    if (!*l) {
      buf_puts(out, "</p>\n<p>");
    } else if (!strcmp(l, link) || !strcmp(l, site)) {
      buf_printf(out, "<a href=\"%h\">%h</a><br>\n", l, l);
    } else {
      buf_printf(out, "%h<br>\n", l);
    }
    buf_free(&line);
    p += n;
    if (*p) p++;
  }
  buf_puts(out, "</p>\n</body></html>\n");
}

static const char *lang_or_fi(const char *lang) {
  return lang && (!strcmp(lang, "sv") || !strcmp(lang, "en")) ? lang : "fi";
}

/* A title or name typed by someone (on the public forms too), as one line of a message or its subject, so it cannot
 * pose as a line of the message. Appended to out. */
static void one_line_into(buf *out, const char *s) {
  for (const char *p = s ? s : ""; *p; p++) buf_putc(out, *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p);
}

/* The path prefix of a language's pages: "" for Finnish, "/sv", "/en". */
static const char *lang_prefix(const char *l) {
  return !strcmp(l, "sv") ? "/sv" : !strcmp(l, "en") ? "/en" : "";
}

/* Translates subject and body templates into lang, fills them from vars (plus {site}: the programme's name, {base}:
 * the base URL, and {link}: the base URL and path) and queues the message. */
static long long queue(db *d, const char *kind, const char *to, const char *lang, const char *path,
                       const char *subject_t, const char *body_t, const char **vars, kerr *e) {
  lang = lang_or_fi(lang);
  char base[512], link[1024];
  mail_base_url(d, base, sizeof base);
  snprintf(link, sizeof link, "%s%s", base, path);
  char *site = db_text(d, "SELECT coalesce(nullif(short_name, ''), name) FROM programme WHERE id = 1", "");
  const char *all[24];
  int n = 0;
  all[n++] = "site", all[n++] = site && *site ? site : "Kehto";
  all[n++] = "base", all[n++] = base;
  all[n++] = "link", all[n++] = link;
  for (int i = 0; vars && vars[i] && n < 22; i++) all[n++] = vars[i];
  all[n] = NULL;
  buf subject = BUF_INIT, text = BUF_INIT, html = BUF_INIT;
  mail_fill(&subject, i18n_get(lang, subject_t), all);
  for (size_t i = 0; i < subject.len; i++) /* a header is one line, whatever a title holds */
    if (subject.data[i] == '\r' || subject.data[i] == '\n' || subject.data[i] == '\t') subject.data[i] = ' ';
  mail_fill(&text, i18n_get(lang, body_t), all);
  buf_puts(&text, "\n\n-- \n");
  mail_fill(&text, i18n_get(lang, N_("{site}\n{base}/\nTämä on automaattinen viesti; siihen ei voi vastata.")), all);
  char site_link[600];
  snprintf(site_link, sizeof site_link, "%s/", base);
  text_to_html(&html, subject.data, text.data, lang, link, site_link);
  long long id = outbox_add(d, kind, to, lang, subject.data, text.data, html.data, e);
  buf_free(&subject);
  buf_free(&text);
  buf_free(&html);
  free(site);
  return id;
}

/* A role's name in a message. */
static const char *role_name(const char *role) {
  if (!strcmp(role, "admin")) return N_("pääkäyttäjä");
  if (!strcmp(role, "staff")) return N_("ohjelman henkilöstö");
  if (!strcmp(role, "evaluator")) return N_("arvioija");
  if (!strcmp(role, "jury")) return N_("palkintoraadin jäsen");
  return N_("organisaation yhteyshenkilö");
}

long long mail_invite(db *d, const char *to, const char *lang, const char *role, const char *token, kerr *e) {
  char path[300];
  snprintf(path, sizeof path, "/salasana/%s", token);
  const char *vars[] = {"role", i18n_get(lang_or_fi(lang), role_name(role)), "email", to, NULL};
  return queue(d, "invite", to, lang, path, N_("Kutsu: {site}"),
               N_("Hei,\n\nsinut on kutsuttu käyttämään ohjelman {site} palvelua (rooli: {role}). Käyttäjätunnuksesi "
                  "on {email}.\n\nAseta salasanasi tästä linkistä. Linkki toimii kerran ja 7 päivän ajan:\n\n"
                  "{link}\n\nJos et odottanut tätä kutsua, voit jättää viestin huomiotta."),
               vars, e);
}

long long mail_reset(db *d, const char *to, const char *lang, const char *token, kerr *e) {
  char path[300];
  snprintf(path, sizeof path, "/salasana/%s", token);
  const char *vars[] = {NULL};
  return queue(d, "reset", to, lang, path, N_("Salasanan vaihto: {site}"),
               N_("Hei,\n\njoku (toivottavasti sinä) pyysi uutta salasanaa tälle osoitteelle. Aseta uusi salasana "
                  "tästä linkistä. Linkki toimii kerran ja tunnin ajan:\n\n{link}\n\nJos et pyytänyt tätä, voit "
                  "jättää viestin huomiotta: salasanasi ei muutu."),
               vars, e);
}

long long mail_application_received(db *d, const char *to, const char *lang, long long app_id, const char *service,
                                    kerr *e) {
  char path[300];
  snprintf(path, sizeof path, "/hakemukset/%lld", app_id);
  const char *vars[] = {"service", service, NULL};
  return queue(d, "application-received", to, lang, path, N_("Hakemus vastaanotettu: {service}"),
               N_("Hei,\n\nhakemuksenne palveluun {service} on vastaanotettu. Kerromme sähköpostilla, kun se on "
                  "käsitelty. Hakemuksen tilan näet täältä:\n\n{link}"),
               vars, e);
}

long long mail_application_decided(db *d, const char *to, const char *lang, long long app_id, const char *service,
                                   int approved, const char *reason, kerr *e) {
  char path[300];
  snprintf(path, sizeof path, "/hakemukset/%lld", app_id);
  const char *vars[] = {"service", service, "reason", reason && *reason ? reason : "-", NULL};
  if (approved)
    return queue(d, "application-decided", to, lang, path, N_("Hakemus hyväksytty: {service}"),
                 N_("Hei,\n\nhakemuksenne palveluun {service} on hyväksytty. Ohjelman henkilöstö on yhteydessä "
                    "toteutuksen aikatauluista. Hakemuksen tiedot:\n\n{link}"),
                 vars, e);
  return queue(d, "application-decided", to, lang, path, N_("Hakemus hylätty: {service}"),
               N_("Hei,\n\nhakemustanne palveluun {service} ei valitettavasti voitu hyväksyä.\n\nPerustelu: {reason}"
                  "\n\nHakemuksen tiedot:\n\n{link}"),
               vars, e);
}

long long mail_deed_decided(db *d, const char *to, const char *lang, long long deed_id, const char *title,
                            int published, const char *reason, kerr *e) {
  char path[300];
  snprintf(path, sizeof path, "/tekot/%lld", deed_id);
  buf one_line = BUF_INIT; /* a title typed on the public form */
  one_line_into(&one_line, title);
  const char *vars[] = {"title", one_line.data ? one_line.data : "", "reason", reason && *reason ? reason : "-", NULL};
  long long id =
      published ? queue(d, "deed-decided", to, lang, path, N_("Tekosi on julkaistu: {title}"),
                        N_("Hei,\n\nkiitos teosta! \"{title}\" on nyt julkaistu Tekojen torilla:\n\n{link}"), vars, e)
                : queue(d, "deed-decided", to, lang, path, N_("Tekoa ei julkaistu: {title}"),
                        N_("Hei,\n\nkiitos teosta \"{title}\". Sitä ei tällä kertaa julkaistu Tekojen torilla.\n\n"
                           "Perustelu: {reason}\n\nVoit lähettää korjatun kuvauksen uudelleen."),
                        vars, e);
  buf_free(&one_line);
  return id;
}

/* The last day a survey closing at closes_at (UTC) can be answered, in Finland, as "28.2.2026": a survey that closes
 * at midnight closes at the end of the day before. "" when closes_at is not a time. */
static void last_day_fi(const char *closes_at, char *out, size_t n) {
  char local[17];
  int y, m, dd, hh, mm;
  *out = 0;
  if (!closes_at || date_fi_local(closes_at, local) != K_OK ||
      sscanf(local, "%4d-%2d-%2dT%2d:%2d", &y, &m, &dd, &hh, &mm) != 5)
    return;
  struct tm t = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = dd - (hh == 0 && mm == 0), .tm_hour = 12};
  time_t at = timegm(&t);
  gmtime_r(&at, &t);
  snprintf(out, n, "%d.%d.%d", t.tm_mday, t.tm_mon + 1, t.tm_year + 1900);
}

long long mail_survey_invite(db *d, const char *to, const char *lang, const char *token, const char *title,
                             const char *closes_at, int reminder, kerr *e) {
  char path[300], day[32];
  const char *l = lang_or_fi(lang);
  /* the link opens the form in the invitation's language */
  snprintf(path, sizeof path, "%s/kysely/%s", lang_prefix(l), token);
  last_day_fi(closes_at, day, sizeof day);
  buf one_line = BUF_INIT; /* a title is one line in a subject and in the text */
  one_line_into(&one_line, title);
  const char *closes = *day ? i18n_get(l, N_("Kysely on auki {day} asti.")) : "";
  buf when = BUF_INIT;
  const char *dv[] = {"day", day, NULL};
  mail_fill(&when, closes, dv);
  const char *vars[] = {"title", one_line.data ? one_line.data : "", "closes", when.data ? when.data : "", NULL};
  long long id =
      reminder
          ? queue(d, "survey-invite", to, lang, path, N_("Muistutus: {title}"),
                  N_("Hei,\n\nmuistutamme kyselystä \"{title}\". Et ole vielä vastannut. {closes}\n\nVastaa tästä "
                     "henkilökohtaisesta linkistä:\n\n{link}\n\nVastauksesi tallennetaan ilman nimeäsi ja "
                     "yhteystietojasi. Voit tallentaa keskeneräisen vastauksen ja jatkaa myöhemmin samasta linkistä."),
                  vars, e)
          : queue(d, "survey-invite", to, lang, path, N_("Kysely: {title}"),
                  N_("Hei,\n\nsinut on kutsuttu vastaamaan kyselyyn \"{title}\", koska olet osallistunut "
                     "ohjelman {site} toimintaan. {closes}\n\nVastaa tästä henkilökohtaisesta linkistä:\n\n{link}"
                     "\n\nVastauksesi tallennetaan ilman nimeäsi ja yhteystietojasi. Voit tallentaa keskeneräisen "
                     "vastauksen ja jatkaa myöhemmin samasta linkistä. Älä välitä linkkiä muille."),
                  vars, e);
  buf_free(&when);
  buf_free(&one_line);
  return id;
}

long long mail_award_won(db *d, const char *to, const char *lang, int year, const char *org, const award_win *w, int n,
                         kerr *e) {
  const char *l = lang_or_fi(lang);
  char path[64], y[16];
  snprintf(path, sizeof path, "%s/palkinnot/%d", lang_prefix(l), year);
  snprintf(y, sizeof y, "%d", year);
  buf list = BUF_INIT, name = BUF_INIT;
  for (int i = 0; i < n; i++) {
    buf_printf(&list, "%r- %r (", i ? "\n" : "",
               i18n_get(l, !strcmp(w[i].result, "award") ? N_("Palkinto") : N_("Kunniamaininta")));
    one_line_into(&list, w[i].category.text);
    buf_puts(&list, "): \"");
    one_line_into(&list, w[i].deed_title);
    buf_puts(&list, "\"");
  }
  one_line_into(&name, org);
  const char *vars[] = {"year", y, "org", name.data ? name.data : "", "list", list.data ? list.data : "", NULL};
  long long id = queue(d, "award-won", to, lang, path, N_("Tekojen torin palkinnot {year}: onnittelut!"),
                       N_("Hei,\n\nonnittelut! Organisaationne {org} tekoja on huomioitu Tekojen torin palkinnoissa "
                          "vuonna {year}:\n\n{list}\n\nPerustelut ja kaikki palkitut teot:\n\n{link}"),
                       vars, e);
  buf_free(&list);
  buf_free(&name);
  return id;
}

long long mail_award_suggestion_decided(db *d, const char *to, const char *lang, long long deed_id, const char *title,
                                        const char *category, int year, int accepted, const char *reason, kerr *e) {
  /* the links open the deed and the results in the suggester's language */
  const char *l = lang_or_fi(lang);
  char path[64], y[16], base[512], awards[600];
  snprintf(path, sizeof path, "%s/tekot/%lld", lang_prefix(l), deed_id);
  snprintf(y, sizeof y, "%d", year);
  mail_base_url(d, base, sizeof base);
  snprintf(awards, sizeof awards, "%s%s/palkinnot", base, lang_prefix(l));
  buf t = BUF_INIT, c = BUF_INIT; /* a deed's title and a category's name are one line in a subject and in the text */
  one_line_into(&t, title);
  one_line_into(&c, category);
  const char *vars[] = {"title",    t.data ? t.data : "",
                        "category", c.data ? c.data : "",
                        "year",     y,
                        "awards",   awards,
                        "reason",   reason && *reason ? reason : "-",
                        NULL};
  long long id =
      accepted
          ? queue(d, "award-suggestion", to, lang, path, N_("Ehdotuksesi otettiin palkintoehdokkaaksi: {title}"),
                  N_("Hei,\n\nkiitos ehdotuksestasi! Teko \"{title}\" on nyt ehdokkaana vuoden {year} palkinnoissa "
                     "sarjassa {category}. Palkintoraati arvioi ehdokkaat, ja tulokset julkaistaan sivulla "
                     "{awards}.\n\nTeko:\n\n{link}"),
                  vars, e)
          : queue(d, "award-suggestion", to, lang, path, N_("Ehdotustasi ei otettu palkintoehdokkaaksi: {title}"),
                  N_("Hei,\n\nkiitos ehdotuksestasi. Tekoa \"{title}\" ei tällä kertaa otettu ehdokkaaksi vuoden "
                     "{year} palkintoihin sarjassa {category}.\n\nPerustelu: {reason}\n\nTeko:\n\n{link}"),
                  vars, e);
  buf_free(&t);
  buf_free(&c);
  return id;
}
