#!/usr/bin/env bash
# Benchmarks Hemisphere end to end on this machine, as root:
#   publish the site in Release, start a throwaway PostgreSQL cluster (as the postgres user, in a
#   temporary folder, on a free loopback port), migrate, generate data, serve, run the scenarios
#   with wrk, print the table; then stop the site and the cluster and delete the temporary folders,
#   also when a step fails or the run is interrupted. Every step has a time limit.
# Settings (environment variables): BENCH_INSTITUTIONS (2000), BENCH_PEOPLE (200000), BENCH_ACTIVITIES (5000),
#   BENCH_PROGRAMMES (20), BENCH_LIBRARY_ITEMS (100000), BENCH_SEED (42), BENCH_DURATION (15s), BENCH_WARMUP (5s), BENCH_CONNECTIONS (32),
#   BENCH_BIG_CONNECTIONS (4), BENCH_THREADS (2), BENCH_LOG_LEVEL (Warning), BENCH_HOLD (0),
#   PG_BIN (/usr/lib/postgresql/15/bin).
#   See bench/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
INSTITUTIONS=${BENCH_INSTITUTIONS:-2000}
PEOPLE=${BENCH_PEOPLE:-200000}
ACTIVITIES=${BENCH_ACTIVITIES:-5000}
PROGRAMMES=${BENCH_PROGRAMMES:-20}
LIBRARY=${BENCH_LIBRARY_ITEMS:-100000}
SEED=${BENCH_SEED:-42}
DURATION=${BENCH_DURATION:-15s}
WARMUP=${BENCH_WARMUP:-5s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
BIG_CONNECTIONS=${BENCH_BIG_CONNECTIONS:-4}
THREADS=${BENCH_THREADS:-2}
LOG_LEVEL=${BENCH_LOG_LEVEL:-Warning}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
HOLD=${BENCH_HOLD:-0}

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

[[ $EUID -eq 0 ]] || fail "run as root: PostgreSQL is started as the postgres user with runuser."
for tool in dotnet wrk curl runuser timeout; do command -v "$tool" >/dev/null || fail "$tool is not installed."; done
[[ -x $PG_BIN/initdb && -x $PG_BIN/pg_ctl ]] || fail "no PostgreSQL binaries in $PG_BIN (set PG_BIN)."
id postgres >/dev/null 2>&1 || fail "there is no postgres user."

WORK=$(mktemp -d /tmp/hemisphere-bench.XXXXXX)
PG_DIR=$(mktemp -d /tmp/hemisphere-bench-pg.XXXXXX)
chown postgres: "$PG_DIR"
SITE_PID=""

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n $SITE_PID ]] && kill -0 "$SITE_PID" 2>/dev/null; then
    kill "$SITE_PID" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$SITE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SITE_PID" 2>/dev/null || true
  fi
  if [[ -f $PG_DIR/data/postmaster.pid ]]; then
    pg 90 pg_ctl -D "$PG_DIR/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
  fi
  if [[ $status -eq 3 ]]; then
    # The first failures the site logged, with their exception and its first frames.
    grep -m 2 -A 5 '^fail:' "$WORK/site.log" 2>/dev/null | sed 's/^/  site log: /'
    printf '\nrun.sh: the run finished, but requests failed in some scenarios (exit 3: see the notes under the table and the site log above).\n' >&2
  elif [[ $status -ne 0 ]]; then
    for log in "$WORK/site.log" "$WORK/migrate.log" "$PG_DIR/server.log"; do
      [[ -s $log ]] && { printf '\n-- last lines of %s\n' "$log"; tail -n 25 "$log"; }
    done
    printf '\nrun.sh: failed (exit %s); the site and the cluster are stopped.\n' "$status" >&2
  fi
  rm -rf "$WORK" "$PG_DIR"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# PostgreSQL tools as the postgres user, from a folder it may read, with a time limit: pg SECONDS TOOL ARGS…
pg() { (cd "$PG_DIR" && timeout "$1" runuser -u postgres -- "$PG_BIN/$2" "${@:3}"); }

free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  fail "found no free port."
}

say "Build (Release)"
timeout 900 dotnet publish "$ROOT/src/Hemisphere.Web/Hemisphere.Web.csproj" -c Release -o "$WORK/site" \
  --disable-build-servers -nologo -v quiet
timeout 600 dotnet build "$ROOT/bench/Hemisphere.Bench/Hemisphere.Bench.csproj" -c Release \
  --disable-build-servers -nologo -v quiet
BENCH=(dotnet "$ROOT/bench/Hemisphere.Bench/bin/Release/net10.0/Hemisphere.Bench.dll")
SITE=(dotnet "$WORK/site/Hemisphere.Web.dll")

say "PostgreSQL (throwaway cluster)"
PG_PORT=$(free_port)
pg 120 initdb -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 \
  --locale=C.UTF-8 --locale-provider=icu --icu-locale=und >"$PG_DIR/initdb.log"
