/* demo_text: Finnish phrase banks with slots (unit, numbers, place) that compose natural-looking demo deeds. */
#include "demo/demo_text.h"

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

void demo_email_part(buf *b, const char *s) {
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
  demo_email_part(&b, f);
  buf_putc(&b, '.');
  demo_email_part(&b, l);
  buf_puts(&b, "@example.fi");
  *email = buf_detach(&b);
}

/* ---- phrase banks ---- */

/* Several small pools per field; a deed takes a few independent draws from them, so that texts of the same kind of
 * deed read as if different people wrote them. Quotes are given without their final full stop. */

static const char *const start_lead[] = {
    "Keväällä {Y} pysähdyimme miettimään, mikä arjessa kuormittaa eniten.",
    "Syksyllä {Y} sama huoli nousi työpaikkakokouksessa esiin jälleen kerran.",
    "Lähtötilanne on varmasti tuttu monelle työpaikalle.",
    "Vuoden {Y} kehityskeskusteluissa moni toi esiin saman asian.",
    "Tilanne oli jatkunut jo pitkään, ja siihen oli ikään kuin totuttu.",
    "Muutoksen tarve tuli esiin vuoden {Y} henkilöstökyselyssä.",
    "Ennen kehittämistyötä arki {L} näytti tältä.",
    "Alkusysäys tuli työntekijöiltä itseltään.",
};

static const char *const start_extra[] = {
    "Asia nousi esiin henkilöstökyselyssä ja kehityskeskusteluissa.",
    "Samaan aikaan palvelujen kysyntä kasvoi, eikä lisäresursseja ollut tulossa.",
    "Työyhteisössä oli halua muutokseen, mutta yhteistä suuntaa ei vielä ollut.",
    "Samoja haasteita oli tunnistettu myös muissa kunnissa.",
    "Muutos koski noin {K} työntekijää.",
    "Sekä esihenkilöt että työntekijät olivat huolissaan jaksamisesta.",
    "Työhyvinvointia oli yritetty parantaa aiemminkin, mutta muutokset jäivät lyhytaikaisiksi.",
    "Henkilöstökyselyyn vastanneista {P} prosenttia koki työmäärän liian suureksi.",
    "Vuoden aikana meiltä oli lähtenyt {V} työntekijää muihin tehtäviin.",
    "Esihenkilöllä oli {K} alaista, eikä aikaa kehittämiseen tuntunut jäävän.",
    "Ongelmasta oli puhuttu vuosia, mutta kukaan ei tiennyt, mistä aloittaa.",
    "Sijaisia oli vaikea saada, ja poissaolot kuormittivat muita.",
    "Taustalla oli myös organisaatiomuutos, joka oli vienyt paljon voimia.",
    "Budjetti oli tiukka, joten ratkaisun piti löytyä omista toimintatavoista.",
};

static const char *const start_quote[] = {
    "Tuntui, että juoksimme koko ajan paikasta toiseen",
    "Kukaan ei oikein tiennyt, kenelle asia kuului",
    "Hyviä ideoita oli, mutta niille ei koskaan ollut aikaa",
    "Samat asiat hoidettiin joka päivä vähän eri tavalla",
    "Iltapäivisin oli usein tunne, ettei mitään saatu valmiiksi",
    "Jokainen teki parhaansa, mutta kukaan ei nähnyt kokonaisuutta",
    "Kiire oli niin jatkuvaa, ettei sitä enää edes huomannut",
};

static const char *const start_quote_form[] = {
    "”{Q}”, muistelee eräs {R}.",
    "”{Q}”, kuvaa lähtötilannetta eräs {R}.",
    "Eräs {R} kuvasi tilannetta näin: ”{Q}.”",
};

/* The goal of an idea is an infinitive sentence ("Lyhentää odotusaikoja."); these frame it. */
static const char *const goal_frame[] = {"", "Tavoitteena oli ", "Halusimme ", "Tavoitteenamme oli ",
                                         "Kehittämistyön tavoitteena oli "};

