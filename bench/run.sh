#!/usr/bin/env bash
# Benchmarks Hemisphere end to end on this machine, as root:
#   publish the site in Release, start a throwaway PostgreSQL cluster (as the postgres user, in a
#   temporary folder, on a free loopback port), migrate, generate data, serve, run the scenarios
#   with wrk, print the table; then stop the site and the cluster and delete the temporary folders,
#   also when a step fails or the run is interrupted. Every step has a time limit.
# Settings (environment variables): BENCH_INSTITUTIONS (2000), BENCH_PEOPLE (200000), BENCH_ACTIVITIES (5000),
#   BENCH_PROGRAMMES (20), BENCH_LIBRARY_ITEMS (100000), BENCH_SEED (42), BENCH_DURATION (15s), BENCH_WARMUP (5s), BENCH_CONNECTIONS (32),
#   BENCH_BIG_CONNECTIONS (4), BENCH_THREADS (2), BENCH_LOG_LEVEL (Warning), BENCH_HOLD (0),
#   BENCH_USERS (5000), BENCH_FORUM_TOPICS (50000), BENCH_FORUM_POSTS (1000000), BENCH_RUN_MEMBERS (200),
#   BENCH_CHAT (1), BENCH_CHAT_MEMBERS (1000), BENCH_CHAT_RATE (10), BENCH_CHAT_DURATION (30s), BENCH_CHAT_CONNECTIONS (20000),
#   BENCH_CHAT_STEP (2500), BENCH_CHAT_MEMORY (4G), BENCH_COURSES (500), BENCH_OFFICERS (200000), BENCH_ENROLMENTS (1000000),
#   BENCH_LEARNER_ACCOUNTS (6000), BENCH_EXAM (1), BENCH_EXAM_LEARNERS (5000), BENCH_EXAM_WINDOW (60s), BENCH_IMPORT_ROWS (200000),
#   BENCH_XAPI_STATEMENTS (10000000), BENCH_CERTIFICATES (100000), BENCH_ONLY (all scenarios), PG_BIN (/usr/lib/postgresql/15/bin).
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
USERS=${BENCH_USERS:-5000}
FORUM_TOPICS=${BENCH_FORUM_TOPICS:-50000}
FORUM_POSTS=${BENCH_FORUM_POSTS:-1000000}
RUN_MEMBERS=${BENCH_RUN_MEMBERS:-200}
CHAT=${BENCH_CHAT:-1}
CHAT_MEMBERS=${BENCH_CHAT_MEMBERS:-1000}
CHAT_RATE=${BENCH_CHAT_RATE:-10}
CHAT_DURATION=${BENCH_CHAT_DURATION:-30s}
CHAT_CONNECTIONS=${BENCH_CHAT_CONNECTIONS:-20000}
CHAT_STEP=${BENCH_CHAT_STEP:-2500}
CHAT_MEMORY=${BENCH_CHAT_MEMORY:-4G}
COURSES=${BENCH_COURSES:-500}
OFFICERS=${BENCH_OFFICERS:-200000}
ENROLMENTS=${BENCH_ENROLMENTS:-1000000}
LEARNER_ACCOUNTS=${BENCH_LEARNER_ACCOUNTS:-6000}
EXAM=${BENCH_EXAM:-1}
EXAM_LEARNERS=${BENCH_EXAM_LEARNERS:-5000}
EXAM_WINDOW=${BENCH_EXAM_WINDOW:-60s}
IMPORT_ROWS=${BENCH_IMPORT_ROWS:-200000}
XAPI_STATEMENTS=${BENCH_XAPI_STATEMENTS:-10000000}
CERTIFICATES=${BENCH_CERTIFICATES:-100000}
ONLY=${BENCH_ONLY:-}

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
CGROUP=""          # the site's memory cgroup (created below, removed on exit)
PORT_RANGE_WAS=""  # ip_local_port_range before run.sh widened it (restored on exit)

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n $SITE_PID ]] && kill -0 "$SITE_PID" 2>/dev/null; then
    kill "$SITE_PID" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$SITE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SITE_PID" 2>/dev/null || true
  fi
  if [[ -n $CGROUP && -d $CGROUP ]]; then
    for _ in $(seq 1 20); do rmdir "$CGROUP" 2>/dev/null && break; sleep 0.5; done
  fi
  [[ -n $PORT_RANGE_WAS ]] && echo "$PORT_RANGE_WAS" >/proc/sys/net/ipv4/ip_local_port_range 2>/dev/null
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
export RateLimits__VerificationPerMinute=100000000
export Logging__LogLevel__Default="$LOG_LEVEL"

