#!/usr/bin/python3
"""pdf_check: reads a narrative report's PDF back for tests/e2e/test_reports.sh with poppler's tools and prints one
"ok - …" or "not ok - …" line per check: the figures given are in its text, every font is embedded, each entry of
the table of contents is on the page it names, the headings are bookmarks, there are no raster images, and the
charts' words are in the text layer.

usage: pdf_check.py FILE.pdf FIGURES.json
FIGURES.json: {"figures": {"what": "1 234", …}, "headings": ["Johdanto", …], "chart_words": ["Organisaatioita"]}
"""
import json
import re
import subprocess
import sys

SPACES = re.compile('[\u202f\u00a0 ]+')


def norm(s):
    return SPACES.sub(' ', s)


def say(ok, what, detail=''):
    print(('ok - ' if ok else 'not ok - ') + what + ('' if ok or not detail else ' (' + detail[:300] + ')'))


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def outline_titles(raw):
    """The bookmarks' titles: the /Title strings of the outline items, (literal) or <FEFF UTF-16BE hex>."""
    titles = []
    for m in re.finditer(rb'/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]+>)', raw):
        t = m.group(1)
        if t.startswith(b'<'):
            b = bytes.fromhex(t[1:-1].decode())
            titles.append(b[2:].decode('utf-16-be') if b.startswith(b'\xfe\xff') else b.decode('latin-1'))
        else:
            titles.append(re.sub(rb'\\(.)', rb'\1', t[1:-1]).decode('latin-1'))
    return titles


def contents(pages):
    """The table of contents (the page headed Sisällys or Innehåll): [(heading, page)]."""
    for text in pages:
        lines = text.splitlines()
        if lines and lines[0].strip() in ('Sisällys', 'Innehåll'):
            out = []
            for ln in lines[1:]:
                m = re.match(r'^\s*(\S.*?)\s{2,}(\d+)\s*$', ln)
                if m:
                    out.append((m.group(1), int(m.group(2))))
            return out
    return []


def main():
    pdf, spec = sys.argv[1], json.load(open(sys.argv[2], encoding='utf-8'))
    layout = run('pdftotext', '-layout', pdf, '-').split('\f')
    whole = norm(run('pdftotext', pdf, '-'))
    for what, fig in spec['figures'].items():
        found = re.search(r'(?<!\d)(?<!\d )' + re.escape(norm(fig)) + r'(?![\d])', whole) is not None
        say(found, 'the PDF shows %s as /tilastot does: %s' % (what, norm(fig)))
    fonts = run('pdffonts', pdf).splitlines()[2:]
    emb = [ln for ln in fonts if ln.split()[-5] == 'yes']
    say(fonts and len(emb) == len(fonts), 'pdffonts: every font embedded (%d fonts)' % len(fonts), '\n'.join(fonts))
    say(any('DejaVu' in ln for ln in fonts), 'pdffonts: the DejaVu fonts the install script installs')
    toc = contents(layout)
    say(len(toc) >= len(spec['headings']), 'the table of contents lists the headings', repr(toc))
    for heading, page in toc:
        text = layout[page - 1] if 0 < page <= len(layout) else ''
        say(any(ln.strip() == heading for ln in text.splitlines()),
            'contents: "%s" is on page %d as it says' % (heading, page), text[:200])
    for h in spec['headings']:
        say(any(h == t for t, _ in toc), 'contents: "%s" listed' % h)
    raw = open(pdf, 'rb').read()
    titles = outline_titles(raw)
    say(b'/Outlines' in raw and all(h in titles for h in spec['headings']),
        'bookmarks: /Outlines with every heading', repr(titles))
    images = run('pdfimages', '-list', pdf).splitlines()[2:]
    say(not images, 'the charts are vectors: no raster image in the PDF', '\n'.join(images))
    for w in spec.get('chart_words', []):
        say(w in whole, 'a chart\'s words are in the text layer: %s' % w)
    say(len(layout) - 1 >= 4, 'a cover, the contents and the text: %d pages' % (len(layout) - 1))


main()
