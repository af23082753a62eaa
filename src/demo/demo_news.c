/* demo_news: the programme's news 2015–2020 with a small generated picture each (a PNG written here with zlib:
 * no image library is linked). */
#include "demo/demo_news.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "core/buf.h"
#include "model/media.h"

#define W 160
#define H 90

typedef struct demo_item {
  const char *at; /* UTC publish time */
  const char *title[3], *lead[3], *body[3], *alt[3];
  unsigned char bg[3], fg[3]; /* the picture's colours */
} demo_item;

static const demo_item ITEMS[] = {
    {"2015-09-15T06:00:00Z",
     {"Kunteko 2020 -ohjelma käynnistyi", "Programmet Kunteko 2020 har startat",
      "The Kunteko 2020 programme has started"},
     {"Kuntatyönantajat ja pääsopijajärjestöt käynnistivät yhteisen työelämän kehittämisohjelman kunta-alalle.",
      "Kommunarbetsgivarna och huvudavtalsorganisationerna startade ett gemensamt utvecklingsprogram för "
      "kommunsektorn.",
      "The local government employers and the main negotiating organisations started a joint working-life "
      "development programme for the municipal sector."},
     {"Ohjelman tavoitteena on **tuottavuuden ja työhyvinvoinnin** parantaminen yhdessä. Ohjelma tarjoaa kunnille ja "
      "kuntayhtymille\n\n- työhyvinvointisparrauksia\n- valmennuksia esimiehille ja työyhteisöille\n"
      "- kehittämisrahaa omiin hankkeisiin.\n\nLisätietoa ohjelman verkkosivuilta.",
      "Programmet ska förbättra **produktiviteten och arbetshälsan** tillsammans.",
      "The programme aims to improve **productivity and well-being at work** together."},
     {"Ohjelman logo: kaksi kättä ja nouseva käyrä", "Programmets logotyp: två händer och en stigande kurva",
      "The programme's logo: two hands and a rising curve"},
     {0x1f, 0x4e, 0x79},
     {0xf2, 0xc1, 0x4e}},
    {"2016-02-10T07:30:00Z",
     {"Työhyvinvointisparraukset haettavina", "", ""},
     {"Kunnat ja kuntayhtymät voivat hakea maksutonta sparrausta työhyvinvoinnin kehittämiseen.", "", ""},
     {"Sparraus on kolmen tapaamisen kokonaisuus, jossa työyhteisö valitsee yhden kehittämiskohteen ja tekee sille "
      "suunnitelman. Haku on auki **31.3.2016** asti.\n\n## Kenelle\n\nKaikille kunta-alan työpaikoille.",
      "", ""},
     {"Piirroskuva: työyhteisö palaverissa", "", ""},
     {0x2e, 0x7d, 0x32},
     {0xff, 0xff, 0xff}},
    {"2016-11-22T08:00:00Z",
     {"Tekojen tori avattiin", "Gärningarnas torg har öppnat", "The deeds library is open"},
     {"Jaa oman työpaikkasi kehittämisteko muille: Tekojen torilta löytyy jo sata esimerkkiä.",
      "Dela din arbetsplats utvecklingsgärning: på torget finns redan hundra exempel.",
      "Share your workplace's development deed: the library already has a hundred examples."},
     {"Tekojen tori kokoaa kunta-alan työpaikkojen kehittämisteot yhteen paikkaan. Tekoja voi hakea toimialan, "
      "maakunnan ja teeman mukaan.",
      "Gärningarnas torg samlar kommunsektorns utvecklingsgärningar på ett ställe.",
      "The deeds library brings the development deeds of municipal workplaces together in one place."},
     {"Kuvakaappaus Tekojen torin etusivusta", "Skärmbild av torgets startsida",
      "A screenshot of the library's front page"},
     {0x6a, 0x1b, 0x9a},
     {0xff, 0xd5, 0x4f}},
    {"2017-05-30T09:00:00Z",
     {"Digitalisaatio työn arjessa -valmennus alkaa syksyllä", "", ""},
     {"Valmennus auttaa työyhteisöjä ottamaan uudet välineet käyttöön hallitusti.", "", ""},
     {"Valmennukseen mahtuu kaksitoista työyhteisöä eri puolilta Suomea. Ilmoittautuminen avautuu elokuussa.", "", ""},
     {"Kannettava tietokone ja muistilehtiö pöydällä", "", ""},
     {0x00, 0x69, 0x5c},
     {0xb2, 0xdf, 0xdb}},
    {"2018-01-18T07:00:00Z",
     {"Ohjelma jatkuu ESR-rahoituksella vuoteen 2020", "Programmet fortsätter med ESF-finansiering till 2020", ""},
     {"Euroopan sosiaalirahasto rahoittaa ohjelman toista kautta 2018–2020.",
      "Europeiska socialfonden finansierar programmets andra period 2018–2020.", ""},
     {"Toisella kaudella painopisteinä ovat **johtaminen**, **digitalisaatio** ja **työurien pidentäminen**.",
      "Under den andra perioden ligger tyngdpunkten på **ledarskap**, **digitalisering** och **längre "
      "arbetskarriärer**.",
      ""},
     {"EU-lippu ja ohjelman logo", "EU-flaggan och programmets logotyp", ""},
     {0x00, 0x33, 0x99},
     {0xff, 0xcc, 0x00}},
    {"2019-03-12T08:00:00Z",
     {"Ehdota vuoden kehittämistekoa palkittavaksi", "", ""},
     {"Vuoden 2019 palkinnot jaetaan viidessä sarjassa. Ehdotuksia otetaan vastaan huhtikuun loppuun.", "", ""},
     {"Kuka tahansa voi ehdottaa Tekojen torin tekoa palkittavaksi teon omalta sivulta. Raati arvioi ehdokkaat "
      "kesän aikana.",
      "", ""},
     {"Pokaali ja konfetteja", "", ""},
     {0xc6, 0x28, 0x28},
     {0xff, 0xeb, 0xee}},
    {"2020-04-02T10:00:00Z",
     {"Valmennukset siirtyvät verkkoon", "Träningarna flyttar till nätet", "Coaching moves online"},
     {"Koronaepidemian vuoksi kevään valmennukset ja sparraukset pidetään etäyhteyksin.",
      "På grund av coronaepidemin hålls vårens träningar och sparringar på distans.",
      "Because of the coronavirus epidemic the spring's coaching and sparring are held remotely."},
     {"Osallistujat saavat ohjeet ja linkit sähköpostitse viikkoa ennen tapaamista. Jos etäyhteys ei sovi "
      "työyhteisöllenne, ottakaa yhteyttä valmentajaan.",
      "Deltagarna får instruktioner och länkar per e-post en vecka före träffen.",
      "Participants get instructions and links by email a week before the meeting."},
     {"Videopalaveri kannettavan tietokoneen näytöllä", "Videomöte på en bärbar dators skärm",
      "A video meeting on a laptop screen"},
     {0x37, 0x47, 0x4f},
     {0x80, 0xcb, 0xc4}},
    {"2020-12-10T08:00:00Z",
     {"Ohjelma päättyy: loppujulkaisu ja arviointi ilmestyivät", "Programmet avslutas: slutpublikationen har utkommit",
      "The programme ends: the final publication and the evaluation are out"},
     {"Loppujulkaisu kertoo ohjelman historian ja esimerkkejä yli 240 organisaatiosta.",
      "Slutpublikationen berättar programmets historia med exempel från över 240 organisationer.",
      "The final publication tells the programme's history with examples from over 240 organisations."},
     {"Ulkoisen arvioinnin teki MDI Oy marraskuussa 2020. Molemmat julkaisut löytyvät Julkaisut-sivulta.",
      "Den externa utvärderingen gjordes av MDI Oy i november 2020.",
      "The external evaluation was made by MDI Oy in November 2020."},
     {"Loppujulkaisun kansi", "Slutpublikationens pärm", "The cover of the final publication"},
     {0x4e, 0x34, 0x2e},
     {0xff, 0xcc, 0x80}},
};

