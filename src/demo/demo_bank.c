/* demo_bank: the Finnish phrase banks of the demo deeds, one per sector: workplace units and kinds of deeds. */
#include "demo/demo_text.h"

#define U(i) (1u << (i))
#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---- social and health care ---- */

static const demo_unit sote_units[] = {
    {"kotihoito", "kotihoidon", "kotihoidossa"},                                                     /* 0 */
    {"terveysasema", "terveysaseman", "terveysasemalla"},                                            /* 1 */
    {"vuodeosasto", "vuodeosaston", "vuodeosastolla"},                                               /* 2 */
    {"ikäihmisten palvelukeskus", "ikäihmisten palvelukeskuksen", "ikäihmisten palvelukeskuksessa"}, /* 3 */
    {"suun terveydenhuolto", "suun terveydenhuollon", "suun terveydenhuollossa"},                    /* 4 */
    {"lastensuojelu", "lastensuojelun", "lastensuojelussa"},                                         /* 5 */
    {"aikuissosiaalityö", "aikuissosiaalityön", "aikuissosiaalityössä"},                             /* 6 */
    {"päivystys", "päivystyksen", "päivystyksessä"},                                                 /* 7 */
    {"neuvola", "neuvolan", "neuvolassa"},                                                           /* 8 */
    {"vammaispalvelut", "vammaispalvelujen", "vammaispalveluissa"},                                  /* 9 */
    {"tehostettu palveluasuminen", "tehostetun palveluasumisen", "tehostetussa palveluasumisessa"},  /* 10 */
    {"mielenterveys- ja päihdepalvelut", "mielenterveys- ja päihdepalvelujen",
     "mielenterveys- ja päihdepalveluissa"}, /* 11 */
};

