#!/bin/sh
# Writes a C file that embeds each named file as a byte array, with a table {path, data, len} for lookup.
set -e
i=0
for f in "$@"; do
  printf 'static const unsigned char f%d[] = {\n' "$i"
  xxd -i < "$f"
  printf ', 0x00};\n'
  i=$((i+1))
done
printf '#include <stddef.h>\nstruct embed_file { const char *path; const unsigned char *data; size_t len; };\n'
printf 'const struct embed_file embed_files[] = {\n'
i=0
for f in "$@"; do
  n=$(wc -c < "$f")
  printf '  {"%s", f%d, %d},\n' "$f" "$i" "$n"
  i=$((i+1))
done
printf '  {NULL, NULL, 0}\n};\n'
