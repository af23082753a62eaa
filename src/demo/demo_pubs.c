/* demo_pubs: the demo's publications (with generated placeholder PDFs) and videos (with captions and the embedded
 * placeholder WebM). */
#include "demo/demo_pubs.h"

#include <stdio.h>
#include <string.h>

#include "core/embed.h"
#include "model/publication.h"
#include "model/video.h"

static const char STAFF[] = "ohjelmapaallikko@example.fi";

/* ---- a PDF by hand ---- */

/* Appends s (UTF-8) as a PDF string in WinAnsiEncoding: ( ) \ escaped, Latin-1 letters as their byte, the en dash
 * as 0x96, anything else as '?'. */
static void pdf_string(buf *out, const char *s) {
  buf_putc(out, '(');
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    unsigned c = *p++;
    if (c >= 0x80) { /* decode one UTF-8 sequence */
      int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
      c &= more == 3 ? 0x07 : more == 2 ? 0x0F : 0x1F;
      while (more-- > 0 && (*p & 0xC0) == 0x80) c = (c << 6) | (*p++ & 0x3F);
      c = c == 0x2013 ? 0x96 : c == 0x2014 ? 0x97 : (c >= 0xA0 && c <= 0xFF) ? c : '?';
    }
    if (c == '(' || c == ')' || c == '\\') buf_putc(out, '\\');
    buf_putc(out, (char)c);
  }
  buf_putc(out, ')');
}