static const demo_idea sote_ideas[] = {
    {{"Mobiilikirjaus käyttöön {L}", "Kirjaaminen siirtyi asiakkaan luo", "Reaaliaikainen kirjaaminen {L}",
      "Tabletti mukaan asiakaskäynneille", "Kirjaukset valmiiksi jo käynnin aikana",
      "Vähemmän paperitöitä, enemmän aikaa asiakkaille"},
     "Siirryimme kirjaamaan asiakastiedot mobiililaitteella heti käynnin aikana, jolloin aikaa jää enemmän "
     "asiakkaille.",
     "{G} kirjaukset tehtiin vuoron lopussa toimistolla, ja niihin kului jopa tunti päivässä. Tieto kulki viiveellä, "
     "ja asiakkaiden asioita jouduttiin selvittämään jälkikäteen.",
     "Vapauttaa aikaa asiakastyöhön ja parantaa tiedonkulkua vuorosta toiseen.",
     "Kokeilimme kahden tiimin kanssa tablettien käyttöä asiakaskäynneillä. Laadimme yhteiset kirjausfraasit ja "
     "sovimme, että kirjaus tehdään aina ennen seuraavaa käyntiä.",
     "Kirjaamiseen kuluva aika väheni noin {P} prosenttia, ja välitöntä asiakastyötä on nyt enemmän. Myös asiakkaiden "
     "omaiset saavat tiedon nopeammin.",
     "digitalisaatio, asiakaslähtöisyys, tuloksellisuus",
     U(0) | U(3) | U(9) | U(10),
     0},
    {{"Autonominen työvuorosuunnittelu {L}", "Työntekijät suunnittelevat itse työvuoronsa",
      "Työvuorot suunnitellaan yhdessä", "Vuorotoiveet ja pelisäännöt samalle listalle",
      "Työvuorojen itsesuunnittelu {L}", NULL},
     "{G} työntekijät suunnittelevat nyt työvuoronsa itse yhteisten pelisääntöjen mukaan.",
     "{G} työvuorolistat tehtiin esihenkilön pöydän ääressä, ja vuorotoiveiden yhteensovittaminen vei paljon aikaa. "
     "Henkilöstökyselyssä työn ja muun elämän yhteensovittaminen sai heikot arviot.",
     "Lisätä työntekijöiden vaikutusmahdollisuuksia omiin työaikoihin ja parantaa työhyvinvointia.",
     "Sovimme yhdessä pelisäännöt: jokainen merkitsee toiveensa listaan, ja tiimi tasaa vuorot yhteisessä "
     "palaverissa. Esihenkilö tarkistaa listan lopuksi. Kokeilu kesti puoli vuotta, ja sitä arvioitiin kuukausittain.",
     "Ylitöiden määrä laski {P} prosenttia, ja lyhyet sairauspoissaolot vähenivät. Työntekijät kokevat voivansa "
     "vaikuttaa omaan työhönsä aiempaa enemmän.",
     "työhyvinvointi, osallisuus, johtaminen",
     U(0) | U(2) | U(3) | U(7) | U(10),
     0},
    {{"Jonot purettiin lean-menetelmällä", "Lean-ajattelu {G} arkeen", "Palveluun pääsy nopeutui {L}",
      "Asiakkaan polku läpi vaihe vaiheelta", "Odotusajat lyhenivät {L}", "Takaisinsoitto korvasi puhelinjonot"},
     "Kävimme asiakkaan polun läpi vaihe vaiheelta ja karsimme turhat odotukset.",
     "Asiakkaat joutuivat odottamaan aikaa keskimäärin {K} päivää, ja puhelinjonot olivat pitkiä. Henkilöstö koki, "
     "että päivät kuluivat tulipalojen sammutteluun.",
     "Lyhentää odotusaikoja ja karsia työstä turhia vaiheita.",
     "Kävimme työpajoissa läpi asiakkaan polun ajanvarauksesta käynnin jälkeiseen yhteydenottoon. Tunnistimme "
     "päällekkäisiä vaiheita ja kokeilimme uutta työnjakoa ammattiryhmien kesken.",
     "Odotusaika lyheni {S} päivään, ja takaisinsoittopalvelun ansiosta puhelinjonot lähes katosivat. Asiakkaiden "
     "palaute parani selvästi.",
     "tuloksellisuus, asiakaslähtöisyys, palvelumuotoilu",
     U(1) | U(4) | U(6) | U(8) | U(11),
     1},
    {{"Perehdytyksen uudistus {L}", "Uuden työntekijän perehdytys kuntoon", "Perehdytyskummit {L}",
      "Jokaiselle uudelle työntekijälle oma kummi", "Perehdytysvideot ja tarkistuslista", NULL},
     "Loimme {L} perehdytysmallin, jossa jokaisella uudella työntekijällä on kummi ja selkeä suunnitelma.",
     "Uusia työntekijöitä ja sijaisia tuli jatkuvasti, mutta perehdytys jäi usein kiireen jalkoihin. Moni koki "
     "ensimmäiset viikot raskaiksi, ja osa lähti jo koeaikana.",
     "Luoda yhteinen perehdytysmalli, joka toimii myös kiireessä ja sitouttaa uudet työntekijät.",
     "Kokosimme perehdytysaineiston sähköiseksi, nimesimme jokaiselle tulijalle kummin ja teimme lyhyet videot "
     "keskeisistä työtavoista. Perehdytyksen etenemistä seurataan tarkistuslistalla.",
     "Uusista työntekijöistä {H} prosenttia piti perehdytystä hyvänä, kun edellisenä vuonna osuus oli {P} prosenttia. "
     "Sijaiset sitoutuvat paremmin, ja moni on palannut meille uudelleen.",
     "perehdytys, työhyvinvointi",
     0,
     0},
    {{"Asiakasraati mukaan {G} kehittämiseen", "Kokemusasiantuntijat kehittäjinä", "Asiakkaiden ääni kuuluviin {L}",
      "Asiakkaat ja omaiset suunnittelupöytään", "Asiakasraati {L}", NULL},
     "Asiakkaat ja heidän läheisensä osallistuvat nyt palvelujen suunnitteluun asiakasraadissa.",
     "Palveluja oli kehitetty lähinnä henkilöstön näkökulmasta, eikä asiakkaiden ääni kuulunut suunnittelussa. "
     "Asiakaspalautetta kerättiin, mutta sitä ei käsitelty järjestelmällisesti.",
     "Ottaa asiakkaat ja heidän läheisensä mukaan palvelun suunnitteluun ja arviointiin.",
     "Perustimme asiakasraadin, johon kutsuttiin {S} asiakasta ja omaista sekä kaksi kokemusasiantuntijaa. Raati "
     "kokoontui neljästi vuodessa, ja sen ehdotukset käsiteltiin tiimipalavereissa.",
     "Raadin ehdotuksesta muutettiin muun muassa aukioloaikoja ja asiakaskirjeiden kieltä. Asiakastyytyväisyys nousi "
     "{S} prosenttiyksikköä.",
     "asiakaslähtöisyys, osallisuus, palvelumuotoilu",
     U(0) | U(1) | U(3) | U(4) | U(9) | U(10) | U(11),
     1},
    {{"Työturvallisuus paremmaksi {L}", "Uhkatilanteisiin varauduttiin yhdessä",
      "Turvallisuuskävely ja uhkatilanteiden harjoittelu", "Uhkatilanteiden harjoittelu {L}",
      "Vaaratilanteet näkyviin ilmoittamalla", NULL},
     "Päivitimme toimintaohjeet uhkatilanteisiin ja harjoittelimme niitä koko henkilöstön kanssa.",
     "{G} henkilöstö oli kohdannut uhkaavia tilanteita, mutta niistä ilmoitettiin harvoin, eikä toimintaohjeita "
     "tunnettu.",
     "Vähentää uhkatilanteita ja varmistaa, että jokainen tietää, miten toimia.",
     "Teimme työsuojelun kanssa turvallisuuskävelyn, päivitimme toimintaohjeet ja harjoittelimme uhkatilanteita "
     "kahdessa koulutuksessa. Ilmoitusten tekemistä helpotettiin sähköisellä lomakkeella.",
     "Vaaratilanneilmoituksia tehdään nyt selvästi aiempaa enemmän, mikä oli tavoitteena: tilanteet tulevat "
     "näkyviin. Vakavat uhkatilanteet vähenivät vuodessa {P} prosenttia.",
     "työturvallisuus, työhyvinvointi",
     U(2) | U(5) | U(6) | U(7) | U(10) | U(11),
     0},
    {{"Videovastaanotto käyttöön {L}", "Etäasiointi säästää asiakkaiden aikaa", "Vastaanotolle ilman pitkää matkaa",
      "Etätapaamiset {L}", "Videoyhteys lyhensi asiakkaiden matkoja", NULL},
     "Otimme käyttöön videovastaanoton, jonka ansiosta asiakkaan ei aina tarvitse tulla paikan päälle.",
     "Osa asiakkaista asuu kaukana, ja lyhyetkin käynnit veivät heiltä puoli päivää. Myös peruuntuneita aikoja oli "
     "paljon.",
     "Tarjota vaihtoehto käynnille ja säästää sekä asiakkaiden että työntekijöiden aikaa.",
     "Koulutimme {S} työntekijää videovastaanoton pitämiseen ja teimme asiakkaille selkeän ohjeen. Ensimmäisinä "
     "kuukausina keräsimme palautteen jokaisen etätapaamisen jälkeen.",
     "Kokeilun aikana pidettiin yli {K}0 etätapaamista. Asiakkaista {H} prosenttia haluaa jatkaa etäyhteydellä, ja "
     "peruutukset vähenivät.",
     "digitalisaatio, asiakaslähtöisyys",
     U(1) | U(4) | U(5) | U(6) | U(8) | U(11),
     1},
    {{"Moniammatillinen tiimi tukee kotona asumista", "Yhden tiimin malli {L}",
      "Sairaanhoitaja, fysioterapeutti ja sosiaaliohjaaja samaan tiimiin",
      "Oma vastuutyöntekijä jokaiselle asiakkaalle", "Moniammatillinen tiimi {L}", NULL},
     "Kokosimme eri ammattilaiset samaan tiimiin, jotta asiakas saa avun yhdestä paikasta.",
     "Asiakkaan asiat kulkivat usean eri työntekijän kautta, ja tieto katkesi matkalla. Asiakkaat joutuivat "
     "kertomaan asiansa moneen kertaan.",
     "Koota osaaminen yhteen tiimiin ja vähentää asiakkaiden turhaa siirtelyä.",
     "Sairaanhoitaja, fysioterapeutti ja sosiaaliohjaaja alkoivat työskennellä samassa tiimissä. Tiimi kokoontuu "
     "viikoittain lyhyeen asiakaspalaveriin, ja jokaisella asiakkaalla on oma vastuutyöntekijä.",
     "Päivystyskäynnit vähenivät tiimin asiakkailla {P} prosenttia, ja asiakkaiden palaute on ollut hyvää. "
     "Työntekijät kokevat oppineensa toisiltaan paljon.",
     "asiakaslähtöisyys, johtaminen",
     U(0) | U(3) | U(6) | U(9) | U(11),
     1},
    {{"Siirtoergonomia kuntoon {L}", "Selkä kiittää: siirtotaidot koko henkilöstölle",
      "Siirtotaitovastaavat jokaiseen vuoroon", "Apuvälineet käyttöön {L}", "Fyysinen kuormitus keveni", NULL},
     "Koulutimme siirtotaitovastaavat ja hankimme apuvälineitä, jotta fyysinen kuormitus vähenee.",
     "Tuki- ja liikuntaelinsairauksista johtuvat poissaolot olivat {G} henkilöstöllä yleisiä. Apuvälineitä oli, "
     "mutta niitä ei osattu käyttää.",
     "Vähentää fyysistä kuormitusta ja ennaltaehkäistä sairauspoissaoloja.",
     "Koulutimme jokaiseen vuoroon siirtotaitovastaavan, hankimme uusia apuvälineitä ja harjoittelimme siirtoja "
     "yhdessä fysioterapeutin kanssa.",
     "Tuki- ja liikuntaelinperäiset poissaolot vähenivät {P} prosenttia. Hoitajat kertovat, että selkä ei enää väsy "
     "vuoron lopussa.",
     "työturvallisuus, työhyvinvointi",
     U(0) | U(2) | U(3) | U(9) | U(10),
     0},
    {{"Kokeilukulttuuri {G} arkeen", "Ideataulu ja kahden viikon kokeilut", "Pienet kokeilut {L}",
      "Kahden viikon kokeilut arjen parantajina", "Ideat kahvipöydästä käytäntöön", NULL},
     "Ideat kirjataan ideatauluun, ja parhaita kokeillaan kahden viikon jaksoissa.",
     "Ideoita syntyi paljon, mutta ne jäivät usein kahvipöytäkeskusteluiksi. Muutoksiin suhtauduttiin varauksella, "
     "koska aiemmat uudistukset oli tuotu ylhäältä.",
     "Rohkaista jokaista kokeilemaan pieniä parannuksia nopeasti ja oppimaan niistä.",
     "Otimme käyttöön ideataulun ja kahden viikon kokeilujaksot. Jokaisen kokeilun jälkeen arvioimme lyhyesti, mitä "
     "opimme ja jatketaanko.",
     "Vuoden aikana toteutettiin {K} kokeilua, joista {S} jäi pysyviksi käytännöiksi. Työilmapiirikyselyssä "
     "vaikutusmahdollisuuksien arvio parani selvästi.",
     "kokeilukulttuuri, osallisuus",
     0,
     0},
    {{"Jalkautuva sosiaalityö", "Perheiden tuki lähelle arkea", "Työntekijä tulee sinne, missä asiakas on",
      "Tapaamiset kouluissa ja asukastiloissa", "Jalkautuva työ {L}", NULL},
     "Työntekijät tapaavat asiakkaita siellä, missä he muutenkin ovat: kouluissa, kodeissa ja asukastiloissa.",
     "Asiakkaat kokivat viraston vieraaksi paikaksi, ja moni tapaaminen peruuntui. Avun tarve huomattiin usein liian "
     "myöhään.",
     "Madaltaa kynnystä hakea apua ja tavoittaa asiakkaat aiemmin.",
     "Sovimme koulujen, neuvoloiden ja järjestöjen kanssa viikoittaiset päivystysajat niiden tiloissa. Kokeilimme "
     "myös tapaamisia kävellen ja kotikäyntejä iltaisin.",
     "Peruuntuneet tapaamiset vähenivät {P} prosenttia, ja uusista asiakkaista yhä useampi tuli palveluun "
     "varhaisessa vaiheessa.",
     "asiakaslähtöisyys, yhdenvertaisuus",
     U(5) | U(6) | U(8),
     1},
};

