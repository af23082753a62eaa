/* demo_reports: the demo programme's texts of the annual and final reports to the funder in Finnish and Swedish,
 * written as Kunteko 2020's own reports read, with live figures, tables and charts (report/narrative.h). */
#include "demo/demo_reports.h"

#include "model/report_template.h"

static const char ANNUAL_FI[] =
    "# Johdanto\n\n"
    "Kunteko 2020 on kunta- ja maakunta-alan työelämän kehittämisohjelma, jota KT Kuntatyönantajat toteuttaa "
    "yhdessä pääsopijajärjestöjen JUKOn, Sote ry:n ja JAUn kanssa. Ohjelmaa rahoittaa Hämeen ELY-keskus Euroopan "
    "sosiaalirahaston (ESR) tuella. Tämä vuosiraportti kertoo vuoden {{report.year}} toiminnasta "
    "({{report.period}}).\n\n"
    "Vuonna {{report.year}} ohjelma tavoitti **{{report.year.organisations}} organisaatiota** ja "
    "**{{report.year.people}} henkilöä**, joilla oli yhteensä {{report.year.participations}} osallistumista "
    "ohjelman palveluihin.\n\n"
    "# Ohjelman tavoitteet\n\n"
    "Ohjelman kuusi tavoitetta ohjasivat vuoden toimintaa:\n\n"
    "1. tehdä näkyväksi kunnissa tehtävää kehittämistyötä\n"
    "2. levittää vaikuttavia käytäntöjä ja kiinnostavia ratkaisuja\n"
    "3. innostaa kehittämiseen ja uudistumiseen sekä vahvistaa kehittämisosaamista\n"
    "4. käynnistää uutta kehittämistoimintaa\n"
    "5. syventää oppimista alalta nousevien teemojen ympärillä\n"
    "6. tuottaa työelämän läpimurtoinnovaatioita\n\n"
    "# Palvelut ja tavoittavuus\n\n"
    "Sparrauksessa ulkopuolinen sparraaja valmentaa yhtä organisaatiota 1–3 päivän ajan; johto, esihenkilöt ja "
    "henkilöstön edustajat ovat aina mukana. Lisäksi ohjelma valmensi sisäisiä kehittäjiä, järjesti työpajoja, "
    "verkostoja, webinaareja ja alueellisia tilaisuuksia sekä teki tutkimusyhteistyötä.\n\n"
    "Koko rahoituskaudella ({{report.period}}) palveluihin on osallistuttu {{report.participations}} kertaa, ja "
    "mukana on ollut {{report.organisations}} organisaatiota.\n\n"
    "## Palvelutyypeittäin\n\n"
    "{{table:service_type}}\n\n"
    "{{chart:service_type}}\n\n"
    "## Vuosittain\n\n"
    "{{table:year}}\n\n"
    "## Alueittain\n\n"
    "Ohjelma tavoitti organisaatioita kaikista maakunnista. Kartta näyttää tavoitetut organisaatiot "
    "maakunnittain.\n\n"
    "{{chart:region}}\n\n"
    "{{table:region}}\n\n"
    "# ESR-osallistujat\n\n"
    "ESR-osallistujista kerätään aloitustiedot, kun henkilö tulee mukaan, ja lopetustiedot, kun hän lähtee. "
    "Rahoituskaudella ESR-osallistujia on ollut {{report.participants}}, joista naisia {{report.gender.nainen.participants}} "
    "ja miehiä {{report.gender.mies.participants}}.\n\n"
    "{{table:gender}}\n\n"
    "{{table:age}}\n\n"
    "{{table:education}}\n\n"
    "# Kehittämisteot\n\n"
    "Tekojen torilla julkaistiin ohjelman aikana {{stats.deeds}} kehittämistekoa. Eniten tekoja tuli sosiaali- ja "
    "terveydenhuollosta, seuraavaksi eniten opetuksesta ja kasvatuksesta. Vuosittain palkitaan parhaat teot "
    "viestinnän, teknologian, ympäristön ja tasa-arvon sarjoissa.\n\n"
    "# Arviointi ja seuranta\n\n"
    "Ohjelman omaa vaikutusten seurantaa tehtiin sparrausten alku- ja loppukyselyillä. Ulkoinen arvioija seuraa "
    "ohjelmaa koko sen ajan, ja sen havainnot kootaan loppuraporttiin.\n";

