/* demo_text: Finnish phrase banks with slots (unit, numbers, place) that compose natural-looking demo deeds. */
#include "model/demo_text.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/util.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---- PRNG ---- */

uint64_t demo_rng_next(demo_rng *r) {
  uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

int demo_rng_below(demo_rng *r, int n) {
  assert(n > 0);
  return (int)(demo_rng_next(r) % (uint64_t)n);
}

int demo_rng_range(demo_rng *r, int lo, int hi) {
  return lo + demo_rng_below(r, hi - lo + 1);
}

int demo_rng_chance(demo_rng *r, int pct) {
  return demo_rng_below(r, 100) < pct;
}

void demo_titles_free(demo_titles *t) {
  for (int i = 0; i < t->n; i++) free(t->v[i]);
  free(t->v);
  t->v = NULL;
  t->n = t->cap = 0;
}

static int titles_has(const demo_titles *t, const char *s) {
  for (int i = 0; i < t->n; i++)
    if (strcmp(t->v[i], s) == 0) return 1;
  return 0;
}

static void titles_add(demo_titles *t, const char *s) {
  if (t->n == t->cap) {
    t->cap = t->cap ? t->cap * 2 : 256;
    t->v = realloc(t->v, sizeof *t->v * (size_t)t->cap);
    if (!t->v) abort();
  }
  t->v[t->n++] = util_strdup(s);
}

/* ---- people ---- */

static const char *const first_names[] = {
    "Anna",  "Johanna", "Tiina", "Sari",  "Minna", "Hanna", "Päivi", "Riikka", "Laura",  "Kaisa", "Satu",
    "Marja", "Elina",   "Heidi", "Katja", "Maria", "Sanna", "Outi",  "Tuula",  "Eija",   "Leena", "Merja",
    "Jukka", "Mikko",   "Timo",  "Juha",  "Kari",  "Petri", "Antti", "Ville",  "Markku", "Pekka", "Jari",
};
static const char *const last_names[] = {
    "Virtanen",    "Korhonen", "Mäkinen",  "Nieminen",   "Mäkelä",   "Hämäläinen", "Laine",    "Heikkinen",
    "Koskinen",    "Järvinen", "Lehtonen", "Lehtinen",   "Saarinen", "Salminen",   "Heinonen", "Niemi",
    "Heikkilä",    "Kinnunen", "Salonen",  "Turunen",    "Salo",     "Laitinen",   "Tuominen", "Rantanen",
    "Karjalainen", "Jokinen",  "Mattila",  "Savolainen", "Lahtinen", "Ahonen",     "Kettunen", "Räsänen",
};

/* Lower-case ASCII for an email local part: ä→a, ö→o, å→a; other bytes dropped. */
static void email_part(buf *b, const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (p[0] == 0xC3 && p[1]) {
      unsigned char c = p[1];
      p++;
      if (c == 0xA4 || c == 0x84 || c == 0xA5 || c == 0x85)
        buf_putc(b, 'a');
      else if (c == 0xB6 || c == 0x96)
        buf_putc(b, 'o');
    } else if (*p >= 'A' && *p <= 'Z') {
      buf_putc(b, (char)(*p - 'A' + 'a'));
    } else if (*p >= 'a' && *p <= 'z') {
      buf_putc(b, (char)*p);
    }
  }
}

void demo_text_person(demo_rng *r, char **name, char **email) {
  const char *f = first_names[demo_rng_below(r, COUNT(first_names))];
  const char *l = last_names[demo_rng_below(r, COUNT(last_names))];
  *name = buf_mprintf("%r %r", f, l);
  buf b = BUF_INIT;
  email_part(&b, f);
  buf_putc(&b, '.');
  email_part(&b, l);
  buf_puts(&b, "@example.fi");
  *email = buf_detach(&b);
}

/* ---- phrase banks ---- */

