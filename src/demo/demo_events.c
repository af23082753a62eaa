/* demo_events: the demo programme's events calendar: webinars and events of 2019–2020, and deliveries in it. */
#include "demo/demo_events.h"

#include "model/event.h"

typedef struct demo_event {
  const char *kind, *service_type; /* the 2018–2020 service of that type it belongs to, or NULL */
  const char *title, *title_sv, *title_en, *description;
  const char *start_date, *start_time, *end_date, *end_time, *place, *online_url;
  int published;
} demo_event;

static const demo_event events[] = {
    {"webinar", "webinaari", "Tuloksellisuus kuntatyössä – mitä se tarkoittaa?",
     "Resultat i kommunalt arbete – vad betyder det?", "Performance in municipal work – what does it mean?",
     "Webinaarissa käydään läpi, miten tuloksellisuus näkyy työyhteisön arjessa ja miten sitä voi kehittää yhdessä "
     "henkilöstön kanssa. Puheenvuorot kahdesta kunnasta.\n\nWebinaari tallennetaan.",
     "12.3.2019", "9.00", "12.3.2019", "10.30", "", "https://webinaari.example.fi/tuloksellisuus", 1},
    {"event", "tilaisuus", "Kunteko-päivä 2019", "Kunteko-dagen 2019", "Kunteko Day 2019",
     "Ohjelman vuosittainen päivä kunta-alan kehittäjille: **Tekojen torin** parhaat teot, työpajoja ja "
     "verkostoitumista. Osallistuminen on maksutonta.",
     "15.5.2019", "9.30", "15.5.2019", "16.00", "Helsinki, Paasitorni", "", 1},
    {"webinar", "webinaari", "Työhyvinvointi muutoksessa", NULL, NULL,
     "Miten työhyvinvointia johdetaan, kun työ ja organisaatio muuttuvat? Webinaarissa kuullaan esimerkkejä "
     "sote-alalta ja kasvatus- ja opetusalalta.",
     "24.9.2019", "13.00", "24.9.2019", "14.30", "", "https://webinaari.example.fi/tyohyvinvointi", 1},
    {"event", NULL, "Tekojen tori -palkintojen julkistus 2019", "Offentliggörandet av Gärningstorgets priser 2019",
     "Announcing the Deeds Market awards 2019",
     "Raati julkistaa vuoden 2019 palkitut teot ja kunniamaininnat. Tilaisuus striimataan.", "28.11.2019", "13.00",
     "28.11.2019", "15.00", "Helsinki, Kuntatalo", "https://webinaari.example.fi/palkinnot", 1},
    {"webinar", "webinaari", "Etätyön johtaminen poikkeusoloissa", "Att leda distansarbete under undantagsförhållanden",
     "Leading remote work in exceptional times",
     "Kevään 2020 poikkeusolot siirsivät suuren osan kuntatyöstä etänä tehtäväksi. Webinaarissa esihenkilöt "
     "kertovat, mikä toimi ja mikä ei.",
     "2.4.2020", "9.00", "2.4.2020", "10.00", "", "https://webinaari.example.fi/etatyo", 1},
    {"webinar", "webinaari", "Digitalisaatio arjen työssä", NULL, NULL,
     "Teematyöpajan tuloksia: pieniä digitaalisia parannuksia, jotka säästävät aikaa asiakastyöhön.", "26.5.2020",
     "13.00", "26.5.2020", "14.30", "", "https://webinaari.example.fi/digitalisaatio", 1},
    {"webinar", "webinaari", "Kokeilukulttuuri kunnissa", "Försökskultur i kommunerna",
     "Culture of experiments in "
     "municipalities",
     "Miten kokeillaan pienesti ja opitaan nopeasti? Haastetyöpajojen esimerkkejä ja vinkkejä omiin kokeiluihin.",
     "15.9.2020", "9.00", "15.9.2020", "10.30", "", "https://webinaari.example.fi/kokeilut", 1},
    {"event", "tilaisuus", "Kunteko 2020 -loppuseminaari", "Kunteko 2020 – slutseminarium",
     "Kunteko 2020 closing "
     "seminar",
     "Ohjelman loppuseminaarissa katsotaan, mitä kuuden vuoden aikana saatiin aikaan: loppujulkaisu, ulkoisen "
     "arvioinnin tulokset ja yli 240 organisaation kokemukset. Seminaariin voi osallistua paikan päällä tai verkossa.",
     "26.11.2020", "9.00", "26.11.2020", "15.30", "Helsinki, Kuntatalo", "https://webinaari.example.fi/loppuseminaari",
     1},
    {"webinar", "webinaari", "Ulkoisen arvioinnin tulokset", "Resultaten av den externa utvärderingen",
     "Results of the external evaluation",
     "MDI Oy esittelee Kunteko 2020 -ohjelman ulkoisen arvioinnin tulokset ja suositukset.", "10.12.2020", "13.00",
     "10.12.2020", "14.00", "", "https://webinaari.example.fi/arviointi", 1},
    {"webinar", NULL, "Kevään 2021 webinaarisarja (suunnitteilla)", NULL, NULL,
     "Luonnos: aiheet ja päivät sovitaan joulukuussa.", "18.2.2021", "9.00", "18.2.2021", "10.00", "", "", 0},
};

