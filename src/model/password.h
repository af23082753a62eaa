/* password: the one rule every password is checked against: long enough and not guessable (libzxcvbn). */
#ifndef KEHTO_PASSWORD_H
#define KEHTO_PASSWORD_H
#include "core/util.h"

#define PASSWORD_MIN_CHARS 12
/* zxcvbn's estimate of the guesses needed, as bits (log2): 33 bits is about 10^10 guesses, zxcvbn's top score. */
#define PASSWORD_MIN_BITS 33.0

/* Checks a new password for the account email (may be NULL): at least PASSWORD_MIN_CHARS characters, and at least
 * PASSWORD_MIN_BITS by zxcvbn, whose English dictionaries are joined by common Finnish passwords and words (salasana,
 * kesä, kissa, month names…) and the parts of the email. Returns K_OK, or K_ERR with e set (field "password") to a
 * Finnish message saying why (too short, a common password or word, repeated characters, a sequence, keys side by
 * side, a date, the email), marked with N_ so that T() or i18n_get() translates it. */
int password_check(const char *password, const char *email, kerr *e);

#endif