static const char *const start_extra[] = {
    "Asia nousi esiin henkilöstökyselyssä ja kehityskeskusteluissa.",
    "Samaan aikaan palvelujen kysyntä kasvoi, eikä lisäresursseja ollut tulossa.",
    "Työyhteisössä oli halua muutokseen, mutta yhteistä suuntaa ei vielä ollut.",
    "Samoja haasteita oli tunnistettu myös muissa kunnissa.",
    "Muutos koski noin {K} työntekijää.",
    "Sekä esihenkilöt että työntekijät olivat huolissaan jaksamisesta.",
    "Työhyvinvointia oli yritetty parantaa aiemminkin, mutta muutokset jäivät lyhytaikaisiksi.",
};

static const char *const result_extra[] = {
    "Toimintatapa on vakiintunut, ja sitä levitetään muihin yksiköihin.",
    "Kokemuksia on esitelty myös muissa kunnissa ohjelman tilaisuuksissa.",
    "Tuloksia arvioidaan uudelleen vuoden kuluttua.",
    "Tärkeintä oli, että koko työyhteisö pääsi vaikuttamaan muutokseen.",
    "Seuraavaksi otamme asiakkaiden palautteen mukaan entistä järjestelmällisemmin.",
    "Kehittäminen jatkuu, ja uusia kokeiluja on jo suunnitteilla.",
};

static const char *const result_place[] = {
    "Kokeilun jälkeen malli otettiin {M} käyttöön myös muissa yksiköissä.",
    "Mallia on esitelty {M} myös kaupunginhallitukselle ja henkilöstötoimikunnalle.",
};

typedef struct service_text {
  const char *name;
  int weight;
  const char *text[2];
} service_text;

static const service_text services[] = {
    {"Sparraus",
     25,
     {"Haimme Kunteko 2020 -ohjelmasta sparrausta. Ulkopuolinen valmentaja työskenteli kanssamme kahtena päivänä, "
      "ja mukana olivat johto, esihenkilöt ja henkilöstön edustajat.",
      "Sparrauspäivinä johto, esihenkilöt ja henkilöstön edustajat kävivät valmentajan kanssa läpi lähtötilanteen ja "
      "sopivat yhteiset tavoitteet."}},
    {"Sisäisten kehittäjien valmennus",
     15,
     {"Kaksi työntekijäämme osallistui sisäisten kehittäjien valmennukseen ja veti sen jälkeen kehittämistä omassa "
      "työyhteisössään.",
      "Sisäisten kehittäjien valmennuksessa opituilla menetelmillä kokosimme ideat ja teimme kokeilusuunnitelman."}},
    {"Työpaja",
     20,
     {"Idea syntyi ohjelman teemapajassa, jossa kuulimme, miten muissa kunnissa asiaa oli ratkaistu.",
      "Osallistuimme ohjelman haastepajaan, jossa työstimme ratkaisuja yhdessä muiden kuntien työntekijöiden kanssa."}},
    {"Verkosto",
     10,
     {"Olimme mukana ohjelman oppimisverkostossa ja vertasimme ratkaisuja muiden kuntien kanssa.",
      "Kehittämisverkoston tapaamisissa saimme vertaistukea ja vinkkejä kokeilun suunnitteluun."}},
    {"",
     30,
     {"Kehittämistyö tehtiin omin voimin työpaikkakokousten yhteydessä.",
      "Työ tehtiin osana tavallista arkea ilman ulkopuolista rahoitusta."}},
};

static const char *const extra_themes[] = {"viestintä",      "osallisuus",     "johtaminen",     "kokeilukulttuuri",
                                           "tuloksellisuus", "työhyvinvointi", "yhdenvertaisuus"};

/* ---- composing ---- */

typedef struct slots {
  const demo_unit *u;
  int p, h, k, s;
  const char *place_loc;
} slots;