/* The 2018–2020 service of a type, or 0. */
static long long service_of(db *d, const char *type) {
  if (!type) return 0;
  return db_int(d, 0,
                "SELECT s.id FROM service s JOIN funding_period p ON p.id=s.period_id WHERE s.type_code=?1"
                " AND p.start_year=2018 ORDER BY s.id LIMIT 1",
                "t", type);
}

int demo_events(db *d, kerr *e) {
  int n = 0;
  for (size_t i = 0; i < sizeof events / sizeof events[0]; i++) {
    const demo_event *x = &events[i];
    event v = {.kind = (char *)x->kind,
               .title = (char *)x->title,
               .title_sv = (char *)x->title_sv,
               .title_en = (char *)x->title_en,
               .description = (char *)x->description,
               .start_date = (char *)x->start_date,
               .start_time = (char *)x->start_time,
               .end_date = (char *)x->end_date,
               .end_time = (char *)x->end_time,
               .place = (char *)x->place,
               .online_url = (char *)x->online_url,
               .service_id = service_of(d, x->service_type),
               .published = x->published};
    if (!event_save(d, &v, "demo", e)) return -1;
    n++;
  }
  /* the public services' deliveries (webinars, regional events) in the calendar, with their times */
  if (db_exec(d,
              "UPDATE delivery SET in_calendar=1 WHERE service_id IN (SELECT s.id FROM service s JOIN funding_period p"
              " ON p.id=s.period_id WHERE s.type_code IN ('webinaari','tilaisuus') AND p.start_year=2018)",
              "") != DB_OK ||
      db_exec(d,
              "UPDATE delivery_session SET starts_time=CASE WHEN id % 2 = 0 THEN '09:00' ELSE '13:00' END,"
              " ends_time=CASE WHEN id % 2 = 0 THEN '10:30' ELSE '14:30' END WHERE delivery_id IN (SELECT x.id FROM"
              " delivery x JOIN service s ON s.id=x.service_id WHERE x.in_calendar=1 AND s.type_code='webinaari')",
              "") != DB_OK ||
      db_exec(d,
              "UPDATE delivery_session SET starts_time='09:30', ends_time='15:30' WHERE id % 2 = 1 AND delivery_id IN"
              " (SELECT x.id FROM delivery x JOIN service s ON s.id=x.service_id WHERE x.in_calendar=1"
              " AND s.type_code='tilaisuus')",
              "") != DB_OK)
    return kerr_storage(e, "Demon tapahtumakalenteri", db_errmsg(d));
  return n;
}