static const char *const goal_lead[] = {
    "Tavoitteet asetettiin yhdessä koko henkilöstön kanssa.",
    "Lähdimme liikkeelle siitä, mitä työntekijät itse pitivät tärkeimpänä.",
    "Tavoitteita hiottiin moneen kertaan ennen kuin ne kirjattiin.",
    "Tavoitteista sovittiin yhteistoimintaryhmässä.",
};

static const char *const goal_extra[] = {
    "Samalla halusimme parantaa työhyvinvointia.",
    "Onnistumista päätettiin seurata henkilöstökyselyllä ja asiakaspalautteella.",
    "Kokeilulle annettiin aikaa {W} kuukautta.",
    "Mittariksi asetettiin {P} prosentin parannus vuoden aikana.",
    "Lisäksi halusimme selvittää, sopiiko toimintatapa myös muihin yksiköihin.",
    "Tärkeää oli, että muutos tehdään henkilöstön kanssa eikä sen ohi.",
    "Tavoitteet kirjattiin yhdessä, jotta jokainen tiesi, mihin pyrimme.",
    "Pidemmällä aikavälillä toivomme, että malli leviää myös muualle.",
    "Tavoitteet haluttiin pitää pieninä ja konkreettisina.",
    "Kustannukset eivät saaneet kasvaa.",
    "Kehittämisen piti onnistua tavallisen työn lomassa ilman lisäresursseja.",
    "Emme halunneet uutta hanketta, vaan pysyvän muutoksen arkeen.",
};

static const char *const goal_customer[] = {
    "Asiakkaiden kokemus oli meille tärkein mittari.",
    "Asiakkaiden piti huomata muutos omassa arjessaan.",
};

static const char *const goal_place[] = {
    "Kokemuksia haluttiin hyödyntää myöhemmin muuallakin {M}.",
    "Toivoimme, että malli kiinnostaisi myöhemmin muitakin yksiköitä {M}.",
};

static const char *const action_open[] = {
    "Kokeilu alkoi keväällä {Y}.",
    "Aloitimme syksyllä {Y}.",
    "Työ käynnistyi alkuvuodesta {Y}.",
    "Ensimmäiset askeleet otettiin loppuvuodesta {Y}.",
};

static const char *const action_method[] = {
    "Etenimme pienin askelin: ensin yksi tiimi, sitten koko yksikkö.",
    "Jokaisen vaiheen jälkeen kysyimme palautetta henkilöstöltä.",
    "Kokeilusta kerrottiin avoimesti intranetissä ja työpaikkakokouksissa.",
    "Työsuojelu ja luottamusmiehet olivat mukana alusta asti.",
    "Esihenkilö varasi kehittämiselle työaikaa joka viikko.",
    "Välillä kokeilu meinasi hiipua kiireen keskellä, mutta yhteiset seurantapalaverit pitivät sen käynnissä.",
    "Kehittämisryhmään kuului {V} työntekijää eri tiimeistä.",
    "Mukana oli kaikkiaan {K} työntekijää.",
    "Kävimme tutustumassa myös naapurikunnan vastaavaan käytäntöön.",
    "Kokeilun etenemistä seurattiin taululla, joka oli kaikkien nähtävillä.",
    "Kaikki ideat eivät toimineet, ja ne jätettiin rohkeasti pois.",
    "Tärkeää oli, että jokainen sai sanoa mielipiteensä ennen päätöksiä.",
};

static const char *const action_close[] = {
    "Kokeilu kesti {W} kuukautta, minkä jälkeen tulokset arvioitiin yhdessä.",
    "Koko työhön meni noin {W} kuukautta.",
    "Ensimmäinen vaihe kesti {W} kuukautta, ja sen jälkeen toimintatapaa hiottiin palautteen perusteella.",
};

