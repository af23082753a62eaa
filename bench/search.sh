#!/usr/bin/env bash
# bench/search.sh: times deed search over a generated corpus in kehto (SQLite FTS5 + Voikko) and in PostgreSQL 15
# (to_tsvector('finnish', ...) stored in a column with its GIN index, so ranking reads it rather than recomputing it per
# row). Usage: bench/search.sh [N_DEEDS] [ROUNDS]  (defaults 100000, 5)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
ROUNDS=${2:-5}
WORK=$(mktemp -d /tmp/kehto-bench.XXXXXX)
chmod 755 "$WORK"
PGBIN=/usr/lib/postgresql/15/bin
PGDATA=$WORK/pg
PGUSER_OS=postgres
PORT=54329
QUERIES=bench/search_queries.txt

cleanup() {
  if [ -f "$PGDATA/postmaster.pid" ]; then
    runuser -u $PGUSER_OS -- "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== build"
make -s kehto >/dev/null
OBJS=$(find src -name '*.c' ! -path src/main.c | sort | sed 's,^,build/,; s,\.c$,.o,') # this tree's sources only: a moved file's old object may linger in build/
LIBS=$(make -s --eval 'print-libs: ; @echo $(LIBS)' print-libs) # the libraries kehto links, as the Makefile has them
cc -std=c17 -O2 -D_GNU_SOURCE -Isrc -o "$WORK/search_bench" bench/search_bench.c $OBJS build/gen/embed.o $LIBS

echo "== generate $N deeds"
t0=$(date +%s)
"$WORK/search_bench" generate "$WORK/bench.db" "$N" "$WORK/deeds.csv"
echo "generated and indexed in $(( $(date +%s) - t0 )) s; database $(du -h "$WORK/bench.db" | cut -f1)"

echo "== kehto"
"$WORK/search_bench" run "$WORK/bench.db" "$QUERIES" "$ROUNDS" | tee "$WORK/kehto.txt"

echo "== PostgreSQL 15"
chown -R $PGUSER_OS "$WORK"
runuser -u $PGUSER_OS -- "$PGBIN/initdb" -D "$PGDATA" -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u $PGUSER_OS -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$WORK/pg.log" -w \
  -o "-k $WORK -p $PORT -c listen_addresses='' -c shared_buffers=256MB -c work_mem=16MB -c jit=off" start >/dev/null
PSQL=(runuser -u $PGUSER_OS -- "$PGBIN/psql" -h "$WORK" -p $PORT -d postgres -v ON_ERROR_STOP=1 -q)
"${PSQL[@]}" <<SQL
CREATE TABLE deed(id bigint PRIMARY KEY, title text NOT NULL, body text NOT NULL, sector text NOT NULL, year int NOT NULL);
\copy deed FROM '$WORK/deeds.csv' WITH (FORMAT csv)
ALTER TABLE deed ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('finnish', title || ' ' || body)) STORED;
CREATE INDEX deed_fts ON deed USING gin (tsv);
VACUUM ANALYZE deed;
SQL
# One pgbench script per query: the total and the best 20 by ts_rank, as kehto returns them.
i=0
PGB_ARGS=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  words=${line%%|*}
  words=$(printf '%s' "$words" | sed "s/'/''/g; s/ *$//")
  cond=""
  sector=$(printf '%s' "$line" | sed -n 's/.*sector=\([a-z]*\).*/\1/p')
  year=$(printf '%s' "$line" | sed -n 's/.*year=\([0-9]*\).*/\1/p')
  [ -n "$sector" ] && cond="$cond AND sector='$sector'"
  [ -n "$year" ] && cond="$cond AND year=$year"
  f="$WORK/q$i.sql"
  cat >"$f" <<SQL
WITH m AS (SELECT id, title, ts_rank(tsv, q) AS r
  FROM deed, plainto_tsquery('finnish', '$words') q WHERE tsv @@ q$cond)
SELECT (SELECT count(*) FROM m), id, title FROM m ORDER BY r DESC, id LIMIT 20;
SQL
  PGB_ARGS+=(-f "$f")
  i=$((i + 1))
done < "$QUERIES"
echo "plan of the first query: $("${PSQL[@]}" -c "EXPLAIN $(tr '\n' ' ' < "$WORK/q0.sql")" | grep -ioE "bitmap index scan on [a-z_]+|seq scan on [a-z_]+" | head -1)"
NTX=$((i * ROUNDS))
( cd "$WORK" && runuser -u $PGUSER_OS -- "$PGBIN/pgbench" -h "$WORK" -p $PORT -n -M prepared -c 1 -t $((i)) \
    "${PGB_ARGS[@]}" postgres >/dev/null 2>&1 ) # warm-up
( cd "$WORK" && runuser -u $PGUSER_OS -- "$PGBIN/pgbench" -h "$WORK" -p $PORT -n -M prepared -c 1 -t $NTX -l \
    --log-prefix="$WORK/pgb" "${PGB_ARGS[@]}" postgres >/dev/null )
cat "$WORK"/pgb.* | awk '{print $3/1000.0}' | sort -n | awk -v nq=$i -v r=$ROUNDS '
  { a[NR] = $1; s += $1 }
  END { printf "PostgreSQL 15 stored tsvector(finnish) + GIN: %d queries x %d rounds (random order): p50 %.2f ms, p99 %.2f ms, mean %.2f ms, max %.2f ms\n",
        nq, r, a[int(NR / 2) + 1], a[int(NR * 0.99) + 1], s / NR, a[NR] }' | tee "$WORK/pg.txt"
echo "== done (server stopped and $WORK removed on exit)"