/* Writes tmpl with its slots filled; a template that starts with a slot gets a capital first letter. */
static void expand(buf *b, const char *tmpl, const slots *sl) {
  size_t start = b->len;
  for (const char *t = tmpl; *t; t++) {
    if (t[0] == '{' && t[1] && t[2] == '}') {
      switch (t[1]) {
      case 'N': buf_puts(b, sl->u->nom); break;
      case 'G': buf_puts(b, sl->u->gen); break;
      case 'L': buf_puts(b, sl->u->loc); break;
      case 'M': buf_puts(b, sl->place_loc ? sl->place_loc : ""); break;
      case 'P': buf_printf(b, "%d", sl->p); break;
      case 'H': buf_printf(b, "%d", sl->h); break;
      case 'K': buf_printf(b, "%d", sl->k); break;
      case 'S': buf_printf(b, "%d", sl->s); break;
      default: assert(!"demo: unknown slot");
      }
      t += 2;
    } else {
      buf_putc(b, *t);
    }
  }
  if (b->len > start && b->data[start] >= 'a' && b->data[start] <= 'z') b->data[start] = (char)(b->data[start] - 32);
}

static char *expand_dup(const char *tmpl, const slots *sl) {
  buf b = BUF_INIT;
  expand(&b, tmpl, sl);
  return buf_detach(&b);
}

static const demo_bank *bank_for(const char *code) {
  for (int i = 0; i < demo_nbanks; i++)
    if (strcmp(demo_banks[i].code, code) == 0) return &demo_banks[i];
  assert(!"demo: no phrase bank for sector");
  return NULL;
}

static const demo_unit *pick_unit(demo_rng *r, const demo_bank *sb, const demo_idea *id) {
  for (;;) {
    int i = demo_rng_below(r, sb->nunits);
    if (id->units == 0 || (id->units & (1u << i))) return &sb->units[i];
  }
}

static int ntitles(const demo_idea *id) {
  int n = 0;
  while (n < 3 && id->titles[n]) n++;
  return n;
}

static const char *const subtitles[] = {
    ": kokeilusta pysyväksi käytännöksi",
    " – pienillä teoilla isoja muutoksia",
    ": henkilöstö kehittäjänä",
    " – näin onnistuimme",
    ": kokemuksia ensimmäiseltä vuodelta",
    ": pilotista käytäntöön",
    " – yhteinen kehittämismatka",
    ": mitä opimme",
    " – asiakkaat mukana alusta asti",
    ": kaikki mukaan",
    " – kehittämistä arjen keskellä",
    ": toinen vaihe",
};

/* Adds title to seen and returns it when it is new; otherwise frees it and returns NULL. */
static char *fresh(demo_titles *seen, char *title) {
  if (!titles_has(seen, title)) {
    titles_add(seen, title);
    return title;
  }
  free(title);
  return NULL;
}

/* Picks an idea, a unit and a title not in seen: the plain title, else with the place ("… Tampereella"), else with
 * a subtitle. After a few tries a repeat is allowed, as in real collections. */
static char *pick_title(demo_rng *r, const demo_bank *sb, demo_titles *seen, const demo_idea **id, slots *sl) {
  char *title = NULL;
  for (int attempt = 0; attempt < 8; attempt++) {
    *id = &sb->ideas[demo_rng_below(r, sb->nideas)];
    sl->u = pick_unit(r, sb, *id);
    char *base = expand_dup((*id)->titles[demo_rng_below(r, ntitles(*id))], sl);
    if ((title = fresh(seen, util_strdup(base))) ||
        (sl->place_loc && (title = fresh(seen, buf_mprintf("%r %r", base, sl->place_loc)))) ||
        (attempt >= 3 &&
         (title = fresh(seen, buf_mprintf("%r%r", base, subtitles[demo_rng_below(r, COUNT(subtitles))]))))) {
      free(base);
      return title;
    }
    if (attempt == 7) {
      titles_add(seen, base);
      return base;
    }
    free(base);
  }
  return title; /* not reached */
}