static const char *const result_extra[] = {
    "Toimintatapa on vakiintunut, ja sitä levitetään muihin yksiköihin.",
    "Kokemuksia on esitelty myös muissa kunnissa ohjelman tilaisuuksissa.",
    "Tuloksia arvioidaan uudelleen vuoden kuluttua.",
    "Tärkeintä oli, että koko työyhteisö pääsi vaikuttamaan muutokseen.",
    "Seuraavaksi otamme asiakkaiden palautteen mukaan entistä järjestelmällisemmin.",
    "Kehittäminen jatkuu, ja uusia kokeiluja on jo suunnitteilla.",
    "Seuraavaksi haluamme mitata vaikutuksia pidemmällä aikavälillä.",
    "Kaikki ei mennyt suunnitellusti, mutta opimme matkan varrella paljon.",
    "Muutos näkyy myös työilmapiirikyselyssä, jossa yhteistyön arvio parani.",
    "Työntekijät kertovat, että työhön on tullut lisää mielekkyyttä.",
    "Toimintatapa on kirjattu ohjeeksi, jotta se ei ole yhden ihmisen varassa.",
    "Mallista on kysytty myös naapurikunnista.",
};

static const char *const result_place[] = {
    "Kokeilun jälkeen malli otettiin {M} käyttöön myös muissa yksiköissä.",
    "Mallia on esitelty {M} myös kaupunginhallitukselle ja henkilöstötoimikunnalle.",
    "{M} kokemuksia hyödynnetään nyt myös muissa palveluissa.",
};

static const char *const result_quote[] = {
    "Aluksi moni epäili, mutta nyt kukaan ei halua palata vanhaan",
    "Tärkeintä oli, että saimme itse päättää, mitä kokeillaan",
    "Työ tuntuu mielekkäämmältä, kun näkee muutoksen omin silmin",
    "Ensimmäiset viikot olivat työläitä, mutta sen jälkeen arki helpottui selvästi",
    "Kukaan ei tuonut tätä meille valmiina, vaan teimme sen yhdessä",
    "Opimme, että pienikin muutos kannattaa kokeilla ennen kuin siitä päätetään",
    "Nyt tuntuu siltä, että meitä oikeasti kuunnellaan",
    "Kiire ei ole kadonnut, mutta se on nyt hallittavampaa",
    "Olisimme voineet aloittaa tämän jo vuosia sitten",
    "Välillä tuntui, ettei aikaa ole mihinkään ylimääräiseen, mutta tämä kannatti",
    "Yhteinen kieli löytyi, kun istuimme saman pöydän ääreen",
    "En uskonut, että näin pieni muutos voi vaikuttaa näin paljon",
    "Uusi tapa vaati totuttelua, mutta nyt se tuntuu itsestään selvältä",
};

static const char *const result_quote_form[] = {
    "”{Q}”, kertoo eräs {R}.",
    "”{Q}”, sanoo kokeilussa mukana ollut {R}.",
    "Eräs {R} kiteyttää kokemuksen näin: ”{Q}.”",
};

static const char *const summary_lead[] = {
    "Tämä teko syntyi {G} arjesta.",
    "Kehittämistyö lähti liikkeelle henkilöstön aloitteesta.",
    "Kokeilu alkoi yhdessä tiimissä ja laajeni vähitellen.",
    "Vuonna {Y} päätimme kokeilla jotain uutta.",
    "Pieni muutos, iso vaikutus.",
    "Kerromme, miten muutimme tapaamme tehdä työtä.",
};

static const char *const summary_tail[] = {
    "Kokeilu kesti {W} kuukautta, ja toimintatapa jäi käyttöön.",
    "Mukana oli {K} työntekijää ja heidän esihenkilönsä.",
    "Malli sopii myös muihin kuntiin, ja kerromme siitä mielellämme lisää.",
    "Ratkaisu ei vaatinut lisärahaa, vain yhteisen päätöksen ja sitkeyttä.",
    "Idea tuli työntekijöiltä itseltään.",
    "Tulokset näkyivät jo ensimmäisten kuukausien aikana.",
    "Kokemukset ovat olleet niin hyviä, että malli on laajenemassa.",
    "Työ alkoi vuonna {Y}, ja kehittäminen jatkuu edelleen.",
};

static const char *const summary_place[] = {
    "Nyt malli on käytössä kaikkialla {M}.",
    "Toimintatapaa levitetään parhaillaan muihin yksiköihin {M}.",
};

