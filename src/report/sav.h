/* sav: a survey's answers as an SPSS .sav file with variable and value labels, written with libreadstat. */
#ifndef KEHTO_SAV_H
#define KEHTO_SAV_H
#include "db/db.h"
#include "model/survey.h"
#include "report/export.h"

/* Writes survey id's answers (definition def) to a .sav file at path: one row per response; the variables
 * answered_on, via, role, service_type, sector, region (strings) and period (number), then per question: a scale
 * or number one numeric variable named by its key; a matrix one per row (KEY_ROW); a single choice one numeric
 * variable coded 1..k in the options' order (k+1 = "other") with the options' texts as value labels, and KEY_other
 * for the other text; a multiple choice one 0/1 variable per option (KEY_OPTION; 0 = answered the question but not
 * this one, missing = did not answer it) and KEY_other_text; an open question a string variable. Variable labels
 * are the question's text (a matrix row or option after a colon) in lang; a scale's ends carry their labels. Names
 * are made valid for SPSS ('-' becomes '_', a digit first gets a 'v' before it) and unique. trf translates the few
 * words of the file's own ("Valittu", "Muu"). Staff only: these are the answers themselves. K_OK or K_ERR with e. */
int sav_write_survey(db *d, long long id, const survey_def *def, const char *path, const char *lang, report_tr trf,
                     kerr *e);

#endif