void demo_pdf(buf *out, const char *title) {
  size_t off[7];
  buf content = BUF_INIT;
  buf_puts(&content, "BT /F1 12 Tf 72 770 Td ");
  pdf_string(&content, "Esittelyaineisto \xE2\x80\x93 paikkamerkki");
  buf_puts(&content, " Tj /F1 20 Tf 0 -40 Td ");
  pdf_string(&content, title);
  buf_puts(&content, " Tj /F1 11 Tf 0 -30 Td ");
  pdf_string(&content,
             "Kehto-ohjelmiston esittelyaineisto: varsinainen julkaisu ei ole t\xC3\xA4ss\xC3\xA4 tiedostossa.");
  buf_puts(&content, " Tj ET\n");
  buf_puts(out, "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
  off[1] = out->len;
  buf_puts(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Lang (fi) >>\nendobj\n");
  off[2] = out->len;
  buf_puts(out, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
  off[3] = out->len;
  buf_puts(out, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
                "/Contents 5 0 R >>\nendobj\n");
  off[4] = out->len;
  buf_puts(out, "4 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n");
  off[5] = out->len;
  buf_printf(out, "5 0 obj\n<< /Length %zu >>\nstream\n", content.len);
  buf_append(out, content.data, content.len);
  buf_puts(out, "endstream\nendobj\n");
  off[6] = out->len;
  buf_puts(out, "6 0 obj\n<< /Title ");
  pdf_string(out, title);
  buf_puts(out, " /Producer (Kehto) >>\nendobj\n");
  size_t xref = out->len;
  buf_puts(out, "xref\n0 7\n0000000000 65535 f \n");
  for (int i = 1; i <= 6; i++) {
    char entry[24]; /* each entry is exactly 20 bytes */
    snprintf(entry, sizeof entry, "%010zu 00000 n \n", off[i]);
    buf_puts(out, entry);
  }
  buf_printf(out, "trailer\n<< /Size 7 /Root 1 0 R /Info 6 0 R >>\nstartxref\n%zu\n%%%%EOF\n", xref);
  buf_free(&content);
}

/* ---- publications ---- */

static const struct {
  const char *title, *authors, *type, *file, *summary;
  int year;
} pubs[] = {
    {"Kunteko-ohjelman raportti 2015–2017", "Kunteko 2020 -ohjelma", "report", "kunteko-raportti-2015-2017.pdf",
     "Raportti kertoo Kunteko 2020 -ohjelman ensimmäisestä rahoituskaudesta vuosina 2015–2017: mitä ohjelma "
     "tarjosi kunta-alan työpaikoille, keitä toiminta tavoitti ja mitä kehittämisestä opittiin.\n\n"
     "## Keskeistä\n\n"
     "- Ohjelma tarjosi työpaikoille sparrausta, sisäisten kehittäjien valmennusta, työpajoja ja verkostoja.\n"
     "- Tekojen torilla kunta-alan työntekijät kertoivat kehittämisteoistaan: mihin pyrittiin ja mitä saatiin "
     "aikaan.\n"
     "- Kehittäminen onnistui parhaiten, kun johto, esihenkilöt ja henkilöstö tekivät sitä yhdessä.\n\n"
     "Raportissa esitetään myös toisen rahoituskauden (2018–2020) painopisteet.",
     2017},
    {"Kunteko-ohjelman loppujulkaisu 2020", "Kunteko 2020 -ohjelma", "final", "kunteko-loppujulkaisu-2020.pdf",
     "Loppujulkaisu on Kunteko 2020 -ohjelman historia vuosilta 2015–2020. Se kertoo, miten kunta- ja "
     "maakunta-alan työelämän kehittämisohjelma syntyi, mitä se teki ja mitä siitä jäi.\n\n"
     "Julkaisussa on esimerkkejä yli 240 organisaation kehittämistyöstä: työpaikkojen omia kokeiluja, "
     "valmennusten ja verkostojen tuloksia sekä Tekojen torilla kerrottuja tekoja.\n\n"
     "## Sisältö\n\n"
     "1. Ohjelman tausta ja tavoitteet\n"
     "2. Palvelut: sparraus, valmennukset, työpajat, verkostot ja tilaisuudet\n"
     "3. Esimerkkejä organisaatioista\n"
     "4. Mitä opimme työelämän kehittämisestä",
     2020},
    {"Kunteko 2020 -ohjelman ulkoinen arviointi", "MDI Oy", "evaluation", "kunteko-ulkoinen-arviointi-2020.pdf",
     "MDI Oy arvioi Kunteko 2020 -ohjelman marraskuussa 2020. Arviointi tarkasteli, miten ohjelma saavutti "
     "tavoitteensa, miten sen palvelut tavoittivat kunta-alan työpaikat ja millaisia vaikutuksia kehittämisellä "
     "oli.\n\n"
     "Arvioinnin aineistona olivat ohjelman seurantatiedot, osallistujille tehdyt kyselyt ja haastattelut.\n\n"
     "## Suositukset\n\n"
     "- Työelämän kehittämisen tukea kannattaa jatkaa kunta-alalla.\n"
     "- Kehittämisen tulokset ja hyvät käytännöt pitää tehdä näkyviksi ja helposti löydettäviksi.\n"
     "- Vaikutuksia kannattaa seurata koko toiminnan ajan, ei vain lopuksi.",
     2020},
};

/* ---- videos ---- */

static const struct {
  const char *title[3], *description[3], *vtt[3], *file;
} videos[] = {
    {{"Mikä on Kunteko-ohjelma?", "Vad är Kunteko-programmet?", "What is the Kunteko programme?"},
     {"Piirretty esittelyvideo kertoo lyhyesti, mikä Kunteko 2020 -ohjelma on, mitä se tarjoaa kunta-alan "
      "työpaikoille ja miten mukaan pääsee.\n\n*Esittelyaineisto: video on paikkamerkki.*",
      "En tecknad presentationsvideo om vad Kunteko 2020-programmet är och vad det erbjuder arbetsplatserna inom den "
      "kommunala sektorn.",
      "A drawn introduction to the Kunteko 2020 programme: what it is and what it offers to municipal workplaces."},
     {"WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nMikä on Kunteko-ohjelma?\n\n00:00:02.500 --> 00:00:05.000\n"
      "Kunta-alan työelämän kehittämisohjelma 2015–2020.\n",
      "WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nVad är Kunteko-programmet?\n\n00:00:02.500 --> 00:00:05.000\n"
      "Ett utvecklingsprogram för arbetslivet i kommunerna 2015–2020.\n",
      "WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nWhat is the Kunteko programme?\n\n00:00:02.500 --> 00:00:05.000\n"
      "The working-life development programme of the municipal sector, 2015–2020.\n"},
     "mika-on-kunteko.webm"},
    {{"Työelämän kehittäminen kannattaa", "", "Developing working life pays off"},
     {"Ohjelman päätösvideo: kunta-alan työpaikat kertovat, mitä kehittäminen toi mukanaan ja miksi sitä kannattaa "
      "jatkaa.\n\n*Esittelyaineisto: video on paikkamerkki.*",
      "", "The programme's closing video: municipal workplaces tell what development brought them."},
     {"WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nTyöelämän kehittäminen kannattaa.\n\n00:00:02.500 --> "
      "00:00:05.000\nKiitos kaikille mukana olleille!\n",
      "",
      "WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nDeveloping working life pays off.\n\n00:00:02.500 --> "
      "00:00:05.000\nThank you to everyone who took part!\n"},
     "tyoelaman-kehittaminen-kannattaa.webm"},
};

int demo_pubs(db *d, kerr *e) {
  for (size_t i = 0; i < sizeof pubs / sizeof pubs[0]; i++) {
    publication p = {0};
    p.title = (char *)pubs[i].title;
    p.authors = (char *)pubs[i].authors;
    p.year = pubs[i].year;
    p.type = (char *)pubs[i].type;
    p.lang = "fi";
    p.summary = (char *)pubs[i].summary;
    buf pdf = BUF_INIT;
    demo_pdf(&pdf, pubs[i].title);
    long long id = publication_save(d, &p, pubs[i].file, pdf.data, pdf.len, STAFF, e);
    buf_free(&pdf);
    if (!id || publication_publish(d, id, 1, STAFF, e) != K_OK) return K_ERR;
    /* published when the programme published it, not when the demo was made (the lists' and the sitemap's dates) */
    static const char *const when[] = {"2017-12-14T10:00:00Z", "2020-12-10T10:00:00Z", "2020-11-30T10:00:00Z"};
    if (db_exec(d, "UPDATE publication SET published_at = ?1, created_at = ?1, updated_at = ?1 WHERE id = ?2", "ti",
                when[i % 3], id) != DB_OK)
      return kerr_storage(e, "Esittelyaineisto", db_errmsg(d));
  }
  const struct embed_file *webm = embed_get("data/demo/placeholder.webm");
  if (!webm) return kerr_set(e, NULL, "data/demo/placeholder.webm is not embedded");
  for (size_t i = 0; i < sizeof videos / sizeof videos[0]; i++) {
    video v = {0};
    for (int l = 0; l < 3; l++) {
      v.title[l] = (char *)videos[i].title[l];
      v.description[l] = (char *)videos[i].description[l];
    }
    v.url = "";
    video_input in = {videos[i].file, webm->data, webm->len, {videos[i].vtt[0], videos[i].vtt[1], videos[i].vtt[2]}};
    long long id = video_save(d, &v, &in, STAFF, e);
    if (!id || video_publish(d, id, 1, STAFF, e) != K_OK) return K_ERR;
    static const char *const when[] = {"2016-02-01T10:00:00Z", "2020-12-15T10:00:00Z"};
    if (db_exec(d, "UPDATE video SET published_at = ?1, created_at = ?1, updated_at = ?1 WHERE id = ?2", "ti",
                when[i % 2], id) != DB_OK)
      return kerr_storage(e, "Esittelyaineisto", db_errmsg(d));
  }
  return K_OK;
}
