#!/usr/bin/env bash
# Make sure PostgreSQL and Redis answer on 127.0.0.1; start the local servers when they
# are installed but stopped, and say clearly what is missing otherwise.
set -euo pipefail
PGHOST=127.0.0.1 PGPORT=${PGPORT:-5432} REDIS_PORT=${REDIS_PORT:-6379}

pg_up() { pg_isready -q -h "$PGHOST" -p "$PGPORT" 2>/dev/null; }
pg_login() { psql -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; }

if ! pg_up; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    for version in $(ls /etc/postgresql); do
      echo "Starting PostgreSQL $version ..."
      pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    done
    for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  fi
  pg_up || { echo "PostgreSQL is not answering on $PGHOST:$PGPORT and no local server could be started." >&2
             echo "Install it (scripts/system-deps.sh test) or set DATABASE_URL to a running server." >&2; exit 1; }
fi
if ! pg_login; then
  # A freshly installed Debian cluster asks for passwords on 127.0.0.1: the tests use
  # trust on loopback, as the developer machines do.
  if [ "$(id -u)" -eq 0 ] && [ -d /etc/postgresql ]; then
    for hba in /etc/postgresql/*/main/pg_hba.conf; do
      sed -i -E 's/^(local|host)(\s+.*\s+)(peer|scram-sha-256|md5)$/\1\2trust/' "$hba"
    done
    for version in $(ls /etc/postgresql); do pg_ctlcluster --skip-systemctl-redirect "$version" main reload || true; done
    sleep 1
  fi
  pg_login || { echo "PostgreSQL answers but refuses role 'postgres' on $PGHOST without a password;" >&2
                echo "allow trust on loopback in pg_hba.conf or set DATABASE_URL with credentials." >&2; exit 1; }
fi

if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  if command -v redis-server >/dev/null 2>&1; then
    echo "Starting Redis ..."
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no
    for _ in $(seq 1 20); do redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.5; done
  fi
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 || {
    echo "Redis is not answering on 127.0.0.1:$REDIS_PORT and no local server could be started." >&2
    echo "Install it (scripts/system-deps.sh test) or set REDIS_URL to a running server." >&2; exit 1; }
fi
echo "PostgreSQL and Redis are up."
