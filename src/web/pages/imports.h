/* imports (page): /hallinta/tuonti, staff upload participants, attendance and deeds as CSV or Excel files: a
 * preview with every error, then the import on confirmation. */
#ifndef KEHTO_PAGES_IMPORTS_H
#define KEHTO_PAGES_IMPORTS_H
#include "web/routes.h"

extern const route imports_routes[];

#endif
