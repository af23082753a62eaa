/* i18n: the Swedish and English catalogs (locale/sv.po and en.po, embedded), looked up by the Finnish msgid. The web
 * layer's T() uses the request's language; models that write text for someone else (email) name the language. */
#ifndef KEHTO_I18N_H
#define KEHTO_I18N_H
#include "core/util.h"

/* Translation of a Finnish msgid into lang ("fi", "sv", "en"); the msgid itself when there is none. */
const char *i18n_get(const char *lang, const char *msgid);
/* Loads the embedded catalogs; call once at start (again is a no-op). Returns K_OK or K_ERR with e set. */
int i18n_init(kerr *e);

#endif