say "Migrate"
(cd "$WORK/site" && timeout 300 "${SITE[@]}" migrate >"$WORK/migrate.log" 2>&1) || fail "migrate failed."
tail -n 1 "$WORK/migrate.log"

say "Generate ($INSTITUTIONS institutions, $PEOPLE people, $ACTIVITIES activities in $PROGRAMMES programmes, $LIBRARY library items, $USERS members, $FORUM_TOPICS forum topics, $FORUM_POSTS posts, $COURSES courses, $OFFICERS officers, $ENROLMENTS enrolments, $LEARNER_ACCOUNTS learner accounts, seed $SEED)"
timeout 1800 "${BENCH[@]}" generate --connection "$CONNECTION" \
  --institutions "$INSTITUTIONS" --people "$PEOPLE" --activities "$ACTIVITIES" --programmes "$PROGRAMMES" --library "$LIBRARY" \
  --users "$USERS" --forum-topics "$FORUM_TOPICS" --forum-posts "$FORUM_POSTS" --chat-members "$CHAT_MEMBERS" \
  --courses "$COURSES" --officers "$OFFICERS" --enrolments "$ENROLMENTS" --learner-accounts "$LEARNER_ACCOUNTS" --seed "$SEED"

# The search documents of the library, written by the site itself (its analysis, its EF rebuild), as an
# operator would after an import; timed, because it is an operational figure. Then the same settling as
# generate does for its tables (statistics, visibility map, the GIN index's pending list merged).
if [[ $COURSES -gt 0 && $OFFICERS -gt 0 ]]; then
  say "Learning records ($XAPI_STATEMENTS xAPI statements, $CERTIFICATES certificates)"
  timeout 14400 "${BENCH[@]}" records --connection "$CONNECTION" --statements "$XAPI_STATEMENTS" --certificates "$CERTIFICATES" --seed "$SEED"
else
  XAPI_STATEMENTS=0
