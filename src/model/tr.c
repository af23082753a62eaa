/* tr: picking a stored text in the reader's language, with the Finnish standing in for a missing translation. */
#include "model/tr.h"

#include <string.h>

int tr_lang_index(const char *lang) {
  return lang && !strcmp(lang, "sv") ? 1 : lang && !strcmp(lang, "en") ? 2 : 0;
}

tr tr_pick(const char *lang, const char *fi, const char *sv, const char *en) {
  int i = tr_lang_index(lang);
  const char *t = i == 1 ? sv : i == 2 ? en : NULL;
  if (i && t && *t) return (tr){t, 0};
  return (tr){fi ? fi : "", i != 0};
}
