/* form: field rendering with labels, hints and inline errors; every value and message is escaped. */
#include "web/form.h"

#include <string.h>

const kerr *form_field_error(const kerr *err, const char *name) {
  for (const kerr *e = err; e && e->msg; e = e->next)
    if (e->field && strcmp(e->field, name) == 0) return e;
  return NULL;
}

static int has_error(form_ctx *f, const char *name) {
  return form_field_error(f->err, name) != NULL;
}

void form_open_edit(web_req *r, const char *base) {
  if (r->id)
    buf_printf(&r->out, "<form method=\"post\" action=\"%h%h/%lld\" class=\"form\" novalidate>\n", r->prefix, base,
               r->id);
  else
    buf_printf(&r->out, "<form method=\"post\" action=\"%h%h/uusi\" class=\"form\" novalidate>\n", r->prefix, base);
  web_csrf_field(r);
}

void form_errors(form_ctx *f) {
  if (!f->err || !f->err->msg) return;
  web_req *r = f->r;
  buf_printf(&r->out, "<div class=\"error-summary\" role=\"alert\"><h2>%h</h2><ul>", T(r, "Tarkista lomake"));
  for (const kerr *e = f->err; e && e->msg; e = e->next) {
    if (e->field)
      buf_printf(&r->out, "<li><a href=\"#f-%h\">%h</a></li>", e->field, T(r, e->msg));
    else
      buf_printf(&r->out, "<li>%h</li>", T(r, e->msg));
  }
  buf_puts(&r->out, "</ul></div>\n");
}

static void open_field(form_ctx *f, const char *name, const char *label, int required, const char *hint) {
  web_req *r = f->r;
  int bad = has_error(f, name);
  buf_printf(&r->out, "<div class=\"field%r\"><label for=\"f-%h\">%h%r%h%r</label>", bad ? " invalid" : "", name, label,
             required ? " <span class=\"muted\">(" : "", required ? T(r, "pakollinen") : "",
             required ? ")</span>" : "");
  if (hint) buf_printf(&r->out, "<span class=\"hint\" id=\"h-%h\">%h</span>", name, hint);
  if (bad)
    buf_printf(&r->out, "<span class=\"error\" id=\"e-%h\">%h</span>", name, T(r, form_field_error(f->err, name)->msg));
}

static void described_by(form_ctx *f, const char *name, const char *hint) {
  web_req *r = f->r;
  int bad = has_error(f, name);
  if (!hint && !bad) return;
  buf_puts(&r->out, " aria-describedby=\"");
  if (hint) buf_printf(&r->out, "h-%h", name);
  if (bad) buf_printf(&r->out, "%re-%h", hint ? " " : "", name);
  buf_puts(&r->out, "\"");
  if (bad) buf_puts(&r->out, " aria-invalid=\"true\"");
}

static void lang_attr(form_ctx *f, const char *lang) {
  if (lang) buf_printf(&f->r->out, " lang=\"%h\"", lang);
}

void form_input(form_ctx *f, const char *type, const char *name, const char *label, const char *value, int required,
                const char *hint) {
  form_input_lang(f, type, name, label, value, required, hint, NULL);
}

void form_input_lang(form_ctx *f, const char *type, const char *name, const char *label, const char *value,
                     int required, const char *hint, const char *lang) {
  open_field(f, name, label, required, hint);
  buf_printf(&f->r->out, "<input type=\"%h\" id=\"f-%h\" name=\"%h\" value=\"%h\"%r", type, name, name,
             value ? value : "", required ? " required" : "");
  lang_attr(f, lang);
  described_by(f, name, hint);
  buf_puts(&f->r->out, "></div>\n");
}

void form_password(form_ctx *f, const char *name, const char *label, const char *autocomplete, const char *hint) {
  open_field(f, name, label, 1, hint);
  buf_printf(&f->r->out, "<input type=\"password\" id=\"f-%h\" name=\"%h\" autocomplete=\"%h\" required", name, name,
             autocomplete);
  described_by(f, name, hint);
  buf_puts(&f->r->out, "></div>\n");
}

void form_textarea(form_ctx *f, const char *name, const char *label, const char *value, int required, const char *hint,
                   int rows) {
  form_textarea_lang(f, name, label, value, required, hint, rows, NULL);
}

void form_textarea_lang(form_ctx *f, const char *name, const char *label, const char *value, int required,
                        const char *hint, int rows, const char *lang) {
  open_field(f, name, label, required, hint);
  buf_printf(&f->r->out, "<textarea id=\"f-%h\" name=\"%h\" rows=\"%d\"%r", name, name, rows,
             required ? " required" : "");
  lang_attr(f, lang);
  described_by(f, name, hint);
  /* a browser drops a newline right after the tag: one more keeps a value's blank first line (a goal not translated) */
  buf_printf(&f->r->out, ">%r%h</textarea></div>\n", value && (*value == '\n' || *value == '\r') ? "\n" : "",
             value ? value : "");
}

void form_select(form_ctx *f, const char *name, const char *label, const char *value, const form_opt *opts, int n,
                 int required, const char *empty_label) {
  form_select_lang(f, name, label, value, opts, n, required, empty_label, NULL);
}

void form_select_lang(form_ctx *f, const char *name, const char *label, const char *value, const form_opt *opts, int n,
                      int required, const char *empty_label, const char *const *langs) {
  open_field(f, name, label, required, NULL);
  buf_printf(&f->r->out, "<select id=\"f-%h\" name=\"%h\"%r", name, name, required ? " required" : "");
  described_by(f, name, NULL);
  buf_puts(&f->r->out, ">");
  if (empty_label) buf_printf(&f->r->out, "<option value=\"\">%h</option>", empty_label);
  for (int i = 0; i < n; i++) {
    buf_printf(&f->r->out, "<option value=\"%h\"%r", opts[i].value,
               value && strcmp(value, opts[i].value) == 0 ? " selected" : "");
    lang_attr(f, langs ? langs[i] : NULL);
    buf_printf(&f->r->out, ">%h</option>", opts[i].label);
  }
  buf_puts(&f->r->out, "</select></div>\n");
}

void form_select_codes(form_ctx *f, const char *name, const char *label, const char *value, const code_name *v, int n,
                       int required, const char *empty_label) {
  form_opt *o = arena_alloc(&f->r->mem, sizeof *o * (size_t)(n ? n : 1));
  for (int i = 0; i < n; i++) o[i] = (form_opt){v[i].code, v[i].name};
  form_select(f, name, label, value, o, n, required, empty_label);
}