/* Who is quoted besides the sector's own job titles. */
static const char *const common_roles[] = {"työntekijä", "esihenkilö", "työsuojeluvaltuutettu", "luottamusmies"};

static const char *const number_words[] = {"kaksi", "kolme",     "neljä",     "viisi",
                                           "kuusi", "seitsemän", "kahdeksan", "yhdeksän"};

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
  int p, h, k, s, v, w, y;
  const char *place_loc, *role, *quote;
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
      case 'V': buf_puts(b, number_words[sl->v - 2]); break;
      case 'W': buf_puts(b, number_words[sl->w - 2]); break;
      case 'Y': buf_printf(b, "%d", sl->y); break;
      case 'R': buf_puts(b, sl->role); break;
      case 'Q': buf_puts(b, sl->quote); break;
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

/* Appends one sentence: a space first unless b is empty. */
static void sentence(buf *b, const char *tmpl, const slots *sl) {
  if (b->len) buf_putc(b, ' ');
  expand(b, tmpl, sl);
}

#define PICK(r, a) ((a)[demo_rng_below((r), COUNT(a))])

/* Appends a quote: a remark from a pool said by someone of the sector or of any workplace. */
static void quote(demo_rng *r, buf *b, const char *const *forms, int nforms, const char *const *quotes, int nquotes,
                  const demo_bank *sb, slots *sl) {
  sl->quote = quotes[demo_rng_below(r, nquotes)];
  sl->role = demo_rng_chance(r, 70) ? sb->roles[demo_rng_below(r, sb->nroles)] : PICK(r, common_roles);
  sentence(b, forms[demo_rng_below(r, nforms)], sl);
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
  while (n < COUNT(id->titles) && id->titles[n]) n++;
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
    ": kaikki mukaan",
    " – kehittämistä arjen keskellä",
    ": toinen vaihe",
    ": kokeilu, joka kannatti",
    " – ja mitä siitä seurasi",
    ": kokemuksia ja vinkkejä muille",
    " – työntekijöiden oma idea",
    ": miten pääsimme alkuun",
    " – ilman lisärahaa",
    ": askel kerrallaan",
    " – kokeilu, joka jäi pysyväksi",
    ": alussa epäilytti",
    " – arvioinnin tulokset",
    ": vuosi myöhemmin",
    " – tiimin oma kokeilu",
    ": yhteistyöllä eteenpäin",
    " – matkan varrelta",
    ": suunnittelusta arkeen",
    " – mitä tekisimme toisin",
};

