#!/usr/bin/env bash
# Redis and PostgreSQL for n8n's queue mode, on free ports of 127.0.0.1, their data in a folder of their own:
#   bash scripts/queue-services.sh start DIR   installs redis-server and postgresql from Debian's packages when
#                                               missing (apt-get, as root), starts both, prints REDIS_PORT=… and
#                                               POSTGRES_PORT=… (also written to DIR/ports.env)
#   bash scripts/queue-services.sh stop DIR    stops both (and is safe to run twice)
# PostgreSQL: database and user "n8n" (password "n8n"), trust authentication on loopback only.
set -euo pipefail
command=${1:-}
dir=${2:-}
if [ -z "$command" ] || [ -z "$dir" ]; then
	echo "usage: $0 start|stop DIR" >&2
	exit 2
fi
say() { echo "[queue-services $(date +%H:%M:%S)] $*" >&2; }

pg_bin() {
	local found
	found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
	if [ -n "$found" ] && [ -x "$found/initdb" ]; then echo "$found"; return; fi
	if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
	return 1
}

install_missing() {
	local packages=()
	command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
	pg_bin >/dev/null 2>&1 || packages+=(postgresql)
	[ ${#packages[@]} -eq 0 ] && return 0
	local sudo=()
	if [ "$(id -u)" != 0 ]; then
		if command -v sudo >/dev/null 2>&1; then sudo=(sudo -n); else
			say "missing ${packages[*]}: install them (apt-get install ${packages[*]}) or run as root"
			exit 1
		fi
	fi
	say "installing ${packages[*]} from Debian's packages (about a minute, once)"
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >&2
	# Debian starts the packaged services: ours run on their own ports, stop the packaged ones again.
	"${sudo[@]}" service redis-server stop >/dev/null 2>&1 || true
	"${sudo[@]}" service postgresql stop >/dev/null 2>&1 || true
}

free_port() {
	node -e 'const s=require("node:net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# initdb and postgres refuse root: as root, PostgreSQL runs as the "postgres" user the package created.
as_pg_user() {
	if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi
}

start() {
	install_missing
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	local bin redis_port pg_port
	bin=$(pg_bin)
	redis_port=$(free_port)
	pg_port=$(free_port)
	redis-server --port "$redis_port" --bind 127.0.0.1 --daemonize yes --dir "$dir" --pidfile "$dir/redis.pid" \
		--logfile "$dir/redis.log" --save '' --appendonly no >&2
	# The cluster lives in a folder of its own under /tmp, which the postgres user can reach whatever $dir's parents allow.
	local pg
	pg=$(mktemp -d /tmp/leadbridge-pg-XXXXXX)
	echo "$pg" >"$dir/pg.path"
	if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$pg"; fi
	as_pg_user "'$bin/initdb' -D '$pg/data' -U postgres --auth=trust --encoding=UTF8 >'$pg/initdb.log' 2>&1"
	as_pg_user "'$bin/pg_ctl' -D '$pg/data' -l '$pg/server.log' -w -t 60 -o \"-p $pg_port -k '$pg' -c listen_addresses=127.0.0.1\" start >/dev/null"
	as_pg_user "'$bin/psql' -h 127.0.0.1 -p $pg_port -U postgres -qAt -c \"CREATE USER n8n PASSWORD 'n8n'\" -c 'CREATE DATABASE n8n OWNER n8n' >/dev/null"
	for _ in $(seq 1 50); do
		if redis-cli -p "$redis_port" ping >/dev/null 2>&1; then break; fi
		sleep 0.1
	done
	printf 'REDIS_PORT=%s\nPOSTGRES_PORT=%s\n' "$redis_port" "$pg_port" | tee "$dir/ports.env"
	say "redis on 127.0.0.1:$redis_port, postgresql on 127.0.0.1:$pg_port (data in $dir)"
}

stop() {
	[ -d "$dir" ] || return 0
	if [ -f "$dir/redis.pid" ]; then
		kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
		rm -f "$dir/redis.pid"
	fi
	if [ -f "$dir/pg.path" ]; then
		local pg
		pg=$(cat "$dir/pg.path")
		if [ -f "$pg/data/postmaster.pid" ]; then as_pg_user "'$(pg_bin)/pg_ctl' -D '$pg/data' -m fast -w stop >/dev/null" || true; fi
		rm -rf "$pg" "$dir/pg.path"
	fi
}

case "$command" in
start) start ;;
stop) stop ;;
*) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