/* ---- education and early childhood ---- */

static const demo_unit opetus_units[] = {
    {"päiväkoti", "päiväkodin", "päiväkodissa"},                       /* 0 */
    {"varhaiskasvatus", "varhaiskasvatuksen", "varhaiskasvatuksessa"}, /* 1 */
    {"esiopetus", "esiopetuksen", "esiopetuksessa"},                   /* 2 */
    {"alakoulu", "alakoulun", "alakoulussa"},                          /* 3 */
    {"yläkoulu", "yläkoulun", "yläkoulussa"},                          /* 4 */
    {"lukio", "lukion", "lukiossa"},                                   /* 5 */
    {"ammattiopisto", "ammattiopiston", "ammattiopistossa"},           /* 6 */
    {"perusopetus", "perusopetuksen", "perusopetuksessa"},             /* 7 */
    {"kansalaisopisto", "kansalaisopiston", "kansalaisopistossa"},     /* 8 */
    {"opiskeluhuolto", "opiskeluhuollon", "opiskeluhuollossa"},        /* 9 */
};

static const demo_idea opetus_ideas[] = {
    {{"Yhteisopettajuus {L}", "Kaksi opettajaa samassa luokassa", "Yhdessä suunniteltu, yhdessä opetettu",
      "Yhteisopettajuus keventää kuormaa", "Samanaikaisopetus {L}", NULL},
     "Opettajat suunnittelevat ja opettavat pareittain, mikä tukee sekä oppilaita että opettajien jaksamista.",
     "Opetusryhmissä oli paljon tukea tarvitsevia oppilaita, ja opettajat kokivat jäävänsä yksin. Erityisopettajan "
     "aika ei riittänyt kaikkiin ryhmiin.",
     "Jakaa osaamista ja vastuuta opettajien kesken ja tukea oppilaita paremmin.",
     "Kaksi opettajaa alkoi suunnitella ja opettaa yhdessä. Lukujärjestykseen sovittiin yhteinen suunnitteluaika "
     "kerran viikossa, ja rehtori järjesti sijaiset suunnittelupäiviin.",
     "Opettajista {H} prosenttia koki työn kuormittavuuden vähentyneen. Oppilaat saavat apua nopeammin, ja työrauha "
     "on parantunut.",
     "työhyvinvointi, yhdenvertaisuus",
     U(3) | U(4) | U(5) | U(6) | U(7),
     0},
    {{"Digitutorit {L}", "Digiloikka {L}", "Digitaaliset välineet {G} arkeen", "Kollega opastaa työn lomassa",
      "Digivartit henkilöstökokouksiin", NULL},
     "Jokaisessa yksikössä on digitutor, joka opastaa kollegoita työn lomassa.",
     "Laitteita oli hankittu, mutta niitä käytettiin vähän, koska henkilöstö ei kokenut osaavansa. Koulutuksiin oli "
     "vaikea irrottautua.",
     "Saada digitaaliset välineet luontevaksi osaksi oppimista ja työtä.",
     "Nimesimme jokaiseen yksikköön digitutorin, joka opastaa kollegoita työn lomassa. Henkilöstökokousten alussa "
     "pidettiin lyhyitä digivartteja, joissa kokeiltiin yksi uusi työkalu kerrallaan.",
     "Lukuvuoden lopussa {H} prosenttia henkilöstöstä käytti digitaalisia välineitä viikoittain. Myös lasten ja "
     "nuorten oma tekeminen lisääntyi.",
     "digitalisaatio, kokeilukulttuuri",
     0,
     0},
    {{"Huoltajat mukaan {G} kehittämiseen", "Aamukahvit vanhempainiltojen tilalle", "Myönteistä yhteydenpitoa koteihin",
      "Huoltajien aamukahvit {L}", "Viikkoviesti koteihin", NULL},
     "Kokeilimme uusia tapoja tehdä yhteistyötä kotien kanssa ja lisätä myönteistä viestintää.",
     "Vanhempainilloissa kävi vähän väkeä, ja yhteydenpito kotien kanssa painottui ongelmatilanteisiin.",
     "Lisätä huoltajien osallisuutta ja myönteistä yhteydenpitoa.",
     "Kokeilimme vanhempainiltojen sijaan avoimia aamukahveja ja lähetimme koteihin viikoittain lyhyen kuvallisen "
     "viestin. Huoltajat saivat myös ehdottaa teemoja yhteisiin tilaisuuksiin.",
     "Aamukahveille osallistui keskimäärin {K} huoltajaa kerrallaan. Huoltajakyselyssä {H} prosenttia vastaajista "
     "koki tulleensa kuulluksi.",
     "osallisuus, viestintä, asiakaslähtöisyys",
     U(0) | U(1) | U(2) | U(3) | U(4) | U(7),
     1},
    {{"Päivärytmin rauhoittaminen {L}", "Vähemmän kiirettä, enemmän leikkiä", "Pienryhmät rauhoittivat päivän",
      "Porrastetut siirtymät {L}", "Kiireetön arki {L}", NULL},
     "Porrastimme päivän siirtymät ja jaoimme ryhmät pienryhmiin, mikä rauhoitti arkea.",
     "Päivät olivat kiireisiä, ja siirtymätilanteissa syntyi levottomuutta, mikä kuormitti sekä lapsia että "
     "henkilöstöä.",
     "Rauhoittaa arkea ja vähentää kiireen tuntua.",
     "Havainnoimme päivän kulkua kahden viikon ajan ja tunnistimme kuormittavimmat hetket. Jaoimme ryhmät "
     "pienryhmiin ja porrastimme ulkoilun ja ruokailun.",
     "Henkilöstön kokema kiire väheni, ja melutaso laski mittauksissa noin {S} desibeliä. Lapset leikkivät nyt "
     "pidempiä leikkejä.",
     "työhyvinvointi, osallisuus",
     U(0) | U(1) | U(2) | U(3),
     0},
    {{"Ilmiöoppiminen yhdessä kunnan työntekijöiden kanssa", "Monialainen oppimiskokonaisuus {L}",
      "Oppilaat tutkivat kotikuntansa palveluja", "Ilmiöoppiminen {L}", "Oppilaat haastattelivat kunnan työntekijöitä",
      NULL},
     "Oppilaat tutkivat oman kotikuntansa palveluja ja haastattelivat kunnan työntekijöitä.",
     "Uusi opetussuunnitelma edellytti monialaisia oppimiskokonaisuuksia, mutta niiden suunnitteluun ei ollut "
     "yhteistä mallia.",
     "Luoda malli, jolla opettajat suunnittelevat monialaiset jaksot yhdessä.",
     "Opettajat suunnittelivat yhteisen teemajakson, jossa oppilaat selvittivät kotikuntansa palveluja ja "
     "haastattelivat kunnan työntekijöitä. Tulokset esiteltiin kunnanvaltuutetuille.",
     "Jaksoon osallistui {K}0 oppilasta, ja malli on nyt käytössä kaikilla vuosiluokilla. Oppilaista {H} prosenttia "
     "piti jaksoa kiinnostavana.",
     "kokeilukulttuuri, osallisuus",
     U(3) | U(4) | U(5) | U(7),
     0},
    {{"Lasten osallisuus {L}", "Lasten ääni kuuluviin", "Lasten parlamentti {L}",
      "Kuvakorteilla vaikutetaan päivän tekemisiin", "Lapset mukaan suunnitteluun", NULL},
     "Lapset pääsevät vaikuttamaan päivän toimintaan kuvakorttien ja lasten parlamentin avulla.",
     "Toiminta suunniteltiin aikuisten ehdoilla, ja lasten toiveet jäivät usein kuulematta.",
     "Vahvistaa lasten osallisuutta ja yhdenvertaisia mahdollisuuksia vaikuttaa.",
     "Lapset äänestivät kuvakorteilla viikon toiminnoista, ja lasten parlamentti kokoontui kerran kuukaudessa. "
     "Kasvattajat kirjasivat lasten ehdotukset ja kertoivat, mitä niille tehtiin.",
     "Lasten haastatteluissa {H} prosenttia kertoi voivansa vaikuttaa päivän tekemisiin. Myös huoltajat ovat "
     "huomanneet muutoksen.",
     "osallisuus, yhdenvertaisuus, asiakaslähtöisyys",
     U(0) | U(1) | U(2) | U(3),
     1},
    {{"Jaettu johtajuus {L}", "Tiimien vastuuhenkilöt johtamisen tukena", "Johtoryhmä tiimien vastuuhenkilöistä",
      "Pedagogiselle johtamiselle aikaa", "Pedagoginen johtaminen vahvistui {L}", NULL},
     "Johtamisen vastuuta jaettiin tiimien vastuuhenkilöille, ja pedagogiselle johtamiselle jäi enemmän aikaa.",
     "Johtajalla oli vastuullaan useita toimipisteitä, eikä aikaa pedagogiseen johtamiseen jäänyt. Pienetkin "
     "päätökset odottivat johtajaa.",
     "Jakaa johtamisen vastuuta ja vahvistaa pedagogista johtamista.",
     "Perustimme johtoryhmän, johon valittiin tiimien vastuuhenkilöt. Johtoryhmä kokoontuu joka toinen viikko, ja "
     "jokainen vastuuhenkilö vastaa oman tiiminsä kehittämisestä.",
     "Henkilöstökyselyssä johtamisen arvio nousi {P} prosenttia. Päätöksiä tehdään nopeammin ja lähempänä arkea.",
     "johtaminen, osallisuus",
     0,
     0},
    {{"Matalan kynnyksen vastaanotto nuorille", "Drop in -vastaanotto {L}",
      "Kuraattori ja terveydenhoitaja samalle vastaanotolle", "Apua ilman ajanvarausta",
      "Chat ja vastaanotto välitunnilla", NULL},
     "Kuraattori ja terveydenhoitaja pitävät yhteistä vastaanottoa, jolle voi tulla ilman ajanvarausta.",
     "Opiskeluhuollon palveluihin oli pitkät jonot, ja nuoret kokivat kynnyksen avun hakemiseen korkeaksi.",
     "Madaltaa nuorten kynnystä hakea apua ja puuttua huoliin ajoissa.",
     "Kuraattori ja terveydenhoitaja alkoivat pitää yhteistä vastaanottoa välituntien aikaan ja ottivat käyttöön "
     "chat-palvelun. Opettajat saivat koulutusta huolen puheeksi ottamiseen.",
     "Vastaanotolla kävi lukuvuoden aikana yli {K}0 nuorta. Kiireellisten tapausten määrä pieneni, ja nuorten "
     "palaute on ollut kiittävää.",
     "asiakaslähtöisyys, yhdenvertaisuus",
     U(4) | U(5) | U(6) | U(9),
     1},
    {{"Verkkokurssit tavoittivat uusia opiskelijoita", "Monimuoto-opetus {L}",
      "Opiskelu onnistuu asuinpaikasta riippumatta", "Monimuotokurssit {L}",
      "Kurssit verkkoon myös reuna-alueiden asukkaille", NULL},
     "Osa kursseista muutettiin monimuotokursseiksi, jolloin opiskelu onnistuu myös kaukana asuvilta.",
     "Kurssit täyttyivät keskustassa, mutta reuna-alueiden asukkaat jäivät opetuksen ulkopuolelle.",
     "Tarjota yhdenvertaiset mahdollisuudet opiskella asuinpaikasta riippumatta.",
     "Opettajat kouluttautuivat verkko-opetukseen, ja {S} kurssia toteutettiin monimuotona. Opiskelijoille "
     "järjestettiin aloitusilta, jossa harjoiteltiin välineiden käyttöä.",
     "Monimuotokursseille ilmoittautui {K}0 opiskelijaa, joista {P} prosenttia oli uusia. Keskeyttäneitä oli "
     "vähemmän kuin lähikursseilla.",
     "digitalisaatio, yhdenvertaisuus",
     U(6) | U(8),
     0},
};

