/* demo_news: internal to the demo builder: the programme's news 2015–2020 (see demo_news.c). */
#ifndef KEHTO_DEMO_NEWS_H
#define KEHTO_DEMO_NEWS_H
#include "db/db.h"

/* Adds eight published news items of 2015–2020 in Finnish (some in Swedish and English too), each with a small
 * generated PNG image and its alt texts, inside the demo's transaction. Deterministic: the same items, images and
 * uids every time. Returns the number of items (K_ERR, with e set, on failure). */
int demo_news(db *d, kerr *e);

#endif
