#!/bin/sh
# check-seam: fails when SQLite or SQLite-only SQL shows outside the database seam (src/db/, and src/search/ for
# FTS5). db.h is the only door (issue #8). Prints every offending line.
cd "$(dirname "$0")/.." || exit 2
status=0

# $1: what is wrong; $2: extended regular expression; rest: where to look
check() {
  what=$1 re=$2
  shift 2
  hits=$(grep -rnE "$re" "$@" --include='*.c' --include='*.h' 2>/dev/null)
  if [ -n "$hits" ]; then
    printf 'check-seam: %s:\n%s\n' "$what" "$hits"
    status=1
  fi
}

above_db="src/model src/web src/report src/cli src/demo src/import src/core src/main.c"
# shellcheck disable=SC2086
check "SQLite API outside src/db/ and src/search/" 'sqlite3|SQLITE_' $above_db
# SQL carries no engine's clock: timestamps are bound from C (db_now); column DEFAULTs stay in the schema (src/db/)
check "SQL clock outside src/db/ (bind db_now() instead)" "'now'" src --exclude-dir=db
# portable SQL: upserts as ON CONFLICT, lists with string_agg (db.c supplies it on SQLite before 3.44)
check "SQLite-only INSERT OR … outside src/db/ (use ON CONFLICT … DO NOTHING/UPDATE)" 'INSERT OR ' src --exclude-dir=db
check "PRAGMA outside src/db/ (add a db.h function)" 'PRAGMA' $above_db
check "group_concat outside src/db/ (use string_agg)" 'group_concat' src --exclude-dir=db
# search attaches itself when the opener asks (db_open's ext): db/ does not reach up into search/
check "src/db/ includes search/" '#include "search/' src/db
# layers point one way, web → model/report → db → core: nothing below web/ includes it
check "a layer below web/ includes web/ (move what it needs down, as core/svg.c)" '#include "web/' \
  src/model src/report src/db src/core src/import src/demo src/search
echo "check-seam: $( [ $status -eq 0 ] && echo ok || echo FAILED)"
exit $status