/* ---- technical services ---- */

static const demo_unit tekninen_units[] = {
    {"kiinteistöpalvelut", "kiinteistöpalvelujen", "kiinteistöpalveluissa"}, /* 0 */
    {"katu- ja viheralueiden kunnossapito", "katu- ja viheralueiden kunnossapidon",
     "katu- ja viheralueiden kunnossapidossa"},                           /* 1 */
    {"vesihuolto", "vesihuollon", "vesihuollossa"},                       /* 2 */
    {"rakennusvalvonta", "rakennusvalvonnan", "rakennusvalvonnassa"},     /* 3 */
    {"ympäristöpalvelut", "ympäristöpalvelujen", "ympäristöpalveluissa"}, /* 4 */
    {"varikko", "varikon", "varikolla"},                                  /* 5 */
    {"pelastuslaitos", "pelastuslaitoksen", "pelastuslaitoksella"},       /* 6 */
};

static const demo_idea tekninen_ideas[] = {
    {{"Sähköinen lupapalvelu {L}", "Luvat sujuvammin sähköisesti", "Paperihakemuksista sähköiseen asiointiin",
      "Lupakäsittely nopeutui {L}", "Tarkistuslistat tehtiin yhdessä asiakkaiden kanssa", NULL},
     "Lupahakemukset siirtyivät sähköiseen palveluun, ja käsittely nopeutui.",
     "Lupahakemukset tulivat paperilla, ja puuttuvien liitteiden selvittely hidasti käsittelyä. Asiakkaat soittivat "
     "usein kysyäkseen hakemuksensa tilannetta.",
     "Nopeuttaa lupien käsittelyä ja helpottaa asiakkaiden asiointia.",
     "Otimme käyttöön sähköisen asiointipalvelun ja järjestimme rakentajille ja suunnittelijoille infotilaisuuksia. "
     "Tarkistuslistat laadittiin yhdessä asiakkaiden kanssa.",
     "Lupien keskimääräinen käsittelyaika lyheni {P} prosenttia. Sähköisiä hakemuksia tulee nyt {H} prosenttia "
     "kaikista.",
     "digitalisaatio, asiakaslähtöisyys, tuloksellisuus",
     U(3) | U(4),
     1},
    {{"Mobiilit työtilaukset {L}", "Paperilaput pois – työt kulkevat puhelimessa", "Mobiilisovellus asentajien arkeen",
      "Vähemmän ajoa varikolle", "Työt kuitataan paikan päällä", NULL},
     "Asentajat vastaanottavat ja kuittaavat työt mobiilisovelluksella suoraan työmaalla.",
     "Työtilaukset kulkivat puhelimitse ja paperilapuilla, ja tieto tehdyistä töistä jäi usein kirjaamatta.",
     "Sujuvoittaa työnohjausta ja vähentää turhaa ajoa.",
     "Asentajat saivat käyttöön mobiilisovelluksen, jolla työt vastaanotetaan, kuitataan ja kuvataan paikan päällä. "
     "Käyttöönottoa tuki kaksi omaa työntekijää, jotka olivat mukana sovelluksen valinnassa alusta asti.",
     "Ajot varikolle vähenivät, ja työtilausten läpimenoaika lyheni {P} prosenttia. Myös kiinteistöjen käyttäjät "
     "saavat nyt tiedon töiden valmistumisesta.",
     "digitalisaatio, tuloksellisuus, ympäristö",
     U(0) | U(1) | U(2) | U(5),
     0},
    {{"Energiansäästöä yhdessä käyttäjien kanssa", "Energiatiimi kiersi kunnan kiinteistöt",
      "Säästötalkoot kouluissa ja päiväkodeissa", "Energiankulutus kuriin {L}",
      "Ilmanvaihto ja valaistus tarkistettiin yhdessä käyttäjien kanssa", NULL},
     "Energiatiimi etsi säästökohteita yhdessä koulujen ja päiväkotien henkilöstön kanssa.",
     "Kunnan kiinteistöjen energiankulutus oli kasvanut, vaikka tiloja oli korjattu.",
     "Vähentää energiankulutusta ja ottaa käyttäjät mukaan säästötalkoisiin.",
     "Perustimme energiatiimin, joka kiersi koulut ja päiväkodit yhdessä kiinteistöjen käyttäjien kanssa. "
     "Ilmanvaihdon käyntiajat tarkistettiin ja valaistusta uusittiin.",
     "Lämmön ja sähkön kulutus laski vuodessa {P} prosenttia, mikä tarkoittaa kymmenien tuhansien eurojen säästöä.",
     "ympäristö, tuloksellisuus",
     U(0) | U(4),
     0},
    {{"Turvallisuusvartit {G} viikkoon", "Läheltä piti -tilanteet puheeksi", "Viikko alkaa turvallisuusvartilla",
      "Tapaturmat vähenivät {L}", "Turvallisuus puheeksi joka maanantai", NULL},
     "Jokainen viikko alkaa lyhyellä turvallisuusvartilla, jossa käydään läpi tulevat riskit.",
     "Tapaturmia sattui etenkin liukastumisissa ja nostoissa, eikä läheltä piti -tilanteista puhuttu.",
     "Vähentää tapaturmia ja tehdä turvallisuudesta yhteinen asia.",
     "Aloitimme jokaisen maanantain viidentoista minuutin turvallisuusvartilla, jossa käydään läpi viikon riskit. "
     "Läheltä piti -ilmoituksen voi nyt tehdä puhelimella.",
     "Tapaturmat vähenivät {P} prosenttia, ja ilmoituksia tehtiin vuodessa {K}. Turvallisuus on nyt luonteva osa "
     "arkea.",
     "työturvallisuus, työhyvinvointi",
     0,
     0},
    {{"Asukkaat mukaan puistojen suunnitteluun", "Leikkipaikat kunnostettiin asukkaiden toiveiden mukaan",
      "Asukasillat ja karttakysely puistojen kunnostukseen", "Asukkaiden toiveet näkyvät puistoissa",
      "Leikkipaikat kuntoon yhdessä asukkaiden kanssa", NULL},
     "Asukkaat pääsivät vaikuttamaan puistojen ja leikkipaikkojen kunnostukseen.",
     "Puistoista ja leikkipaikoista tuli paljon palautetta, mutta asukkaat eivät olleet mukana suunnittelussa.",
     "Ottaa asukkaat mukaan suunnitteluun ja kohdentaa rahat oikein.",
     "Järjestimme asukasiltoja ja karttakyselyn, johon vastasi {K}0 asukasta. Suunnitelmat esiteltiin asukkaille "
     "ennen päätöksiä.",
     "Asukkaiden toiveiden mukaan kunnostettiin {S} leikkipaikkaa, ja palautteen sävy muuttui myönteiseksi.",
     "osallisuus, asiakaslähtöisyys, ympäristö",
     U(1) | U(4),
     1},
    {{"Ensihoidon ja pelastustoimen yhteisharjoitukset", "Yhteiset harjoitukset sujuvoittivat onnettomuustilanteita",
      "Harjoittelemme yhdessä ennen kuin tositilanne tulee", "Yhteisharjoitukset {L}",
      "Roolit selkeiksi onnettomuuspaikalla", NULL},
     "Ensihoito ja pelastustoimi harjoittelevat nyt säännöllisesti yhdessä.",
     "Eri yksiköt harjoittelivat omillaan, eikä yhteistyö onnettomuuspaikalla aina sujunut.",
     "Parantaa yhteistyötä ja turvallisuutta onnettomuustilanteissa.",
     "Järjestimme vuoden aikana {S} yhteisharjoitusta ja kävimme jokaisen jälkeen läpi, mitä opimme. Harjoituksiin "
     "kutsuttiin myös poliisi ja sairaalan päivystys.",
     "Harjoituksiin osallistui {K}0 työntekijää. Henkilöstö kokee työn turvallisemmaksi ja roolit selkeämmiksi.",
     "työturvallisuus, johtaminen",
     U(6),
     0},
};

