/* tr: texts staff write in Finnish with Swedish and English beside them ('' = not translated), read in a reader's
 * language: the translation, or the Finnish standing in for a missing one (pages mark that lang="fi"). */
#ifndef KEHTO_TR_H
#define KEHTO_TR_H

/* A text in the language asked for. text is never NULL; fallback is 1 when text is the Finnish standing in for a
 * missing Swedish or English one (never on Finnish pages). */
typedef struct tr {
  const char *text;
  int fallback;
} tr;

/* The index of lang among fi, sv, en: 0 for "fi", NULL or anything unknown, 1 "sv", 2 "en". Bound as :lang in the
 * SQL of TR_PICK. */
int tr_lang_index(const char *lang);
/* Picks the text in lang from the three stored ones (NULL counts as ''); the strings are not copied. */
tr tr_pick(const char *lang, const char *fi, const char *sv, const char *en);

/* SQL for a column `col` (fi) with col_sv and col_en beside it, in the language bound as :lang (tr_lang_index): the
 * translation, or the Finnish when it is ''. TR_FALLBACK is 1 when the Finnish stands in. col is a literal. */
#define TR_PICK(col)                                                                                                   \
  "COALESCE(NULLIF(CASE CAST(:lang AS INTEGER) WHEN 1 THEN " col "_sv WHEN 2 THEN " col "_en ELSE '' END,''), " col ")"
#define TR_FALLBACK(col)                                                                                               \
  "CASE WHEN CAST(:lang AS INTEGER) IN (1,2) AND (CASE CAST(:lang AS INTEGER) WHEN 1 THEN " col "_sv ELSE " col        \
  "_en END)='' THEN 1 ELSE 0 END"

#endif