pg 120 pg_ctl -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR" start >/dev/null
pg 60 createdb -h 127.0.0.1 -p "$PG_PORT" -U postgres hemisphere
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=hemisphere;Username=postgres"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"

export ASPNETCORE_ENVIRONMENT=Production
export Database__Provider=postgres
export ConnectionStrings__Hemisphere="$CONNECTION"
export Hemisphere__DataDirectory="$WORK/data"
export RateLimits__ApiPerMinute=100000000
export RateLimits__SignInPerMinute=100000
export Logging__LogLevel__Default="$LOG_LEVEL"

say "Migrate"
(cd "$WORK/site" && timeout 300 "${SITE[@]}" migrate >"$WORK/migrate.log" 2>&1) || fail "migrate failed."
tail -n 1 "$WORK/migrate.log"

say "Generate ($INSTITUTIONS institutions, $PEOPLE people, $ACTIVITIES activities in $PROGRAMMES programmes, $LIBRARY library items, seed $SEED)"
timeout 900 "${BENCH[@]}" generate --connection "$CONNECTION" \
  --institutions "$INSTITUTIONS" --people "$PEOPLE" --activities "$ACTIVITIES" --programmes "$PROGRAMMES" --library "$LIBRARY" --seed "$SEED"

# The search documents of the library, written by the site itself (its analysis, its EF rebuild), as an
# operator would after an import; timed, because it is an operational figure. Then the same settling as
# generate does for its tables (statistics, visibility map, the GIN index's pending list merged).
say "Reindex the library (the site's own 'reindex library' verb)"
REINDEX_START=$(date +%s.%N)
(cd "$WORK/site" && timeout 3600 "${SITE[@]}" reindex library >"$WORK/reindex.log" 2>&1) || { tail -n 20 "$WORK/reindex.log"; fail "reindex failed."; }
REINDEX_END=$(date +%s.%N)
grep -h 'rebuilt' "$WORK/reindex.log" || true
awk -v s="$REINDEX_START" -v e="$REINDEX_END" -v n="$LIBRARY" 'BEGIN { printf "reindex of %d library items took %.1f s\n", n, e - s }'
ANALYZE_START=$(date +%s.%N)
pg 1800 psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d hemisphere -qX -c 'VACUUM (ANALYZE) "SearchDocuments", "SearchFacets"'
awk -v s="$ANALYZE_START" -v e="$(date +%s.%N)" 'BEGIN { printf "VACUUM (ANALYZE) of the search tables took %.1f s\n", e - s }'

say "Serve"
SITE_PORT=$(free_port)
(cd "$WORK/site" && Bench__Ceiling=true exec "${SITE[@]}" --urls "http://127.0.0.1:$SITE_PORT") >"$WORK/site.log" 2>&1 &
SITE_PID=$!
for attempt in $(seq 1 120); do
  curl -fsS -o /dev/null "http://127.0.0.1:$SITE_PORT/healthz" 2>/dev/null && break
  kill -0 "$SITE_PID" 2>/dev/null || fail "the site exited while starting."
  [[ $attempt -eq 120 ]] && fail "the site did not become healthy in 120 s."
  sleep 1
done
echo "Site on http://127.0.0.1:$SITE_PORT (pid $SITE_PID)"

say "Run"
LABEL="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
[[ -n $(git -C "$ROOT" status --porcelain 2>/dev/null) ]] && LABEL="$LABEL+changes"
seconds() { local d=$1; case $d in *h) echo $((${d%h} * 3600));; *m) echo $((${d%m} * 60));; *s) echo "${d%s}";; *) echo "$d";; esac; }
# Twenty-two scenarios (a–f, then g, h, i, j, k, l, m, n each after its own ceiling), plus the probes.
RUN_LIMIT=$((22 * ($(seconds "$DURATION") + $(seconds "$WARMUP") + 60) + 600))
RUN_STATUS=0
timeout "$RUN_LIMIT" "${BENCH[@]}" run --url "http://127.0.0.1:$SITE_PORT" --duration "$DURATION" --warmup "$WARMUP" \
  --connections "$CONNECTIONS" --big-connections "$BIG_CONNECTIONS" --threads "$THREADS" --results "$ROOT/bench/results" --label "$LABEL" || RUN_STATUS=$?

if [[ $HOLD == 1 ]]; then
  say "Hold (BENCH_HOLD=1): the site and the cluster stay up until Ctrl+C or SIGTERM"
  echo "Site:       http://127.0.0.1:$SITE_PORT (pid $SITE_PID, log $WORK/site.log, published in $WORK/site)"
  echo "PostgreSQL: $CONNECTION"
  echo "Benchmark:  ${BENCH[*]}"
  trap 'exit "$RUN_STATUS"' INT TERM
  while true; do sleep 1; done
fi
exit "$RUN_STATUS"
