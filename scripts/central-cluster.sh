#!/bin/sh
# A throwaway PostgreSQL cluster for the HallDesk centre (development, demo, tests).
#
#   scripts/central-cluster.sh start DIR [PORT]   initdb in DIR (if empty), start it, print the connection URL
#   scripts/central-cluster.sh stop DIR           stop it (fast shutdown)
#   scripts/central-cluster.sh url DIR            print the URL again
#
# The cluster listens on 127.0.0.1 only (a free port unless PORT is given), keeps its unix socket in DIR,
# authenticates TCP with scram-sha-256 (the superuser's generated password is in DIR/admin.password) and the
# socket by trust (the socket directory is private to the cluster's owner). fsync stays on. Run as root, the
# cluster belongs to the `postgres` system user (initdb refuses root); set HALLDESK_PG_USER to choose another.
# PostgreSQL binaries: PG_BINDIR, else pg_config --bindir, else /usr/lib/postgresql/15/bin.
set -eu

die() { echo "central-cluster: $*" >&2; exit 1; }

bindir() {
    if [ -n "${PG_BINDIR:-}" ]; then echo "$PG_BINDIR"; return; fi
    for d in /usr/lib/postgresql/15/bin "$(pg_config --bindir 2>/dev/null || true)"; do
        if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return; fi
    done
    die "no PostgreSQL binaries (install postgresql-15 or set PG_BINDIR)"
}

# Run a command as the cluster's owner.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$OWNER" -- "$@"
    else
        "$@"
    fi
}

port_free() {
    # free when nothing accepts a connection on it
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
    p=$(( 20000 + $$ % 20000 ))
    n=0
    while [ $n -lt 200 ]; do
        if port_free "$p"; then echo "$p"; return; fi
        p=$(( p + 1 )); n=$(( n + 1 ))
    done
    die "no free port found"
}

url() {
    printf 'postgresql://halldesk_admin:%s@127.0.0.1:%s/halldesk\n' "$(cat "$DIR/admin.password")" "$(cat "$DIR/port")"
}

cmd=${1:-}
DIR=${2:-}
[ -n "$cmd" ] && [ -n "$DIR" ] || die "usage: $0 start DIR [PORT] | stop DIR | url DIR"
BIN=$(bindir)
OWNER=${HALLDESK_PG_USER:-postgres}
[ "$(id -u)" -eq 0 ] || OWNER=$(id -un)

case "$cmd" in
start)
    mkdir -p "$DIR"
    DIR=$(cd "$DIR" && pwd)
    [ "$(id -u)" -ne 0 ] || chown "$OWNER" "$DIR"
    chmod 700 "$DIR"
    as_owner test -w "$DIR" || die "$DIR is not reachable by $OWNER (its parent folders must be searchable)"
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
        umask 077
        # base64 of random bytes, URL-safe characters only
        head -c 18 /dev/urandom | base64 | tr '+/' '-_' > "$DIR/admin.password"
        [ "$(id -u)" -ne 0 ] || chown "$OWNER" "$DIR/admin.password"
        as_owner "$BIN/initdb" -D "$DIR/data" -U halldesk_admin --pwfile="$DIR/admin.password" \
            --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
            || { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
        cat > "$DIR/data/pg_hba.conf" <<EOF
local all all trust
host  all all 127.0.0.1/32 scram-sha-256
EOF
        cat >> "$DIR/data/postgresql.conf" <<EOF
# central-cluster.sh
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR'
unix_socket_permissions = 0700
fsync = on
synchronous_commit = on
password_encryption = 'scram-sha-256'
max_connections = 200
shared_buffers = 128MB
timezone = 'UTC'
EOF
        [ "$(id -u)" -ne 0 ] || chown "$OWNER" "$DIR/data/pg_hba.conf"
        fresh=1
    else
        fresh=0
    fi
    if as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
        url; exit 0
    fi
    tries=0
    while :; do
        port=${3:-$(free_port)}
        echo "$port" > "$DIR/port"
        [ "$(id -u)" -ne 0 ] || chown "$OWNER" "$DIR/port"
        if as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -o "-p $port" -w -t 60 start >/dev/null 2>&1; then
            break
        fi
        tries=$(( tries + 1 ))
        # a given port is not retried; a chosen one may have been taken in the meantime
        if [ -n "${3:-}" ] || [ $tries -ge 5 ]; then tail -n 20 "$DIR/server.log" >&2; die "the server did not start"; fi
    done
    if [ "$fresh" -eq 1 ]; then
        as_owner "$BIN/psql" -X -q -h "$DIR" -p "$port" -U halldesk_admin -d postgres -v ON_ERROR_STOP=1 \
            -c "CREATE DATABASE halldesk" >/dev/null || die "could not create the database"
    fi
    url
    ;;
stop)
    [ -d "$DIR/data" ] || die "no cluster in $DIR"
    DIR=$(cd "$DIR" && pwd)
    if ! as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w -t 60 stop >/dev/null 2>&1; then
        # not running is fine; still running is not
        if as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then die "could not stop the server in $DIR"; fi
    fi
    ;;
url)
    url
    ;;
*)
    die "unknown command $cmd (start, stop, url)"
    ;;
esac
