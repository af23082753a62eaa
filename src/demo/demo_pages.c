/* demo_pages: the demo programme's own pages (about, services in brief, contact) in three languages, Markdown, in
 * the main menu. The facts are Kunteko 2020's; the addresses are placeholders at kehto.example. */
#include "demo/demo_pages.h"

#include "core/arena.h"
#include "model/sitepage.h"

typedef struct demo_page {
  const char *slug, *title[3], *body[3];
} demo_page;

static const demo_page PAGES[] = {
    {"tietoa-ohjelmasta",
     {"Tietoa ohjelmasta", "Om programmet", "About the programme"},
     {"Kunteko 2020 oli kunta- ja maakunta-alan työelämän kehittämisohjelma vuosina 2015–2020. Sen toteuttivat "
      "yhdessä **KT Kuntatyönantajat** ja pääneuvottelujärjestöt **JUKO**, **Sote ry** (aiemmin KoHo ry) ja "
      "**JAU**.\n\n"
      "## Rahoitus\n\n"
      "Päärahoittaja oli Hämeen ELY-keskus Euroopan sosiaalirahaston (ESR) tuella. Ohjelmalla oli kaksi "
      "rahoituskautta: 2015–2017 (ESR-hanke S20190) ja 2018–2020 (S21159). Kokonaisbudjetti oli noin kolme "
      "miljoonaa euroa.\n\n"
      "## Tavoitteet\n\n"
      "1. Tehdä näkyväksi kunnissa tehtävää kehittämistyötä.\n"
      "2. Levittää vaikuttavia käytäntöjä ja kiinnostavia ratkaisuja.\n"
      "3. Innostaa kehittämiseen ja uudistumiseen sekä vahvistaa kehittämisosaamista.\n"
      "4. Käynnistää uutta kehittämistoimintaa.\n"
      "5. Syventää oppimista alalta nousevien teemojen ympärillä.\n"
      "6. Tuottaa työelämän läpimurtoinnovaatioita.\n\n"
      "## Tuloksia\n\n"
      "Ohjelmassa oli mukana yli 240 organisaatiota ja noin 5 000 osallistujaa valmennuksissa, verkostoissa ja "
      "työpajoissa; tilaisuudet ja webinaarit mukaan lukien noin 10 000 ihmistä. Tekojen torille kirjattiin "
      "kuuden vuoden aikana 672 kehittämistekoa.\n\n"
      "Ulkoisen arvioinnin (MDI, 2020) vastaajista yli 75 prosenttia koki ohjelman vaikuttaneen myönteisesti "
      "kehittämistyön käynnistymiseen, suuntaamiseen ja onnistumiseen.",
      "Kunteko 2020 var ett utvecklingsprogram för arbetslivet inom den kommunala sektorn 2015–2020. Det "
      "genomfördes av **KT Kommunarbetsgivarna** och huvudavtalsorganisationerna **JUKO**, **Sote ry** och "
      "**JAU**.\n\n"
      "## Finansiering\n\n"
      "Huvudfinansiär var NTM-centralen i Tavastland med stöd av Europeiska socialfonden (ESF). Budgeten var "
      "cirka tre miljoner euro.\n\n"
      "## Resultat\n\n"
      "Över 240 organisationer och cirka 5 000 deltagare var med i coachning, nätverk och workshoppar.",
      "Kunteko 2020 was the working-life development programme of the municipal sector in 2015–2020, run by "
      "**KT Local Government Employers** with the main negotiating organisations **JUKO**, **Sote ry** and "
      "**JAU**.\n\n"
      "## Funding\n\n"
      "The main funder was the Häme ELY Centre with support from the European Social Fund (ESF). The budget was "
      "about three million euros over two funding periods.\n\n"
      "## Results\n\n"
      "Over 240 organisations and about 5,000 participants took part in coaching, networks and workshops; with "
      "events and webinars, about 10,000 people."}},
    {"palvelut-lyhyesti",
     {"Palvelut lyhyesti", "Tjänsterna i korthet", "Services in brief"},
     {"Ohjelman palvelut olivat maksuttomia kunta- ja maakunta-alan työpaikoille. Kaikki palvelut löytyvät "
      "[palveluluettelosta](/palvelut).\n\n"
      "- **Sparraus**: 1–3 päivää ulkopuolisen valmentajan tukea yhdelle organisaatiolle. Valmentaja valitaan "
      "kilpailutetuista palveluntuottajista, ja sparrausta haetaan sähköisesti. Mukana ovat aina johto, "
      "esihenkilöt ja henkilöstön edustajat.\n"
      "- **Sisäisten kehittäjien valmennus**: kolmen päivän valmennus organisaation omille kehittäjille.\n"
      "- **Työpajat**: teema-, toimiala- ja haastetyöpajat sekä klinikat.\n"
      "- **Verkostot**: tulosverkosto, oppimisverkostot ja kehittämisverkostot.\n"
      "- **Webinaarit ja tilaisuudet**, myös alueelliset tilaisuudet.\n"
      "- **Tutkimusyhteistyö** korkeakoulujen ja tutkimuslaitosten kanssa.\n\n"
      "Kerro oman työpaikkasi kehittämisteosta [Tekojen torilla](/tekot/uusi).",
      "Programmets tjänster var avgiftsfria för arbetsplatser inom den kommunala sektorn.\n\n"
      "- **Sparrning**: 1–3 dagars stöd av en extern coach för en organisation.\n"
      "- **Träning av interna utvecklare**: tre dagar.\n"
      "- **Workshoppar**, **nätverk**, **webbinarier och evenemang** samt **forskningssamarbete**.",
      ""}},
    {"yhteystiedot",
     {"Yhteystiedot", "Kontaktuppgifter", "Contact"},
     {"## Ohjelmatoimisto\n\n"
      "Kunteko 2020 -ohjelma  \n"
      "KT Kuntatyönantajat  \n"
      "Sähköposti: ohjelma@kehto.example\n\n"
      "## Tekojen tori ja palvelut\n\n"
      "Tekojen toria ja palveluihin hakemista koskevat kysymykset: tori@kehto.example\n\n"
      "## Viestintä\n\n"
      "Uutiset ja julkaisut: viestinta@kehto.example\n\n"
      "*Esittelyaineisto: osoitteet ovat paikkamerkkejä.*",
      "## Programkansliet\n\n"
      "E-post: ohjelma@kehto.example\n\n"
      "*Demonstrationsdata: adresserna är platshållare.*",
      "## Programme office\n\n"
      "Email: ohjelma@kehto.example\n\n"
      "*Demonstration data: the addresses are placeholders.*"}},
};

int demo_pages(db *d, kerr *e) {
  arena a = {0};
  int n = 0;
  for (size_t i = 0; i < sizeof PAGES / sizeof PAGES[0]; i++) {
    const demo_page *g = &PAGES[i];
    site_page p = {.slug = g->slug};
    for (int l = 0; l < 3; l++) {
      p.title[l] = (char *)(*g->body[l] ? g->title[l] : ""); /* a title without a text would show a blank page */
      p.body[l] = (char *)g->body[l];
    }
    if (!sitepage_create(d, &a, &p, 1, "demo", e)) {
      n = -1;
      break;
    }
    n++;
  }
  arena_free(&a);
  return n;
}