/* ---- business services ---- */

static const demo_unit elinkeino_units[] = {
    {"elinkeinopalvelut", "elinkeinopalvelujen", "elinkeinopalveluissa"},    /* 0 */
    {"yrityspalvelut", "yrityspalvelujen", "yrityspalveluissa"},             /* 1 */
    {"työllisyyspalvelut", "työllisyyspalvelujen", "työllisyyspalveluissa"}, /* 2 */
    {"matkailuneuvonta", "matkailuneuvonnan", "matkailuneuvonnassa"},        /* 3 */
};

static const demo_idea elinkeino_ideas[] = {
    {{"Yrityspalvelujen yhden luukun malli", "Yrittäjä saa avun yhdestä paikasta", "Yrityspalvelut saman katon alle",
      "Yhden luukun yrityspalvelut {L}", NULL},
     "Kokosimme yrityspalvelut yhteen palvelupisteeseen.",
     "Yrittäjät joutuivat asioimaan useassa eri paikassa, eikä kukaan nähnyt kokonaisuutta.",
     "Helpottaa yrittäjien asiointia ja nopeuttaa neuvontaa.",
     "Kokosimme kunnan, seudun kehittämisyhtiön ja TE-toimiston palvelut yhteen palvelupisteeseen. Palvelupolku "
     "kuvattiin yhdessä yrittäjien kanssa.",
     "Yritysneuvontoja tehtiin vuodessa {K}0, ja yrittäjäkyselyn mukaan {H} prosenttia sai avun yhdellä "
     "yhteydenotolla.",
     "asiakaslähtöisyys, palvelumuotoilu",
     U(0) | U(1),
     1},
    {{"Valmentaja asiakkaan rinnalla", "Työllisyyspolku pitkään työttömänä olleille", "Oma valmentaja työnhakijalle",
      "Työllisyyspolku ilman katkoksia", "Rinnalla kulkeminen {L}", NULL},
     "Jokaisella asiakkaalla on oma valmentaja, joka kulkee rinnalla työhön tai koulutukseen asti.",
     "Pitkään työttömänä olleiden asiakkaiden polut katkesivat usein, kun vastuu siirtyi palvelusta toiseen.",
     "Saada useampi asiakas työhön tai koulutukseen ja vähentää katkoksia.",
     "Asiakkaalle nimettiin oma valmentaja, joka sopii tapaamiset joustavasti. Yhteistyötä tehtiin paikallisten "
     "yritysten ja oppilaitosten kanssa.",
     "Kokeilun asiakkaista {P} prosenttia työllistyi tai aloitti koulutuksen. Asiakkaat kokivat tulleensa kohdatuiksi.",
     "yhdenvertaisuus, asiakaslähtöisyys, tuloksellisuus",
     U(2),
     1},
    {{"Yritysten ja kunnan yhteinen foorumi", "Aamukahvit yrittäjien kanssa",
      "Yrittäjät ja kunnan johto saman pöydän ääreen", "Yrittäjäfoorumi {L}", NULL},
     "Kunnan johto ja yrittäjät tapaavat säännöllisesti ja keskustelevat ajankohtaisista asioista.",
     "Kunnan päätöksistä kerrottiin yrityksille jälkikäteen, ja yhteistyö oli satunnaista.",
     "Avata vuoropuhelu yritysten kanssa ja tuoda yrittäjien näkemykset päätöksentekoon.",
     "Aloitimme kuukausittaiset aamukahvit, joihin kutsuttiin yrittäjiä ja kunnan johtoa. Teemat valittiin "
     "yrittäjien ehdotuksista.",
     "Foorumiin osallistui vuoden aikana {K} yritystä. Yrittäjäkyselyssä kunnan elinkeinoilmapiirin arvio parani.",
     "viestintä, osallisuus",
     U(0) | U(1),
     1},
    {{"Palvelumuotoilulla selkeämpi verkkopalvelu", "Matkailijan polku uusiksi",
      "Verkkosivut uusiksi yhdessä käyttäjien kanssa", "Selkokieliset verkkosivut",
      "Käyttäjätestit paljastivat ongelmakohdat", NULL},
     "Uudistimme verkkopalvelun palvelumuotoilun keinoin yhdessä käyttäjien kanssa.",
     "Verkkosivuilta oli vaikea löytää tietoa, ja samat kysymykset toistuivat puhelimessa päivästä toiseen.",
     "Tehdä palveluista helposti löydettäviä ja vähentää turhia yhteydenottoja.",
     "Haastattelimme {S} asiakasta ja teimme käyttäjätestejä. Sivuston rakenne ja tekstit uudistettiin "
     "selkokielisiksi.",
     "Verkkopalvelun käyntimäärät kasvoivat {P} prosenttia, ja rutiinikyselyt vähenivät selvästi.",
     "palvelumuotoilu, viestintä, digitalisaatio",
     U(0) | U(1) | U(3),
     1},
};