static void chunk(buf *b, const char *type, const unsigned char *data, size_t n) {
  unsigned char len[4] = {(unsigned char)(n >> 24), (unsigned char)(n >> 16), (unsigned char)(n >> 8),
                          (unsigned char)n};
  buf_append(b, len, 4);
  buf_append(b, type, 4);
  if (n) buf_append(b, data, n);
  uLong crc = crc32(0L, (const Bytef *)type, 4);
  if (n) crc = crc32(crc, data, (uInt)n);
  unsigned char c[4] = {(unsigned char)(crc >> 24), (unsigned char)(crc >> 16), (unsigned char)(crc >> 8),
                        (unsigned char)crc};
  buf_append(b, c, 4);
}

/* A W×H RGB PNG into b: the background colour with a band of the other and a diagonal stripe. Returns 0 or -1. */
static int make_png(buf *b, const unsigned char bg[3], const unsigned char fg[3]) {
  size_t row = 1 + W * 3, rawlen = row * H;
  unsigned char *raw = malloc(rawlen);
  uLongf zlen = compressBound(rawlen);
  unsigned char *z = malloc(zlen);
  if (!raw || !z) {
    free(raw);
    free(z);
    return -1;
  }
  for (int y = 0; y < H; y++) {
    unsigned char *p = raw + (size_t)y * row;
    *p++ = 0; /* filter: none */
    for (int x = 0; x < W; x++) {
      int band = y > H / 2 && y < H / 2 + 14, stripe = ((x + y) / 8) % 6 == 0 && y < H / 2;
      const unsigned char *c = band || stripe ? fg : bg;
      memcpy(p, c, 3);
      p += 3;
    }
  }
  int rc = compress2(z, &zlen, raw, rawlen, 9) == Z_OK ? 0 : -1;
  if (rc == 0) {
    static const unsigned char sig[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    unsigned char ihdr[13] = {0, 0, 0, W, 0, 0, 0, H, 8, 2, 0, 0, 0}; /* 8-bit RGB */
    buf_append(b, sig, sizeof sig);
    chunk(b, "IHDR", ihdr, sizeof ihdr);
    chunk(b, "IDAT", z, zlen);
    chunk(b, "IEND", NULL, 0);
  }
  free(raw);
  free(z);
  return rc;
}

/* A uid the same in every demo: a name-based UUID (version 8) from BLAKE2b of the item's number. */
static void demo_uid(int i, char out[46]) {
  unsigned char h[16];
  char name[48];
  snprintf(name, sizeof name, "kehto-demo-news-%d", i);
  crypto_generichash(h, sizeof h, (const unsigned char *)name, strlen(name), NULL, 0);
  h[6] = (unsigned char)((h[6] & 0x0f) | 0x80);
  h[8] = (unsigned char)((h[8] & 0x3f) | 0x80);
  snprintf(out, 46, "urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", h[0], h[1], h[2],
           h[3], h[4], h[5], h[6], h[7], h[8], h[9], h[10], h[11], h[12], h[13], h[14], h[15]);
}

int demo_news(db *d, kerr *e) {
  int n = (int)(sizeof ITEMS / sizeof ITEMS[0]);
  for (int i = 0; i < n; i++) {
    const demo_item *it = &ITEMS[i];
    buf png = BUF_INIT;
    if (make_png(&png, it->bg, it->fg) != 0) {
      buf_free(&png);
      return kerr_set(e, NULL, "demo news: cannot make an image");
    }
    char fname[32];
    snprintf(fname, sizeof fname, "uutinen-%d.png", i + 1);
    long long img = media_add(d, "image", fname, png.data, png.len, "demo", "image", e);
    buf_free(&png);
    if (!img) return K_ERR;
    char uid[46];
    demo_uid(i + 1, uid);
    db_stmt *st = db_prepare(
        d, "INSERT INTO news(uid, title, title_sv, title_en, lead, lead_sv, lead_en, body, body_sv, body_en, image_id,"
           " image_alt, image_alt_sv, image_alt_en, publish_at, created_by, created_at, updated_by, updated_at)"
           " VALUES(:uid, :t0, :t1, :t2, :l0, :l1, :l2, :b0, :b1, :b2, :img, :a0, :a1, :a2, :at, 'demo', :at, 'demo', "
           ":at)");
    static const char *const tn[] = {":t0", ":t1", ":t2"}, *const ln[] = {":l0", ":l1", ":l2"},
                             *const bn[] = {":b0", ":b1", ":b2"}, *const an[] = {":a0", ":a1", ":a2"};
    db_bind_text(st, ":uid", uid);
    for (int k = 0; k < 3; k++) {
      db_bind_text(st, tn[k], it->title[k]);
      db_bind_text(st, ln[k], it->lead[k]);
      db_bind_text(st, bn[k], it->body[k]);
      db_bind_text(st, an[k], it->alt[k]);
    }
    db_bind_int(st, ":img", img);
    db_bind_text(st, ":at", it->at);
    int rc = db_step(st);
    db_done(st);
    if (rc < 0) return kerr_set(e, NULL, "demo news: %r", db_errmsg(d));
  }
  return n;
}
