/* pages/home: the routes of home.c: the front page /. */
#ifndef KEHTO_PAGES_HOME_H
#define KEHTO_PAGES_HOME_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route home_routes[];

#endif