/* ---- culture and leisure ---- */

static const demo_unit kulttuuri_units[] = {
    {"kirjasto", "kirjaston", "kirjastossa"},                          /* 0 */
    {"liikuntapalvelut", "liikuntapalvelujen", "liikuntapalveluissa"}, /* 1 */
    {"nuorisopalvelut", "nuorisopalvelujen", "nuorisopalveluissa"},    /* 2 */
    {"museo", "museon", "museossa"},                                   /* 3 */
    {"kulttuurikeskus", "kulttuurikeskuksen", "kulttuurikeskuksessa"}, /* 4 */
    {"uimahalli", "uimahallin", "uimahallissa"},                       /* 5 */
};

static const demo_idea kulttuuri_ideas[] = {
    {{"Omatoimikirjasto pidensi aukioloaikoja", "Kirjasto auki myös iltaisin ja viikonloppuisin",
      "Omatoimiaika pidensi aukioloa", "Lainausautomaatit ja omatoimiaika käyttöön", NULL},
     "Omatoimikirjaston ansiosta kirjasto on auki selvästi pidempään ilman lisähenkilöstöä.",
     "Asukkaat toivoivat pidempiä aukioloaikoja, mutta henkilöstöä ei ollut lisää.",
     "Pidentää aukioloaikoja ja vapauttaa henkilöstön aikaa asiakkaiden opastamiseen.",
     "Otimme käyttöön omatoimikirjaston kulunvalvonnan ja lainausautomaatit. Henkilöstö opasti asiakkaita ensimmäiset "
     "viikot, ja teimme selkeät ohjeet myös selkokielellä.",
     "Aukioloaika piteni viikossa {K} tunnilla, ja lainausmäärät kasvoivat {P} prosenttia. Henkilöstöllä on nyt "
     "enemmän aikaa tapahtumiin ja neuvontaan.",
     "asiakaslähtöisyys, digitalisaatio",
     U(0),
     1},
    {{"Nuoret suunnittelivat oman tilansa", "Nuorten osallisuus {G} kehittämisessä", "Nuorisotila nuorten näköiseksi",
      "Nuorisovaltuustolle oma budjetti", "Nuoret ideoivat, ohjaajat tukivat", NULL},
     "Nuoret pääsivät suunnittelemaan tilat ja toiminnan, jotka on tehty heitä varten.",
     "Nuorisotilan kävijämäärät olivat laskeneet, eikä toiminta kiinnostanut nuoria.",
     "Lisätä nuorten osallisuutta ja saada tilat heidän näköisikseen.",
     "Järjestimme nuorten kanssa ideointityöpajoja ja annoimme nuorisovaltuustolle oman budjetin. Nuoret valitsivat "
     "kalusteet ja suunnittelivat toiminnan yhdessä ohjaajien kanssa.",
     "Kävijämäärät kasvoivat {P} prosenttia, ja nuoret ovat itse järjestäneet {S} tapahtumaa.",
     "osallisuus, yhdenvertaisuus",
     U(0) | U(2) | U(4),
     1},
    {{"Liikuntaneuvonta ikäihmisille", "Liikkeelle! Matalan kynnyksen ryhmät",
      "Matalan kynnyksen liikuntaryhmät lähiöihin", "Liikuntaneuvoja ikäihmisten tukena", "Liikuntaneuvonta {L}", NULL},
     "Liikuntaneuvoja ohjaa vähän liikkuvia ikäihmisiä sopivan liikunnan pariin.",
     "Vähän liikkuvat ikäihmiset eivät löytäneet sopivia ryhmiä, ja moni jäi kotiin.",
     "Tavoittaa vähän liikkuvat ikäihmiset ja tukea kotona asumista.",
     "Aloitimme liikuntaneuvonnan yhdessä kotihoidon ja terveysaseman kanssa. Perustimme matalan kynnyksen ryhmiä "
     "lähiöiden kerhotiloihin.",
     "Liikuntaneuvontaan osallistui {K}0 ikäihmistä, ja {H} prosenttia jatkoi liikkumista ryhmissä neuvonnan jälkeen.",
     "yhdenvertaisuus, asiakaslähtöisyys",
     U(1) | U(5),
     1},
    {{"Kulttuuria hoivakoteihin", "Taidelähetit vievät kulttuurin kotiin", "Esityksiä ja työpajoja hoivakodeissa",
      "Kulttuuri kuuluu kaikille", "Taidelähettitoiminta {L}", NULL},
     "Taiteilijat ja museon työntekijät vievät esityksiä ja työpajoja hoivakoteihin ja kotihoidon asiakkaille.",
     "Ikäihmiset ja toimintarajoitteiset asukkaat eivät päässeet kulttuuripalvelujen pariin.",
     "Tuoda kulttuuri kaikkien ulottuville asuinpaikasta ja toimintakyvystä riippumatta.",
     "Teimme yhteistyötä sosiaali- ja terveyspalvelujen kanssa ja kokosimme taidelähettien ohjelmiston. Hoitajat "
     "koulutettiin jatkamaan toimintaa käyntien välillä.",
     "Esityksiä ja työpajoja järjestettiin vuoden aikana {K}, ja hoitajien mukaan asukkaiden vireys parani.",
     "yhdenvertaisuus, osallisuus",
     U(0) | U(3) | U(4),
     1},
    {{"Tehtäväkierto {L}", "Osaaminen kiertoon", "Tehtäväkierto monipuolisti työtä",
      "Sijaistukset sujuvat tehtäväkierron ansiosta", "Kaksi tehtävää vuodessa", NULL},
     "Työntekijät kiertävät eri tehtävissä, mikä monipuolistaa työtä ja helpottaa sijaistuksia.",
     "Työt oli jaettu tiukasti, ja lomien aikaan palvelu takkusi. Osa työntekijöistä koki työnsä yksitoikkoiseksi.",
     "Laajentaa osaamista ja varmistaa palvelu myös poissaolojen aikana.",
     "Kokeilimme tehtäväkiertoa: jokainen työskenteli vuoden aikana vähintään kahdessa eri tehtävässä. "
     "Tehtäväkierrosta "
     "sovittiin kehityskeskusteluissa.",
     "Sijaiskulut pienenivät {P} prosenttia, ja henkilöstö kokee työn monipuolisemmaksi.",
     "työhyvinvointi, tuloksellisuus",
     0,
     0},
};

/* ---- catering and cleaning ---- */

static const demo_unit ruoka_units[] = {
    {"ruokapalvelut", "ruokapalvelujen", "ruokapalveluissa"},         /* 0 */
    {"koulukeittiöt", "koulukeittiöiden", "koulukeittiöissä"},        /* 1 */
    {"siivouspalvelut", "siivouspalvelujen", "siivouspalveluissa"},   /* 2 */
    {"valmistuskeittiö", "valmistuskeittiön", "valmistuskeittiössä"}, /* 3 */
    {"puhtauspalvelut", "puhtauspalvelujen", "puhtauspalveluissa"},   /* 4 */
};

