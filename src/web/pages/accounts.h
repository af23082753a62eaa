/* pages/accounts: the routes of accounts.c: the admin's accounts (/hallinta/kayttajat) and the staff landing page
 * /hallinta. */
#ifndef KEHTO_PAGES_ACCOUNTS_H
#define KEHTO_PAGES_ACCOUNTS_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route accounts_routes[];

#endif