fi

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
# Open files: every chat connection is a socket in the site and one in the client. Raise the limit as far as allowed.
ulimit -n 1048576 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
NOFILE=$(ulimit -n)
# The site runs in a memory cgroup of its own, limited to $CHAT_MEMORY, created under run.sh's own cgroup (v2, or v1's
# memory hierarchy): "connections per node in 4 GB" is then measured against a real limit that .NET also sees at start
# (its GC sizes its heap from it). If no cgroup can be made, DOTNET_GCHeapHardLimit bounds the managed heap only.
SITE_ENV=()
if [[ $CHAT == 1 ]]; then
  if grep -qw memory /sys/fs/cgroup/cgroup.controllers 2>/dev/null; then
    CGROUP="/sys/fs/cgroup$(awk -F: '$1 == "0" { print $3 }' /proc/self/cgroup)/hemisphere-bench-site.$$"
    mkdir "$CGROUP" 2>/dev/null && echo "$CHAT_MEMORY" >"$CGROUP/memory.max" 2>/dev/null || { rmdir "$CGROUP" 2>/dev/null; CGROUP=""; }
  elif [[ -d /sys/fs/cgroup/memory ]]; then
    CGROUP="/sys/fs/cgroup/memory$(awk -F: '$2 == "memory" { print $3 }' /proc/self/cgroup)/hemisphere-bench-site.$$"
    CGROUP=${CGROUP//\/\//\/}
    mkdir "$CGROUP" 2>/dev/null && echo "$CHAT_MEMORY" >"$CGROUP/memory.limit_in_bytes" 2>/dev/null || { rmdir "$CGROUP" 2>/dev/null; CGROUP=""; }
  fi
  if [[ -n $CGROUP ]]; then
    echo "Site memory cgroup: $CGROUP (limit $CHAT_MEMORY)"
  else
    SITE_ENV=(DOTNET_GCHeapHardLimit=0x100000000)
    echo "No memory cgroup could be created: the site runs with DOTNET_GCHeapHardLimit=4 GiB, which bounds only its managed heap."
  fi
fi
echo "Open files per process: $NOFILE"
SITE_PORT=$(free_port)
(cd "$WORK/site" && { [[ -z $CGROUP ]] || echo "$BASHPID" >"$CGROUP/cgroup.procs" || echo "run.sh: could not move the site into $CGROUP" >&2; } && Bench__Ceiling=true exec env "${SITE_ENV[@]}" "${SITE[@]}" --urls "http://127.0.0.1:$SITE_PORT") >"$WORK/site.log" 2>&1 &
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
# Forty-two scenarios (a–f, then g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x each after its own ceiling), plus the probes
# and the wait for the academy dashboard's one-minute count to expire.
RUN_LIMIT=$((42 * ($(seconds "$DURATION") + $(seconds "$WARMUP") + 60) + 900))
RUN_MEMBERS_ACADEMY=$RUN_MEMBERS
(( LEARNER_ACCOUNTS < RUN_MEMBERS_ACADEMY )) && RUN_MEMBERS_ACADEMY=$LEARNER_ACCOUNTS
RUN_STATUS=0
timeout "$RUN_LIMIT" "${BENCH[@]}" run --url "http://127.0.0.1:$SITE_PORT" --duration "$DURATION" --warmup "$WARMUP" \
  --connections "$CONNECTIONS" --big-connections "$BIG_CONNECTIONS" --threads "$THREADS" --results "$ROOT/bench/results" --label "$LABEL" \
  --seed "$SEED" --members "$RUN_MEMBERS" --statements "$XAPI_STATEMENTS" ${ONLY:+--only "$ONLY"} || RUN_STATUS=$?

if [[ $EXAM == 1 && $COURSES -gt 0 && $LEARNER_ACCOUNTS -gt 0 ]]; then
  say "Exam burst ($EXAM_LEARNERS learners submit the same quiz within $EXAM_WINDOW)"
  EXAM_STATUS=0
  timeout 1200 "${BENCH[@]}" exam --url "http://127.0.0.1:$SITE_PORT" --connection "$CONNECTION" --seed "$SEED" \
    --learners "$EXAM_LEARNERS" --window "$EXAM_WINDOW" --results "$ROOT/bench/results" --label "$LABEL" || EXAM_STATUS=$?
  if [[ $EXAM_STATUS -ne 0 ]]; then
    grep -m 3 -A 8 '^fail:' "$WORK/site.log" 2>/dev/null | sed 's/^/  site log: /'
    [[ $RUN_STATUS -eq 0 ]] && RUN_STATUS=$EXAM_STATUS
  fi

  # Bulk enrolment with the site's own verb, against the same database, while the site runs: a file written by the bench tool.
  say "Bulk enrolment of $IMPORT_ROWS rows (the site's import-enrolments verb)"
  CSV="$WORK/bench-enrolments-$IMPORT_ROWS.csv"
  timeout 600 "${BENCH[@]}" enrolment-csv --connection "$CONNECTION" --rows "$IMPORT_ROWS" --out "$CSV" --seed "$SEED"
  echo "load average before the import: $(cut -d' ' -f1-3 /proc/loadavg)"
  IMPORT_START=$(date +%s.%N)
  (cd "$WORK/site" && timeout 3600 "${SITE[@]}" import-enrolments "$CSV" --report "$WORK/import-report.csv" >"$WORK/import.log" 2>&1) \
    || { tail -n 20 "$WORK/import.log"; fail "import-enrolments failed."; }
  IMPORT_END=$(date +%s.%N)
  grep -v '^ *$' "$WORK/import.log" | grep -iv 'warn\|info:' | tail -n 5
  awk -v s="$IMPORT_START" -v e="$IMPORT_END" -v n="$IMPORT_ROWS" 'BEGIN { printf "import-enrolments of %d rows took %.1f s (the process, start to exit)\n", n, e - s }'
  echo "load average after the import: $(cut -d' ' -f1-3 /proc/loadavg)"
  head -n 4 "$WORK/import-report.csv" 2>/dev/null | sed 's/^/  rejected: /'
fi

if [[ $CHAT == 1 ]]; then
  say "Chat (fan-out to $CHAT_MEMBERS members, then connections held by the site in $CHAT_MEMORY)"
  # Each connection needs a file in the site and one here; keep 1,500 for everything else.
  MAX_CONNECTIONS=$CHAT_CONNECTIONS
  if (( NOFILE - 1500 < MAX_CONNECTIONS )); then
    MAX_CONNECTIONS=$((NOFILE - 1500))
    echo "Open files are limited to $NOFILE per process here: at most $MAX_CONNECTIONS connections (BENCH_CHAT_CONNECTIONS=$CHAT_CONNECTIONS)."
  fi
  # Loopback gives one client address ~28k ephemeral ports per destination by default: widen the range when the target needs it.
  read -r PORT_LOW PORT_HIGH </proc/sys/net/ipv4/ip_local_port_range
  if (( PORT_HIGH - PORT_LOW < MAX_CONNECTIONS + 1000 )); then
    PORT_RANGE_WAS="$PORT_LOW $PORT_HIGH"
    echo "1024 65000" >/proc/sys/net/ipv4/ip_local_port_range 2>/dev/null && echo "ip_local_port_range widened to 1024–65000 (restored at the end)." \
      || { PORT_RANGE_WAS=""; echo "Could not widen ip_local_port_range ($PORT_LOW–$PORT_HIGH)."; }
  fi
  CHAT_STATUS=0
  timeout 1200 "${BENCH[@]}" chat --url "http://127.0.0.1:$SITE_PORT" --seed "$SEED" --users "$USERS" --members "$CHAT_MEMBERS" \
    --rate "$CHAT_RATE" --duration "$CHAT_DURATION" --max "$MAX_CONNECTIONS" --step "$CHAT_STEP" --site-pid "$SITE_PID" \
    ${CGROUP:+--cgroup "$CGROUP"} --time-limit 420s --results "$ROOT/bench/results" --label "$LABEL" || CHAT_STATUS=$?
  kill -0 "$SITE_PID" 2>/dev/null || { echo "The site is no longer running after the chat measurement (see its log)."; tail -n 20 "$WORK/site.log"; }
  [[ $CHAT_STATUS -ne 0 && $RUN_STATUS -eq 0 ]] && RUN_STATUS=$CHAT_STATUS
fi

if [[ $HOLD == 1 ]]; then
  say "Hold (BENCH_HOLD=1): the site and the cluster stay up until Ctrl+C or SIGTERM"
  echo "Site:       http://127.0.0.1:$SITE_PORT (pid $SITE_PID, log $WORK/site.log, published in $WORK/site)"
  echo "PostgreSQL: $CONNECTION"
  echo "Benchmark:  ${BENCH[*]}"
  trap 'exit "$RUN_STATUS"' INT TERM
  while true; do sleep 1; done
fi
exit "$RUN_STATUS"