static const demo_idea ruoka_ideas[] = {
    {{"Ruokahävikki puoleen", "Hävikkiviikot {L}", "Vähemmän hävikkiä, enemmän makua",
      "Hävikki punnittiin ja puolitettiin", "Oppilaat mukaan hävikkitalkoisiin", NULL},
     "Mittasimme ruokahävikin ja vähensimme sitä yhdessä oppilaiden kanssa.",
     "Koulujen ja päiväkotien ruokahävikki oli suuri, eikä sitä ollut mitattu.",
     "Vähentää ruokahävikkiä ja lisätä ruokailijoiden tyytyväisyyttä.",
     "Punnitsimme hävikkiä kuukauden ajan ja kerroimme tulokset oppilaille. Ruokalistaa muutettiin oppilaskunnan "
     "toiveiden mukaan, ja linjastolle tuli pienemmät annostelulusikat.",
     "Hävikki pieneni {P} prosenttia, ja säästyneillä rahoilla parannettiin raaka-aineiden laatua.",
     "ympäristö, tuloksellisuus, osallisuus",
     U(0) | U(1) | U(3),
     1},
    {{"Siivous tarpeen mukaan", "Mitoitettu siivous {L}", "Siivousvälit tilojen käytön mukaan",
      "Laatukierrokset yhdessä asiakkaan kanssa", "Tarvelähtöinen siivous {L}", NULL},
     "Siivousvälit määritellään nyt tilojen todellisen käytön mukaan.",
     "Siivous tehtiin samalla kaavalla joka päivä riippumatta siitä, käytettiinkö tiloja.",
     "Kohdentaa työ sinne, missä sitä tarvitaan, ja tasata kuormitusta.",
     "Kartoitimme tilojen käyttöasteet ja laadimme uudet siivousvälit yhdessä käyttäjien kanssa. Laatukierrokset "
     "tehdään nyt yhdessä asiakkaan kanssa.",
     "Asiakastyytyväisyys nousi, ja työn kuormitus tasaantui. Siivoukseen käytetystä ajasta {P} prosenttia voitiin "
     "kohdentaa uudelleen.",
     "tuloksellisuus, asiakaslähtöisyys, työhyvinvointi",
     U(2) | U(4),
     0},
    {{"Ikäihmisten ateriapalvelu uudistui", "Kotiin kuljetettavat ateriat maistuvat taas",
      "Maistiaispäivät ikäihmisille", "Kotiateriat asiakkaiden makuun", "Ravitsemus kuntoon kotiateriapalvelussa",
      NULL},
     "Uudistimme kotiin kuljetettavat ateriat yhdessä asiakkaiden kanssa.",
     "Kotiin kuljetettavat ateriat saivat asiakkailta heikkoa palautetta, ja osa ruoasta jäi syömättä.",
     "Parantaa ikäihmisten ravitsemusta ja asiakastyytyväisyyttä.",
     "Järjestimme asiakasraadille maistiaispäiviä ja muutimme annoskokoja ja ruokalistaa palautteen perusteella. "
     "Kotihoidon kanssa sovittiin ravitsemuksen seurannasta.",
     "Asiakkaista {H} prosenttia oli tyytyväisiä uusiin aterioihin, ja palautuvan ruoan määrä väheni.",
     "asiakaslähtöisyys, palvelumuotoilu",
     U(0) | U(3),
     1},
    {{"Keittiön ergonomia kuntoon", "Kevyemmät nostot {L}", "Nostovaunut ja säädettävät työtasot",
      "Keittiötyö keveni {L}", "Työterveyshuolto mukana keittiön suunnittelussa", NULL},
     "Keittiön työpisteet ja nostot suunniteltiin uudelleen työterveyshuollon kanssa.",
     "Keittiötyön raskaat nostot ja toistotyö näkyivät selkä- ja olkapäävaivoina ja poissaoloina.",
     "Keventää työn fyysistä kuormitusta.",
     "Fysioterapeutti kävi työpisteet läpi henkilöstön kanssa. Hankimme nostovaunut ja säädettävät työtasot, ja "
     "työvaiheet järjestettiin uudelleen.",
     "Poissaolot vähenivät {P} prosenttia, ja työntekijät kokevat työn kevyemmäksi.",
     "työhyvinvointi, työturvallisuus",
     U(0) | U(1) | U(3),
     0},
    {{"Tiimityö {L}", "Työnkierto keittiöiden välillä", "Tiimit suunnittelevat viikon työt itse",
      "Sijaistaminen helpottui tiimityöllä", "Yhteinen vastuu {L}", NULL},
     "Siirryimme tiimityöhön, jossa työntekijät jakavat vastuuta ja sijaistavat toisiaan.",
     "Jokainen teki omaa osuuttaan, ja poissaolojen aikaan työt kasautuivat muutamalle.",
     "Jakaa vastuuta ja osaamista sekä helpottaa sijaistuksia.",
     "Muodostimme tiimit, jotka suunnittelevat viikon työt itse. Työntekijät kiersivät eri toimipisteissä ja "
     "oppivat toistensa tehtävät.",
     "Sijaisten tarve väheni {P} prosenttia, ja työilmapiiri parani työilmapiirikyselyssä.",
     "työhyvinvointi, tuloksellisuus, osallisuus",
     0,
     0},
};

/* ---- whole municipality ---- */

static const demo_unit koko_units[] = {
    {"kunnan johtoryhmä", "kunnan johtoryhmän", "kunnan johtoryhmässä"},     /* 0 */
    {"henkilöstöpalvelut", "henkilöstöpalvelujen", "henkilöstöpalveluissa"}, /* 1 */
    {"keskushallinto", "keskushallinnon", "keskushallinnossa"},              /* 2 */
    {"asiointipiste", "asiointipisteen", "asiointipisteessä"},               /* 3 */
    {"koko organisaatio", "koko organisaation", "koko organisaatiossa"},     /* 4 */
};

