#!/usr/bin/env bash
# cluster.sh: a throwaway PostgreSQL for tests, under a temporary directory on a free port; nothing needs to run before.
#   tests/pg/cluster.sh start DIR   creates DIR/data, starts the server, creates database "kehto", prints its address
#   tests/pg/cluster.sh stop DIR    stops the server and removes DIR
#   tests/pg/cluster.sh newdb DIR NAME   creates another database in the running cluster, prints its address
#   tests/pg/cluster.sh restart DIR      stops the server (every connection cut) and starts it again
#   tests/pg/cluster.sh down DIR / up DIR  stops the server (keeping DIR) / starts it again
# initdb refuses to run as root: as root the cluster belongs to the user postgres (Debian's package creates it).
set -euo pipefail
cmd=${1:?usage: cluster.sh start|stop|restart|down|up|newdb DIR [NAME]}
dir=${2:?usage: cluster.sh start|stop|restart|down|up|newdb DIR [NAME]}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "cluster.sh: PostgreSQL is not installed (make deps installs it)" >&2; exit 1; }
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$cmd" in
start)
  # Debian's / is mode 755; a chroot built in a mktemp directory has 700, and then no user but root can run anything
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$bin/initdb"; then
    echo "cluster.sh: user postgres cannot reach $bin (/ is mode $(stat -c %a /), not 755): chmod o+x /" >&2
    chmod o+x /
  fi
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  port=$(/usr/bin/python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()')
  as_owner "$bin/initdb" -D "$dir/data" -U kehto -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  # speed over durability: the data is thrown away
  opts="-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  opts="$opts -c max_connections=200 ${KEHTO_PG_EXTRA_OPTS:-}"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "$opts" start >/dev/null ||
    { cat "$dir/server.log" >&2; exit 1; }
  echo "$opts" >"$dir/opts"
  echo "$port" >"$dir/port"
  "$bin/createdb" -h 127.0.0.1 -p "$port" -U kehto kehto
  echo "postgresql://kehto@127.0.0.1:$port/kehto"
  ;;
newdb)
  port=$(cat "$dir/port")
  "$bin/createdb" -h 127.0.0.1 -p "$port" -U kehto "${3:?name}"
  echo "postgresql://kehto@127.0.0.1:$port/$3"
  ;;
restart)
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -m fast -o "$(cat "$dir/opts")" restart >/dev/null
  ;;
down)
  as_owner "$bin/pg_ctl" -D "$dir/data" -w -m fast stop >/dev/null
  ;;
up)
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "$(cat "$dir/opts")" start >/dev/null
  ;;
stop)
  [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*) echo "usage: cluster.sh start|stop|restart|down|up|newdb DIR [NAME]" >&2; exit 2 ;;
esac
