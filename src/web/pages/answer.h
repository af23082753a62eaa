/* pages/answer: the routes of answer.c: answering a survey by a personal link or its open link (public), and a
 * survey's invitation page for staff and evaluators (invite, remind, response rates, close the series). */
#ifndef KEHTO_PAGES_ANSWER_H
#define KEHTO_PAGES_ANSWER_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route answer_routes[];

#endif
