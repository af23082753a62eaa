/* embed: files (CSS, JS, catalogs, reference data) built into the binary by tools/embed.sh. */
#ifndef KEHTO_EMBED_H
#define KEHTO_EMBED_H
#include <stddef.h>

struct embed_file {
  const char *path;          /* path in the source tree, e.g. "assets/kehto.css" */
  const unsigned char *data; /* NUL-terminated for convenience; len excludes the NUL */
  size_t len;
};
extern const struct embed_file embed_files[];

/* Returns the embedded file with this source path, or NULL. */
const struct embed_file *embed_get(const char *path);

#endif