static const char ANNUAL_SV[] =
    "# Inledning\n\n"
    "Kunteko 2020 är ett utvecklingsprogram för arbetslivet inom kommun- och landskapssektorn som KT "
    "Kommunarbetsgivarna genomför tillsammans med huvudavtalsorganisationerna JUKO, Sote rf och JAU. Programmet "
    "finansieras av NTM-centralen i Tavastland med stöd från Europeiska socialfonden (ESF). Denna årsrapport "
    "beskriver verksamheten år {{report.year}} ({{report.period}}).\n\n"
    "År {{report.year}} nådde programmet **{{report.year.organisations}} organisationer** och "
    "**{{report.year.people}} personer**, med sammanlagt {{report.year.participations}} deltaganden.\n\n"
    "# Tjänster och räckvidd\n\n"
    "Under hela finansieringsperioden ({{report.period}}) deltog {{report.organisations}} organisationer i programmets "
    "tjänster: sparrning, utbildning av interna utvecklare, workshoppar, nätverk, webbinarier och regionala "
    "evenemang.\n\n"
    "## Per tjänstetyp\n\n"
    "{{table:service_type}}\n\n"
    "{{chart:service_type}}\n\n"
    "## Per landskap\n\n"
    "{{chart:region}}\n\n"
    "{{table:region}}\n\n"
    "# ESF-deltagare\n\n"
    "Under perioden fanns {{report.participants}} ESF-deltagare, varav {{report.gender.nainen.participants}} kvinnor "
    "och {{report.gender.mies.participants}} män.\n\n"
    "{{table:gender}}\n\n"
    "{{table:age}}\n\n"
    "# Utvecklingsgärningar\n\n"
    "På Gärningarnas torg har {{stats.deeds}} utvecklingsgärningar publicerats under programmet.\n";

static const char ANNUAL_2020_FI[] =
    "# Johdanto\n\n"
    "Vuosi {{report.year}} oli ohjelman viimeinen vuosi, ja koronapandemia muutti sen toiminnan. Sparraukset, "
    "työpajat ja verkostot siirtyivät keväällä verkkoon, ja webinaareista tuli ohjelman tärkein kohtaamispaikka.\n\n"
    "Vuonna {{report.year}} ohjelma tavoitti **{{report.year.organisations}} organisaatiota** ja "
    "**{{report.year.people}} henkilöä** ({{report.year.participations}} osallistumista).\n\n"
    "# Palvelut ja tavoittavuus\n\n"
    "Koko rahoituskaudella ({{report.period}}) mukana oli {{report.organisations}} organisaatiota ja "
    "{{report.participants}} ESR-osallistujaa.\n\n"
    "{{table:service_type}}\n\n"
    "{{chart:service_type}}\n\n"
    "{{table:year}}\n\n"
    "# ESR-osallistujat\n\n"
    "{{table:gender}}\n\n"
    "{{table:labour}}\n\n"
    "# Arviointi\n\n"
    "Ulkoisen arvioinnin loppukyselyyn vastasi {{survey.4.responses}} osallistujaa. Heistä "
    "{{survey.4.vaikutus.kaynnistaminen.share_ge}} katsoi ohjelman vaikuttaneen myönteisesti kehittämistyön "
    "käynnistämiseen.\n";