static const demo_idea koko_ideas[] = {
    {{"Varhaisen tuen malli uudistettiin", "Työkyvyn tuki {L}", "Asiat puheeksi ajoissa",
      "Esihenkilöt koulutettiin varhaiseen tukeen", "Varhainen tuki {L}", NULL},
     "Uudistimme varhaisen tuen mallin ja koulutimme esihenkilöt ottamaan asiat puheeksi ajoissa.",
     "Sairauspoissaolot olivat kasvaneet kolmena vuonna peräkkäin, ja esihenkilöt kokivat varhaisen tuen "
     "keskustelut vaikeiksi.",
     "Tukea työkykyä ajoissa ja vähentää sairauspoissaoloja.",
     "Uudistimme varhaisen tuen mallin yhdessä työterveyshuollon ja henkilöstön edustajien kanssa ja koulutimme "
     "kaikki esihenkilöt. Mallista tehtiin selkeä kuvaus intranetiin.",
     "Sairauspoissaolot vähenivät {P} prosenttia, ja työkykyneuvotteluja käytiin aiempaa varhaisemmassa vaiheessa.",
     "työhyvinvointi, johtaminen",
     U(0) | U(1) | U(4),
     0},
    {{"Henkilöstön ideat käyttöön", "Kehittämisraha henkilöstön ideoille", "Ideapankki ja henkilöstön äänestys",
      "Hyvät ideat kokeiluun kuukaudessa", "Ideasta kokeiluun kehittämisrahalla", NULL},
     "Henkilöstö ehdottaa ja äänestää kehittämisideoita, ja parhaat kokeillaan kehittämisrahalla.",
     "Kehittäminen koettiin johdon asiaksi, eikä henkilöstön ideoille ollut kanavaa.",
     "Tehdä kehittämisestä kaikkien asia ja saada hyvät ideat käyttöön.",
     "Avasimme sähköisen ideapankin ja varasimme kehittämisrahan parhaiden ideoiden kokeiluun. Henkilöstö äänesti "
     "ideoista, ja johtoryhmä päätti rahoituksesta kuukauden sisällä.",
     "Ideoita tuli vuodessa {K}0, ja niistä {S}0 kokeiltiin käytännössä.",
     "kokeilukulttuuri, osallisuus",
     U(2) | U(4),
     0},
    {{"Esihenkilöiden valmennusohjelma", "Valmentava johtaminen {L}", "Vuoden valmennus kaikille esihenkilöille",
      "Esihenkilöt oppivat toisiltaan", "Yhteinen käsitys hyvästä johtamisesta", NULL},
     "Kaikki esihenkilöt osallistuivat valmennukseen, jossa harjoiteltiin valmentavaa johtamista.",
     "Esihenkilöiden taustat ja johtamistavat vaihtelivat paljon, ja henkilöstökyselyssä johtaminen sai heikoimmat "
     "arviot.",
     "Rakentaa yhteinen käsitys hyvästä johtamisesta ja vahvistaa esihenkilöiden osaamista.",
     "Järjestimme vuoden mittaisen valmennuksen, johon osallistui {K} esihenkilöä. Valmennusten välillä esihenkilöt "
     "tapasivat pienryhmissä ja kokeilivat oppimaansa omissa työyhteisöissään.",
     "Henkilöstökyselyssä esihenkilötyön arvio nousi {P} prosenttia, ja esihenkilöt kokevat saavansa enemmän tukea "
     "toisiltaan.",
     "johtaminen, työhyvinvointi",
     U(0) | U(1) | U(4),
     0},
    {{"Sisäinen viestintä uusiksi", "Tieto kulkee – uusi intranet ja infot", "Viikkotiedote ja avoimet infot",
      "Tiedonkulku paranee {L}", "Muutoksista ei enää kuulla lehdestä", NULL},
     "Uudistimme sisäisen viestinnän niin, että tieto tavoittaa kaikki samaan aikaan.",
     "Henkilöstö koki tiedon tulevan myöhään ja sattumanvaraisesti, ja moni kuuli muutoksista ensimmäisenä "
     "paikallislehdestä.",
     "Varmistaa, että jokainen saa tarvitsemansa tiedon ajoissa.",
     "Uudistimme intranetin, aloitimme johtajan viikkotiedotteen ja kuukausittaiset avoimet infotilaisuudet, joihin "
     "voi osallistua myös etänä.",
     "Henkilöstökyselyssä tiedonkulun arvio parani {P} prosenttia. Infoihin osallistuu keskimäärin {K}0 työntekijää.",
     "viestintä, johtaminen",
     U(2) | U(4),
     0},
    {{"Monipaikkainen työ ja uudet työtilat", "Toimistosta monitilaksi", "Monitilatoimisto ja etätyön pelisäännöt",
      "Tilat järkevämpään käyttöön {L}", NULL},
     "Muutimme toimistotilat monitilaksi ja sovimme yhteiset pelisäännöt monipaikkaiselle työlle.",
     "Toimistotiloja oli liikaa ja ne olivat vajaakäytöllä, mutta neuvotteluhuoneista oli jatkuvasti pulaa.",
     "Käyttää tiloja järkevämmin ja tukea joustavaa työtä.",
     "Kartoitimme tilojen käytön ja suunnittelimme uudet tilat yhdessä henkilöstön kanssa. Samalla otettiin käyttöön "
     "pilvipalvelut ja sovittiin etätyön pelisäännöistä.",
     "Tilakustannukset laskivat {P} prosenttia, ja henkilöstöstä {H} prosenttia on tyytyväinen uusiin tiloihin.",
     "tuloksellisuus, työhyvinvointi, digitalisaatio",
     U(2) | U(4),
     0},
    {{"Yhdenvertaisuussuunnitelma tehtiin yhdessä", "Tasa-arvo ja yhdenvertaisuus arjen teoiksi",
      "Yhdenvertaisuussuunnitelma {L}", "Työpajoista konkreettisiin toimiin", "Tasa-arvo näkyväksi arjessa", NULL},
     "Laadimme yhdenvertaisuus- ja tasa-arvosuunnitelman yhdessä henkilöstön kanssa.",
     "Suunnitelma oli olemassa, mutta se oli tehty virkatyönä eikä näkynyt arjessa.",
     "Tehdä yhdenvertaisuudesta näkyvä osa johtamista ja arkea.",
     "Järjestimme työpajoja kaikilla toimialoilla ja kokosimme niistä konkreettiset toimenpiteet. Rekrytointiohjeet "
     "ja palkkakartoitus päivitettiin.",
     "Suunnitelmaan kirjattiin {K} konkreettista toimenpidettä, ja niiden toteutumista seurataan puolivuosittain.",
     "yhdenvertaisuus, osallisuus",
     U(1) | U(4),
     0},
    {{"Yhteispalvelupiste palvelee kaikkia", "Asiointi yhdestä paikasta", "Kunnan ja Kelan palvelut samasta pisteestä",
      "Etäpalvelupiste videoyhteydellä", "Kaikki asiat yhdellä käynnillä", NULL},
     "Kunnan, Kelan ja muiden viranomaisten palvelut koottiin yhteen asiointipisteeseen.",
     "Asukkaat joutuivat kulkemaan useassa eri paikassa, ja aukioloajat olivat lyhyitä.",
     "Helpottaa asiointia ja palvella myös niitä, jotka eivät käytä verkkopalveluja.",
     "Koulutimme asiointipisteen henkilöstön neuvomaan eri viranomaisten palveluissa ja avasimme etäpalvelupisteen "
     "videoyhteyksineen.",
     "Asiointipisteessä käytiin vuodessa yli {K}00 kertaa, ja asiakkaista {H} prosenttia sai asiansa hoidettua "
     "yhdellä käynnillä.",
     "asiakaslähtöisyys, yhdenvertaisuus",
     U(3),
     1},
};

/* ---- who speaks in the deeds' quotes: job titles in the nominative, one list per sector ---- */

static const char *const sote_roles[] = {"lähihoitaja",     "sairaanhoitaja", "sosiaaliohjaaja",
                                         "fysioterapeutti", "osastonhoitaja", "terveydenhoitaja"};
static const char *const opetus_roles[] = {
    "luokanopettaja", "varhaiskasvatuksen opettaja", "lastenhoitaja", "rehtori", "aineenopettaja", "erityisopettaja"};
static const char *const tekninen_roles[] = {"kiinteistönhoitaja", "asentaja", "työnjohtaja", "rakennustarkastaja",
                                             "ympäristötarkastaja"};
static const char *const elinkeino_roles[] = {"yritysneuvoja", "työvalmentaja", "matkailuneuvoja", "elinkeinoasiamies"};
static const char *const kulttuuri_roles[] = {"kirjastovirkailija", "nuoriso-ohjaaja", "liikunnanohjaaja",
                                              "museolehtori", "kirjastonhoitaja"};
static const char *const ruoka_roles[] = {"kokki", "ravitsemistyöntekijä", "laitoshuoltaja", "siivoustyönohjaaja",
                                          "ruokapalveluvastaava"};
static const char *const koko_roles[] = {"henkilöstöasiantuntija", "palvelusihteeri", "hallintosihteeri",
                                         "henkilöstöpäällikkö", "asiakasneuvoja"};

const demo_bank demo_banks[] = {
    {"sote", sote_units, N(sote_units), sote_ideas, N(sote_ideas), sote_roles, N(sote_roles)},
    {"opetus", opetus_units, N(opetus_units), opetus_ideas, N(opetus_ideas), opetus_roles, N(opetus_roles)},
    {"tekninen", tekninen_units, N(tekninen_units), tekninen_ideas, N(tekninen_ideas), tekninen_roles,
     N(tekninen_roles)},
    {"elinkeino", elinkeino_units, N(elinkeino_units), elinkeino_ideas, N(elinkeino_ideas), elinkeino_roles,
     N(elinkeino_roles)},
    {"kulttuuri", kulttuuri_units, N(kulttuuri_units), kulttuuri_ideas, N(kulttuuri_ideas), kulttuuri_roles,
     N(kulttuuri_roles)},
    {"ruoka", ruoka_units, N(ruoka_units), ruoka_ideas, N(ruoka_ideas), ruoka_roles, N(ruoka_roles)},
    {"koko", koko_units, N(koko_units), koko_ideas, N(koko_ideas), koko_roles, N(koko_roles)},
};
const int demo_nbanks = N(demo_banks);
