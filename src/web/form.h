/* form: accessible form fields (label, hint, inline error, kept value) shared by every form page. */
#ifndef KEHTO_FORM_H
#define KEHTO_FORM_H
#include "model/refdata.h"
#include "web/web.h"

typedef struct form_opt {
  const char *value, *label;
} form_opt;

/* The field a form error is about, so that field can show the message beside it. err may be NULL. */
typedef struct form_ctx {
  web_req *r;
  const kerr *err;
} form_ctx;

/* The first error about field name in the list err (may be NULL), or NULL. Points into err. */
const kerr *form_field_error(const kerr *err, const char *name);
/* Opens the edit form of the thing r->id under base ("/hallinta/palvelut"): posting to base/ID, or to base/uusi for a
 * new one (r->id 0), with the CSRF token. The caller writes the fields and closes the form. */
void form_open_edit(web_req *r, const char *base);
/* Writes the error summary (role=alert, with a link to the field) when there is an error. */
void form_errors(form_ctx *f);
/* <input type=type>. required adds the attribute and a visible "(pakollinen)". hint may be NULL. */
void form_input(form_ctx *f, const char *type, const char *name, const char *label, const char *value, int required,
                const char *hint);
/* The same with lang="…" on the input (the language its text is written in, e.g. "sv"; NULL for none). */
void form_input_lang(form_ctx *f, const char *type, const char *name, const char *label, const char *value,
                     int required, const char *hint, const char *lang);
/* A required password field, never filled in; autocomplete is "current-password" or "new-password". */
void form_password(form_ctx *f, const char *name, const char *label, const char *autocomplete, const char *hint);
void form_textarea(form_ctx *f, const char *name, const char *label, const char *value, int required, const char *hint,
                   int rows);
/* The same with lang="…" on the textarea (NULL for none). */
void form_textarea_lang(form_ctx *f, const char *name, const char *label, const char *value, int required,
                        const char *hint, int rows, const char *lang);
/* <select> with an empty first option labelled empty_label (NULL for none). */
void form_select(form_ctx *f, const char *name, const char *label, const char *value, const form_opt *opts, int n,
                 int required, const char *empty_label);
/* The same with the options taken from a reference-data list (codes as values, names as labels). */
/* The same, with option i marked lang="langs[i]" when that is not NULL (a label in Finnish standing in for a missing
 * translation); langs may be NULL. */
void form_select_lang(form_ctx *f, const char *name, const char *label, const char *value, const form_opt *opts, int n,
                      int required, const char *empty_label, const char *const *langs);
void form_select_codes(form_ctx *f, const char *name, const char *label, const char *value, const code_name *v, int n,
                       int required, const char *empty_label);

#endif