static const service_text *pick_service(demo_rng *r) {
  int total = 0;
  for (int i = 0; i < COUNT(services); i++) total += services[i].weight;
  int x = demo_rng_below(r, total);
  for (int i = 0; i < COUNT(services); i++) {
    if (x < services[i].weight) return &services[i];
    x -= services[i].weight;
  }
  return &services[COUNT(services) - 1];
}

static char *participants(demo_rng *r, const demo_idea *id, const service_text *sv) {
  int sparraus = strcmp(sv->name, "Sparraus") == 0;
  buf b = BUF_INIT;
  if (sparraus || demo_rng_chance(r, 40)) buf_puts(&b, "johto,");
  if (sparraus || demo_rng_chance(r, 80)) buf_puts(&b, "esihenkilot,");
  buf_puts(&b, "henkilosto");
  if (id->customers ? demo_rng_chance(r, 75) : demo_rng_chance(r, 10)) buf_puts(&b, ",asiakkaat");
  return buf_detach(&b);
}

static char *themes(demo_rng *r, const demo_idea *id) {
  const char *extra = demo_rng_chance(r, 30) ? extra_themes[demo_rng_below(r, COUNT(extra_themes))] : NULL;
  if (extra && strstr(id->themes, extra)) extra = NULL;
  return extra ? buf_mprintf("%r, %r", id->themes, extra) : util_strdup(id->themes);
}

static char *starting_point(demo_rng *r, const demo_idea *id, const slots *sl) {
  buf b = BUF_INIT;
  expand(&b, id->start, sl);
  if (demo_rng_chance(r, 55)) {
    buf_putc(&b, ' ');
    expand(&b, start_extra[demo_rng_below(r, COUNT(start_extra))], sl);
  }
  return buf_detach(&b);
}

static char *actions(demo_rng *r, const demo_idea *id, const service_text *sv, const slots *sl) {
  /* a programme service is where the work started; working on one's own is said after what was done */
  const char *how = sv->text[demo_rng_below(r, 2)];
  buf b = BUF_INIT;
  if (*sv->name) buf_printf(&b, "%r ", how);
  expand(&b, id->actions, sl);
  if (!*sv->name) buf_printf(&b, " %r", how);
  return buf_detach(&b);
}

static char *results(demo_rng *r, const demo_idea *id, const slots *sl) {
  buf b = BUF_INIT;
  expand(&b, id->result, sl);
  if (sl->place_loc && demo_rng_chance(r, 30)) {
    buf_putc(&b, ' ');
    expand(&b, result_place[demo_rng_below(r, COUNT(result_place))], sl);
  } else if (demo_rng_chance(r, 65)) {
    buf_putc(&b, ' ');
    expand(&b, result_extra[demo_rng_below(r, COUNT(result_extra))], sl);
  }
  return buf_detach(&b);
}

void demo_text_deed(demo_rng *r, const char *sector, const char *place_loc, demo_titles *seen, deed *x) {
  const demo_bank *sb = bank_for(sector);
  slots sl = {.place_loc = place_loc}; /* one draw per statement: the order of draws is part of the seed's promise */
  sl.p = demo_rng_range(r, 10, 45);
  sl.h = demo_rng_range(r, 70, 95);
  sl.k = demo_rng_range(r, 12, 40);
  sl.s = demo_rng_range(r, 2, 9);
  const demo_idea *id = NULL;
  x->title = pick_title(r, sb, seen, &id, &sl);
  const service_text *sv = pick_service(r);
  x->summary = expand_dup(id->summary, &sl);
  x->starting_point = starting_point(r, id, &sl);
  x->goal = expand_dup(id->goal, &sl);
  x->actions = actions(r, id, sv, &sl);
  x->participants = participants(r, id, sv);
  x->results = results(r, id, &sl);
  x->themes = themes(r, id);
  x->service = util_strdup(sv->name);
}
