/* bidict: the bilingual dictionaries of FreeDict that Debian packages for dictd (dict-freedict-swe-fin,
 * dict-freedict-eng-fin; CC BY-SA 3.0, from Wiktionary by WikDict), read by deed search for a Swedish or English
 * word that the thesaurus lacks: its Finnish translations. */
#ifndef KEHTO_BIDICT_H
#define KEHTO_BIDICT_H
#include "core/arena.h"

enum { BIDICT_SV, BIDICT_EN, BIDICT_N };

typedef struct bidict bidict;

/* The process's dictionary of language lang (BIDICT_SV: Swedish–Finnish, BIDICT_EN: English–Finnish), read at first
 * use from $KEHTO_DICT_DIR or /usr/share/dictd (freedict-swe-fin.index and .dict.dz); NULL when its files are missing
 * or unreadable (search goes on without it). Thread-safe; kept for the life of the process. */
const bidict *bidict_get(int lang);

/* The translations of headword w (lowercase; a phrase's words separated by one space) in the dictionary's order,
 * each once, at most max of them, into out (strings in arena a): the items of its entries' lines with sense numbers
 * and parenthesised remarks taken off, of one to three words. Lines of explanation in the source language come
 * along; the caller keeps the items whose words are Finnish. Returns how many. */
int bidict_translate(const bidict *d, const char *w, arena *a, const char **out, int max);

struct sb_stemmer;

/* The length of the definite or plural ending of Swedish word s (n bytes) that Snowball's Swedish stemmer leaves on
 * (arbetsförmågan, arbetarskyddet, hemvårdarna), with at least 4 bytes before it; 0 for none. */
size_t bidict_sv_ending(const char *s, size_t n);

#define BIDICT_SV_FORMS 12 /* most forms bidict_sv_forms gives */

/* The forms of Swedish word w (lowercase) to look up in the Swedish dictionary, whose headwords are base forms, in this
 * order: w; w without a definite ending the stemmer leaves on (arbetsavtalet: arbetsavtal; ensamheten: ensamhet, not
 * the stem's ensam); w's singular, of a plural with or without its definite ending (avvikelser, avvikelserna:
 * avvikelse; skolorna: skola; pojkar: pojke, pojk; dagarna: dag); its Snowball stem (sv: a Swedish stemmer, not shared
 * between threads) as it is and with the vowels base forms end in (måltider: måltid; bibliotekarien: bibliotekarie).
 * Each once; a phrase is only itself. Returns how many (at most BIDICT_SV_FORMS) into out (strings in a). */
int bidict_sv_forms(struct sb_stemmer *sv, const char *w, arena *a, const char **out);

#define BIDICT_EN_FORMS 4 /* most forms bidict_en_forms gives */

/* The forms of English word w (lowercase) to look up in the English dictionary: w, a plural's singular (meals: meal,
 * libraries: library) and an -ing form's verb (hoarding: hoard; caring: care; shopping: shop). A phrase is only itself.
 * Returns how many (at most BIDICT_EN_FORMS) into out (strings in a). */
int bidict_en_forms(const char *w, arena *a, const char **out);

/* The same of its entries that are a noun's ("<n, ut>" after the headword): for a Swedish deed's words, whose verbs
 * and adjectives the dictionary gives in senses a text seldom means (flytta: muuttaa, siirtää). */
int bidict_translate_nouns(const bidict *d, const char *w, arena *a, const char **out, int max);

#define BIDICT_SV_MOD_FORMS 5 /* most forms bidict_sv_mod_forms gives */

/* The forms to look up of s[0..n), the part of a Swedish compound before its head, in this order: as written, the
 * linking s taken off, the s taken off and an e put back, an a or an e put back (arbetsmiljö: arbets, arbete; skolmat:
 * skol, skola; fästingvaccin: fästing). Returns how many (at most BIDICT_SV_MOD_FORMS) into out (strings in a). */
int bidict_sv_mod_forms(const char *s, size_t n, arena *a, const char **out);

#define BIDICT_SV_LOANS 2 /* most spellings bidict_sv_loans gives */

/* The Finnish spellings of Swedish word w (lowercase, a base form) if it is a loan word both languages share, which the
 * dictionary mostly lacks (asbest: asbesti; dialog: dialogi; integration: integraatio; digitalisering:
 * digitalisointi; sanering: saneeraus; aktivitet: aktiviteetti; logistik: logistiikka): candidates only, for the caller
 * to keep those that are Finnish words. Returns how many (at most BIDICT_SV_LOANS) into out (strings in a). */
int bidict_sv_loans(const char *w, arena *a, const char **out);

/* Headwords, for tests. */
long bidict_size(const bidict *d);

#endif
