#!/usr/bin/env bash
# Runs every Hemisphere test: unit tests, integration tests on SQLite and on a throwaway
# PostgreSQL cluster, and browser tests in Debian's Chromium. Installs what a fresh Debian
# machine lacks first (postgresql-15, chromium, redis-server for the two-node chat test). Prints "N passed, N failed" at the end.
set -euo pipefail
cd "$(dirname "$0")"

need=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export HEMISPHERE_CHROMIUM="${HEMISPHERE_CHROMIUM:-$(command -v chromium)}"
results="$(pwd)/TestResults"
rm -rf "$results"

dotnet build Hemisphere.slnx -c Release -nologo -clp:ErrorsOnly
# The code stays formatted as .editorconfig says (whitespace, usings, style).
for project in src/Hemisphere.Web tests/Hemisphere.Tests tests/Hemisphere.BrowserTests bench/Hemisphere.Bench; do
  dotnet format "$project" --no-restore --verify-no-changes || { echo "dotnet format found unformatted code in $project (run: dotnet format $project)" >&2; exit 1; }
done
status=0
# One project after the other: the browser tests drive a real site and a real browser, and share the
# two cores badly with the integration tests' PostgreSQL clusters.
for project in tests/Hemisphere.Tests tests/Hemisphere.BrowserTests; do
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ]; then echo "No test ran." >&2; exit 1; fi
exit $status
