#!/usr/bin/env bash
# Starts or stops a throwaway MariaDB server for the integration tests.
#   db/test-mariadb.sh start DIR PORT [OPTION...]   data directory DIR, listening on 127.0.0.1:PORT;
#                                                   extra mariadbd options last (they win), e.g. a binary log
#   db/test-mariadb.sh stop DIR
# It creates the database "kbox" and the user kbox / kbox-test. Needs Debian's
# mariadb-server-core (mariadbd, mariadb-install-db) and mariadb-client-core (mariadb).
set -euo pipefail

command=${1:?usage: $0 start DIR PORT [OPTION...] | stop DIR}
dir=${2:?data directory}
dir=$(mkdir -p "$dir" && cd "$dir" && pwd)
socket="$dir/mysqld.sock"
pidfile="$dir/mysqld.pid"

stop() {
    [ -f "$pidfile" ] || return 0
    local pid
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
        mariadb --no-defaults --socket="$socket" -uroot -e 'SHUTDOWN' 2>/dev/null || kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
}

find_binary() {
    for candidate in "$@"; do
        if command -v "$candidate" >/dev/null 2>&1; then command -v "$candidate"; return; fi
        if [ -x "/usr/sbin/$candidate" ]; then echo "/usr/sbin/$candidate"; return; fi
    done
    echo "test-mariadb: none of $* found: apt-get install mariadb-server-core mariadb-client-core" >&2
    exit 1
}

case "$command" in
start)
    port=${3:?port}
    shift 3
    stop   # a server left behind by an interrupted build
    mariadbd=$(find_binary mariadbd mysqld)
    install_db=$(find_binary mariadb-install-db mysql_install_db)
    rm -rf "$dir/data"
    "$install_db" --no-defaults --user="$(id -un)" --datadir="$dir/data" \
        --auth-root-authentication-method=socket --skip-test-db >"$dir/install.log" 2>&1 \
        || { cat "$dir/install.log" >&2; exit 1; }
    "$mariadbd" --no-defaults --user="$(id -un)" --datadir="$dir/data" --socket="$socket" \
        --pid-file="$pidfile" --port="$port" --bind-address=127.0.0.1 --skip-name-resolve \
        --skip-log-bin --innodb-buffer-pool-size=64M --innodb-flush-log-at-trx-commit=2 \
        --skip-innodb-use-native-aio --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
        --log-error="$dir/error.log" "$@" >/dev/null 2>&1 &
    for _ in $(seq 1 150); do
        if mariadb --no-defaults --socket="$socket" -uroot -e 'SELECT 1' >/dev/null 2>&1; then
            mariadb --no-defaults --socket="$socket" -uroot <<'SQL'
CREATE DATABASE kbox CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'kbox'@'127.0.0.1' IDENTIFIED BY 'kbox-test';
GRANT ALL PRIVILEGES ON kbox.* TO 'kbox'@'127.0.0.1';
SQL
            echo "test-mariadb: MariaDB $("$mariadbd" --version | awk '{print $3}') listening on 127.0.0.1:$port (data in $dir)"
            exit 0
        fi
        sleep 0.2
    done
    echo "test-mariadb: the server did not start within 30 s" >&2
    cat "$dir/error.log" >&2 || true
    exit 1
    ;;
stop)
    stop
    echo "test-mariadb: stopped"
    ;;
*)
    echo "usage: $0 start DIR PORT [OPTION...] | stop DIR" >&2
    exit 2
    ;;
esac