static const char *const subtitles_customers[] = {
    " – asiakkaat mukana alusta asti",
    ": asiakkaan näkökulmasta",
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

/* How many titles in seen are base followed by a place ("base Tampereella"), so that a title is not repeated with
 * only the place changed. */
static int place_variants(const demo_titles *seen, const char *base) {
  size_t n = strlen(base);
  int c = 0;
  for (int i = 0; i < seen->n; i++) {
    const char *t = seen->v[i];
    if (strncmp(t, base, n) == 0 && t[n] == ' ' && t[n + 1] >= 'A' && t[n + 1] <= 'Z') c++;
  }
  return c;
}

/* A title that already has two parts ("Selkä kiittää: …", "Tieto kulkee – …") takes no subtitle. */
static int has_subtitle(const char *title) {
  return strchr(title, ':') || strstr(title, " – ");
}

static const char *pick_subtitle(demo_rng *r, const demo_idea *id) {
  if (id->customers && demo_rng_chance(r, 15)) return PICK(r, subtitles_customers);
  return PICK(r, subtitles);
}

/* Picks an idea, a unit and a title not in seen: the plain title, now and then with the place ("… Tampereella",
 * at most twice per title), else with a subtitle. After many tries a repeat is allowed, as in real collections. */
static char *pick_title(demo_rng *r, const demo_bank *sb, demo_titles *seen, const demo_idea **id, slots *sl) {
  for (int attempt = 0;; attempt++) {
    *id = &sb->ideas[demo_rng_below(r, sb->nideas)];
    sl->u = pick_unit(r, sb, *id);
    char *base = expand_dup((*id)->titles[demo_rng_below(r, ntitles(*id))], sl), *title;
    if ((title = fresh(seen, util_strdup(base))) ||
        (sl->place_loc && demo_rng_chance(r, 25) && place_variants(seen, base) < 2 &&
         (title = fresh(seen, buf_mprintf("%r %r", base, sl->place_loc)))) ||
        (attempt >= 1 && !has_subtitle(base) &&
         (title = fresh(seen, buf_mprintf("%r%r", base, pick_subtitle(r, *id)))))) {
      free(base);
      return title;
    }
    if (attempt == 11) {
      titles_add(seen, base);
      return base;
    }
    free(base);
  }
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

/* Two different draws from a pool: index a, then b != a (or -1 when the pool has one entry). */
static void two_of(demo_rng *r, int n, int *a, int *b) {
  *a = demo_rng_below(r, n);
  *b = n > 1 ? (*a + 1 + demo_rng_below(r, n - 1)) % n : -1;
}

static char *starting_point(demo_rng *r, const demo_idea *id, const demo_bank *sb, slots *sl) {
  buf b = BUF_INIT;
  if (demo_rng_chance(r, 25)) sentence(&b, PICK(r, start_lead), sl);
  sentence(&b, id->start, sl);
  int x = demo_rng_below(r, 100), i, j;
  two_of(r, COUNT(start_extra), &i, &j);
  if (x < 55) sentence(&b, start_extra[i], sl);
  if (x < 15) sentence(&b, start_extra[j], sl);
  if (demo_rng_chance(r, 20))
    quote(r, &b, start_quote_form, COUNT(start_quote_form), start_quote, COUNT(start_quote), sb, sl);
  return buf_detach(&b);
}

/* The idea's goal with a lower-case first letter (ASCII, Ä or Ö), for a frame that comes before it. */
static void goal_lower(buf *b, const char *goal, const slots *sl) {
  size_t at = b->len;
  expand(b, goal, sl);
  unsigned char *p = (unsigned char *)b->data + at;
  if (p[0] >= 'A' && p[0] <= 'Z')
    p[0] = (unsigned char)(p[0] + 32);
  else if (p[0] == 0xC3 && (p[1] == 0x84 || p[1] == 0x96))
    p[1] = (unsigned char)(p[1] + 0x20);
}

static void goal_core(demo_rng *r, buf *b, const demo_idea *id, const slots *sl, int framed) {
  const char *frame = goal_frame[framed ? 1 + demo_rng_below(r, COUNT(goal_frame) - 1) : 0];
  if (strncmp(id->goal, "Tavoit", 6) == 0 && strstr(frame, "tavoit"))
    frame = "Halusimme "; /* not "tavoite … tavoittaa" */
  if (b->len) buf_putc(b, ' ');
  if (!*frame) {
    expand(b, id->goal, sl);
    return;
  }
  buf_puts(b, frame);
  goal_lower(b, id->goal, sl);
}

static char *goal(demo_rng *r, const demo_idea *id, slots *sl) {
  buf b = BUF_INIT;
  int lead = demo_rng_chance(r, 12);
  if (lead) sentence(&b, PICK(r, goal_lead), sl);
  goal_core(r, &b, id, sl, lead || demo_rng_chance(r, 60));
  int x = demo_rng_below(r, 100), i, j;
  two_of(r, COUNT(goal_extra), &i, &j);
  if (id->customers && x >= 80)
    sentence(&b, PICK(r, goal_customer), sl);
  else if (sl->place_loc && x >= 88)
    sentence(&b, PICK(r, goal_place), sl);
  else if (x < 60 && !(i == 0 && strstr(id->goal, "työhyvinvointi")))
    sentence(&b, goal_extra[i], sl);
  if (x < 18 && !(j == 0 && strstr(id->goal, "työhyvinvointi"))) sentence(&b, goal_extra[j], sl);
  return buf_detach(&b);
}

static char *actions(demo_rng *r, const demo_idea *id, const service_text *sv, slots *sl) {
  /* a programme service is where the work started; working on one's own is said after what was done */
  const char *how = sv->text[demo_rng_below(r, 2)];
  buf b = BUF_INIT;
  int when = demo_rng_below(r, 100);
  if (when < 20) sentence(&b, PICK(r, action_open), sl);
  if (*sv->name) sentence(&b, how, sl);
  sentence(&b, id->actions, sl);
  int x = demo_rng_below(r, 100), i, j;
  two_of(r, COUNT(action_method), &i, &j);
  if (x < 55) sentence(&b, action_method[i], sl);
  if (x < 15) sentence(&b, action_method[j], sl);
  if (when >= 65 && !strstr(id->actions, "kesti")) sentence(&b, PICK(r, action_close), sl);
  if (!*sv->name) sentence(&b, how, sl);
  return buf_detach(&b);
}

static char *results(demo_rng *r, const demo_idea *id, const demo_bank *sb, slots *sl) {
  buf b = BUF_INIT;
  expand(&b, id->result, sl);
  if (sl->place_loc && demo_rng_chance(r, 30))
    sentence(&b, PICK(r, result_place), sl);
  else if (demo_rng_chance(r, 65))
    sentence(&b, PICK(r, result_extra), sl);
  if (demo_rng_chance(r, 30))
    quote(r, &b, result_quote_form, COUNT(result_quote_form), result_quote, COUNT(result_quote), sb, sl);
  return buf_detach(&b);
}

/* Appends the first sentence of text (up to the first ". " or the end). */
static void first_sentence(buf *b, const char *text) {
  const char *end = strstr(text, ". ");
  if (b->len) buf_putc(b, ' ');
  if (end)
    buf_append(b, text, (size_t)(end - text) + 1);
  else
    buf_puts(b, text);
}

/* A short summary: the idea's own, or its goal, with the main result, a lead or a closing remark. */
static char *summary(demo_rng *r, const demo_idea *id, const slots *sl) {
  buf b = BUF_INIT;
  int form = demo_rng_below(r, 100);
  if (form < 15) {
    sentence(&b, PICK(r, summary_lead), sl);
    sentence(&b, id->summary, sl);
  } else if (form < 30) {
    goal_core(r, &b, id, sl, 1);
  } else {
    sentence(&b, id->summary, sl);
  }
  if (form >= 15 && form < 60) {
    char *res = expand_dup(id->result, sl);
    first_sentence(&b, res);
    free(res);
  } else if (form >= 60 && form < 85) {
    sentence(&b, sl->place_loc && demo_rng_chance(r, 30) ? PICK(r, summary_place) : PICK(r, summary_tail), sl);
  }
  return buf_detach(&b);
}

/* Moves malloc'd s into arena a. */
void demo_text_deed(demo_rng *r, arena *a, const char *sector, const char *place_loc, int year, demo_titles *seen,
                    deed *x) {
  const demo_bank *sb = bank_for(sector);
  slots sl = {.place_loc = place_loc,
              .y = year > 2015 ? year - 1 : year}; /* one draw per statement: the order is the seed's promise */
  sl.p = demo_rng_range(r, 10, 45);
  sl.h = demo_rng_range(r, 70, 95);
  sl.k = demo_rng_range(r, 12, 40);
  sl.s = demo_rng_range(r, 2, 9);
  sl.v = demo_rng_range(r, 3, 6);
  sl.w = demo_rng_range(r, 2, 9);
  const demo_idea *id = NULL;
  x->title = arena_adopt(a, pick_title(r, sb, seen, &id, &sl));
  if (strstr(id->actions, "puoli vuotta")) sl.w = 6; /* the idea itself says how long it took */
  const service_text *sv = pick_service(r);
  x->summary = arena_adopt(a, summary(r, id, &sl));
  x->starting_point = arena_adopt(a, starting_point(r, id, sb, &sl));
  x->goal = arena_adopt(a, goal(r, id, &sl));
  x->actions = arena_adopt(a, actions(r, id, sv, &sl));
  x->participants = arena_adopt(a, participants(r, id, sv));
  x->results = arena_adopt(a, results(r, id, sb, &sl));
  x->themes = arena_adopt(a, themes(r, id));
  x->service = arena_strdup(a, sv->name);
}
