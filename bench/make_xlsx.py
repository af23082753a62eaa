#!/usr/bin/python3
"""bench/make_xlsx.py ROWS OUT.xlsx SETUP: a participants workbook as a spreadsheet program writes one: text in shared
strings, dates as serial numbers in cells with a date format (d.m.yyyy), the sheet streamed row by row. SETUP holds
the deliveries (D|ref|counts) and organisations (O|name) to use. Realistic rows: Finnish names, unique addresses,
roles as codes and Finnish words, ESF items for services that count participants, empty ones for events."""
import random, sys, zipfile
from datetime import date
from xml.sax.saxutils import escape

rows, out, setup = int(sys.argv[1]), sys.argv[2], sys.argv[3]
random.seed(2020)
deliveries, orgs = [], []
for line in open(setup, encoding="utf-8"):
    f = line.rstrip("\n").split("|")
    (deliveries if f[0] == "D" else orgs).append(f[1:])
women = "Anna Johanna Tiina Sari Minna Hanna Päivi Riikka Laura Kaisa Satu Marja Elina Heidi Outi".split()
men = "Jukka Mikko Timo Juha Kari Petri Antti Ville Markku Pekka".split()
last = "Virtanen Korhonen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen Lehtonen Salo".split()
occ = ["sairaanhoitaja", "lähihoitaja", "luokanopettaja", "sosiaaliohjaaja", "kiinteistönhoitaja", "toimistosihteeri", ""]
roles = ["tyontekija", "Työntekijä", "esihenkilo", "Esihenkilö", "johto", "edustaja"]
header = ["delivery", "email", "name", "organisation", "role", "occupation", "entry_date", "birth_date", "gender",
          "labour_status", "education", "exit_date", "exit_status"]
strings, index = [], {}

def s(text):
    if text not in index:
        index[text] = len(strings)
        strings.append(text)
    return index[text]

EPOCH = date(1899, 12, 30).toordinal()
def serial(d):
    return d.toordinal() - EPOCH

def col(i):
    return "ABCDEFGHIJKLM"[i]

with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("xl/worksheets/sheet1.xml", "w") as w:
        w.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxml'
                b'formats.org/spreadsheetml/2006/main"><sheetData>')
        def row(r, cells):
            parts = []
            for i, v in enumerate(cells):
                if v is None or v == "":
                    continue
                ref = f"{col(i)}{r}"
                if isinstance(v, date):
                    parts.append(f'<c r="{ref}" s="1"><v>{serial(v)}</v></c>')
                else:
                    parts.append(f'<c r="{ref}" t="s"><v>{s(v)}</v></c>')
            w.write(f'<row r="{r}">{"".join(parts)}</row>'.encode())
        row(1, header)
        for n in range(rows):
            ref, counts, starts = deliveries[n % len(deliveries)]
            female = random.random() < 0.7
            first = random.choice(women if female else men)
            surname = random.choice(last)
            email = f"{first}.{surname}.{n}@example.fi".lower().replace("ä", "a").replace("ö", "o")
            cells = [ref, email, f"{first} {surname}", random.choice(orgs)[0], random.choice(roles), random.choice(occ)]
            if counts == "participant":
                start = date.fromisoformat(starts)
                born = date(random.randint(1958, 1999), random.randint(1, 12), random.randint(1, 28))
                cells += [start, born, "nainen" if female else "mies", random.choice(["tyollinen", "Työllinen"]),
                          random.choice(["isced34", "isced58", "ISCED 5–8"]), None, None]
            row(n + 2, cells)
        w.write(b"</sheetData></worksheet>")
    z.writestr("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxml'
               'formats.org/spreadsheetml/2006/main">' + "".join(f"<si><t>{escape(t)}</t></si>" for t in strings)
               + "</sst>")
    z.writestr("xl/styles.xml", '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxml'
               'formats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="d\\.m\\.'
               'yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/>'
               '</cellXfs></styleSheet>')
    z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxml'
               'formats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
               'relationships"><sheets><sheet name="Osallistujat" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://'
               'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
               'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
               '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
               'sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxml'
               'formats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxml'
               'formats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
               '</Types>')
