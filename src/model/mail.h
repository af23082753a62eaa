/* mail: the messages Kehto sends people, written in the recipient's language (fi, sv, en) as plain text and a simple
 * HTML part, and queued in the outbox (model/outbox.h) inside the caller's transaction, so that the message and the
 * change it tells about are saved together. Links start with the site's base URL (mail_base_url). */
#ifndef KEHTO_MAIL_H
#define KEHTO_MAIL_H
#include "core/buf.h"
#include "db/db.h"

/* The site's address for links in email ("https://host[:port]", no trailing slash): `kehto serve` records its
 * --base-url in the settings (mail_remember_base_url) so that the CLI writes the same links. */
int mail_remember_base_url(db *d, const char *url);
/* Writes the base URL into out (size n): the recorded one, else http://127.0.0.1:8080. */
void mail_base_url(db *d, char *out, size_t n);

/* Each queues one message and returns its outbox id, or 0 with e set. lang falls back to Finnish. */
long long mail_invite(db *d, const char *to, const char *lang, const char *role, const char *token, kerr *e);
long long mail_reset(db *d, const char *to, const char *lang, const char *token, kerr *e);
long long mail_application_received(db *d, const char *to, const char *lang, long long app_id, const char *service,
                                    kerr *e);
/* approved 1 or 0; reason is the staff's reason for a rejection ("" for none). */
long long mail_application_decided(db *d, const char *to, const char *lang, long long app_id, const char *service,
                                   int approved, const char *reason, kerr *e);
long long mail_deed_decided(db *d, const char *to, const char *lang, long long deed_id, const char *title,
                            int published, const char *reason, kerr *e);
/* A survey invitation (reminder 0) or reminder (1) with the personal link BASE/kysely/TOKEN, the survey's title (in
 * lang) and its closing time (ISO UTC or NULL: "no closing date"), shown as a Finnish day. Kind "survey-invite":
 * the outbox cuts the token out of the link once sent. */
long long mail_survey_invite(db *d, const char *to, const char *lang, const char *token, const char *title,
                             const char *closes_at, int reminder, kerr *e);
/* An award suggestion accepted (the deed is a nominee in category of the year's round) or declined with the staff's
 * reason; to the suggester, in the language they suggested in. Kind "award-suggestion". */
long long mail_award_suggestion_decided(db *d, const char *to, const char *lang, long long deed_id, const char *title,
                                        const char *category, int year, int accepted, const char *reason, kerr *e);

/* Tells a contact of an organisation whose deeds won awards or honourable mentions in a published round (year): one
 * message listing the n results w (result, category in lang, deed title), with the link BASE/palkinnot/YEAR in lang. */
struct award_win;
long long mail_award_won(db *d, const char *to, const char *lang, int year, const char *org, const struct award_win *w,
                         int n, kerr *e);

/* Fills {name} placeholders of a template from vars (name, value pairs ending with NULL) into out; unknown names stay
 * as they are. Exposed for tests. */
void mail_fill(buf *out, const char *template, const char *const *vars);

#endif
