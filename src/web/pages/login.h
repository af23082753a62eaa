/* pages/login: the routes of login.c: signing in and out. */
#ifndef KEHTO_PAGES_LOGIN_H
#define KEHTO_PAGES_LOGIN_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route login_routes[];

#endif