static const char FINAL_FI[] =
    "# Tiivistelmä\n\n"
    "Kunteko 2020 – kunta- ja maakunta-alan työelämän kehittämisohjelma toimi vuosina {{report.period}}. Ohjelma "
    "tavoitti **{{report.organisations}} organisaatiota**, ja sen palveluihin osallistuttiin "
    "{{report.participations}} kertaa. ESR-osallistujia oli {{report.participants}}, ja tapahtumiin ja "
    "webinaareihin osallistui lisäksi {{report.attendees}} henkeä. Tekojen torille julkaistiin {{report.deeds}} "
    "kehittämistekoa.\n\n"
    "# Ohjelman tausta ja tavoitteet\n\n"
    "Ohjelman toteuttivat KT Kuntatyönantajat ja pääsopijajärjestöt JUKO, Sote ry ja JAU. Päärahoittaja oli Hämeen "
    "ELY-keskus Euroopan sosiaalirahaston tuella kahdella rahoituskaudella: 2015–2017 (hanke S20190) ja 2018–2020 "
    "(hanke S21159).\n\n"
    "Ohjelman tavoitteena oli tehdä kehittämistyö näkyväksi, levittää vaikuttavia käytäntöjä, innostaa "
    "kehittämiseen, käynnistää uutta kehittämistoimintaa, syventää oppimista ja tuottaa läpimurtoinnovaatioita.\n\n"
    "# Toiminta ja tavoittavuus\n\n"
    "## Palvelut\n\n"
    "{{table:service_type}}\n\n"
    "{{chart:service_type}}\n\n"
    "## Toiminta vuosittain\n\n"
    "{{table:year}}\n\n"
    "{{chart:year}}\n\n"
    "## Toimialat ja organisaatiot\n\n"
    "{{table:sector}}\n\n"
    "{{table:org_type}}\n\n"
    "## Alueellinen kattavuus\n\n"
    "{{chart:region}}\n\n"
    "{{table:region}}\n\n"
    "# ESR-osallistujat\n\n"
    "Naisia oli {{report.gender.nainen.participants}} ja miehiä {{report.gender.mies.participants}}.\n\n"
    "{{table:gender}}\n\n"
    "{{table:age}}\n\n"
    "{{table:labour}}\n\n"
    "{{table:education}}\n\n"
    "# Tavoitteet ja toteuma\n\n"
    "{{table:key}}\n\n"
    "# Arvioinnin tulokset\n\n"
    "Ulkoisen arvioinnin loppukyselyyn vastasi {{survey.4.responses}} osallistujaa. Heistä "
    "{{survey.4.vaikutus.kaynnistaminen.share_ge}} arvioi ohjelman vaikuttaneen myönteisesti kehittämistyön "
    "käynnistämiseen.\n\n"
    "Arvioija suositteli, että johdon ja henkilöstön sitoutumiseen kiinnitetään huomiota, opit otetaan käyttöön, "
    "työmarkkinaosapuolilla on yhteinen näkemys ja verkostoitumista jatketaan.\n";

static const char FINAL_SV[] =
    "# Sammanfattning\n\n"
    "Kunteko 2020 – utvecklingsprogrammet för arbetslivet inom kommun- och landskapssektorn verkade åren "
    "{{report.period}}. Programmet nådde **{{report.organisations}} organisationer** och "
    "{{report.participations}} deltaganden. Antalet ESF-deltagare var {{report.participants}}, och på "
    "Gärningarnas torg publicerades {{report.deeds}} utvecklingsgärningar.\n\n"
    "# Verksamhet och räckvidd\n\n"
    "{{table:service_type}}\n\n"
    "{{chart:service_type}}\n\n"
    "{{table:year}}\n\n"
    "{{chart:region}}\n\n"
    "# ESF-deltagare\n\n"
    "{{table:gender}}\n\n"
    "{{table:age}}\n\n"
    "# Utvärdering\n\n"
    "På den externa utvärderingens slutenkät svarade {{survey.4.responses}} deltagare.\n";

int demo_reports(db *d, kerr *e) {
  static const struct {
    const char *kind;
    int year;
    const char *lang, *body;
  } T[] = {{"annual", 0, "fi", ANNUAL_FI},
           {"annual", 0, "sv", ANNUAL_SV},
           {"annual", 2020, "fi", ANNUAL_2020_FI},
           {"final", 0, "fi", FINAL_FI},
           {"final", 0, "sv", FINAL_SV}};
  int n = 0;
  for (size_t i = 0; i < sizeof T / sizeof T[0]; i++, n++)
    if (rtemplate_store(d, T[i].kind, T[i].year, T[i].lang, T[i].body, "demo", e) != K_OK) return K_ERR;
  return n;
}
