/* lists: the staff lists as downloads through the export writer: deeds with every field, a delivery's participants
 * with their attendance per session, applications with every field. They hold personal data: the caller audits. */
#ifndef KEHTO_LISTS_H
#define KEHTO_LISTS_H
#include "report/export.h"

/* Writes the header row and one row per deed (status "" or NULL: every status), oldest first. Names of sectors,
 * statuses and the like in lang (codes in the comma CSV). Returns the number of deeds, or -1 when the database
 * failed (logged; what was written is incomplete). */
long long lists_deeds(db *d, export_out *o, const char *status, const char *lang, report_tr tr);
/* Writes one row per participant of delivery_id: name, email, organisation, role, a column per session (present or
 * absent), the sessions attended and the share of sessions attended in per cent. Returns the number of
 * participants, or -1 when the database failed. */
long long lists_participants(db *d, export_out *o, long long delivery_id, const char *lang, report_tr tr);
/* Writes the header row and one row per application (status "" or NULL: every status), oldest first. Returns the
 * number of applications, or -1 when the database failed. */
long long lists_applications(db *d, export_out *o, const char *status, const char *lang, report_tr tr);

/* The Finnish label (msgid) of a deed's or an application's status code ("published": "Julkaistu"); an unknown code
 * as it is. */
const char *lists_status_label(const char *code);

#endif
