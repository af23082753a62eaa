/* pages/sessions: the routes of sessions.c: a session's roll call and QR code (staff), the public sign-in form. */
#ifndef KEHTO_PAGES_SESSIONS_H
#define KEHTO_PAGES_SESSIONS_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route sessions_routes[];

#endif
