#!/usr/bin/env bash
# Loads the main pages of the published site the way a server is loaded: the Release build runs as
# its own process on a copy of a prepared database (the Norddjurs plan, and the same plan grown
# FACTOR times), and wrk drives it over loopback with 50 connections signed in as the department head.
# Usage: bench/pages.sh [seconds per page, default 20]
# Environment: FACTOR (50), CONNECTIONS (50), PAGES (a comma-separated filter on the page names),
#              ENCODING (the Accept-Encoding header sent, "br, gzip" as browsers do by default; "none" sends none),
#              CACHE=off (the site with PageCache:Enabled=false: every page drawn afresh, what a person's first visit after a
#              change costs when someone has already opened the page since; add READMODELS=off, PageCache:ReadModels=false, for
#              what the very first visit after a change costs: the database read as well), KEEP=1 keeps the work folder,
#              WORK=<a folder kept by an earlier run> reuses its published site and database instead of making them again,
#              PROVIDER=PostgreSql moves the prepared database into a throwaway PostgreSQL 15 cluster (Debian's package;
#              initdb under the work folder, its own port, stopped afterwards) with the site's own move-to-postgresql
#              command, and runs the site on it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds=${1:-20}
factor=${FACTOR:-50}
connections=${CONNECTIONS:-50}
port=${PORT:-5199}
encoding=${ENCODING:-br, gzip}
[ "$encoding" = none ] && encoding=""
cache=true
[ "${CACHE:-on}" = off ] && cache=false
readmodels=true
[ "${READMODELS:-on}" = off ] && readmodels=false
provider=${PROVIDER:-Sqlite}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

if ! command -v wrk >/dev/null; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get install -y wrk || { $sudo apt-get update && $sudo apt-get install -y wrk; }
fi

reuse=false
if [ -n "${WORK:-}" ] && [ -f "$WORK/prepared.db" ] && [ -f "$WORK/ids" ]; then
    work=$WORK reuse=true KEEP=1
else
    work=$(mktemp -d /tmp/preventionstrategy-pages-XXXXXX)
fi
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "port $port is already in use; choose another with PORT=" >&2
    exit 1
fi
site_pid=""
pg_bin=/usr/lib/postgresql/15/bin
pg_started=false
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
    [ -n "$site_pid" ] && kill "$site_pid" 2>/dev/null && wait "$site_pid" 2>/dev/null || true
    [ $pg_started = true ] && as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true
    [ "${KEEP:-0}" = 1 ] && echo "work folder kept: $work" || rm -rf "$work"
}
trap cleanup EXIT

if [ $reuse = false ]; then
    echo "== publishing the site (Release, ReadyToRun) and preparing the database (${factor}x)" >&2
    dotnet publish src/PreventionStrategy.Web -c Release -r linux-x64 --self-contained false -o "$work/site" -v quiet -nologo >&2
    dotnet run -c Release --project tests/PreventionStrategy.Web.Bench -- --prepare "$work/prepared.db" --factor "$factor" | grep '_STRATEGY=' >"$work/ids"
fi
eval "$(tr ' ' '\n' <"$work/ids")"
rm -f "$work/run.db-wal" "$work/run.db-shm"
cp "$work/prepared.db" "$work/run.db"
connection="Data Source=$work/run.db"

if [ "$provider" = PostgreSql ]; then
    if [ ! -x "$pg_bin/initdb" ]; then
        sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get install -y postgresql || { $sudo apt-get update && $sudo apt-get install -y postgresql; }
    fi
    pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    rm -rf "$work/pg" && mkdir -p "$work/pg"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$work/pg" && chmod o+x "$work"
    pg_user=$([ "$(id -u)" -eq 0 ] && echo postgres || id -un)
    echo "== PostgreSQL 15 on port $pg_port, moving the prepared database into it" >&2
    as_postgres "$pg_bin/initdb" -D "$work/pg/data" -A trust -U "$pg_user" -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
    as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w start \
        -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c max_connections=200" >/dev/null
    pg_started=true
    as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" bench
    connection="Host=127.0.0.1;Port=$pg_port;Database=bench;Username=$pg_user"
    (cd "$work/site" && env ConnectionStrings__Default="Data Source=$work/run.db" Logging__LogLevel__Default=Warning \
        ./PreventionStrategy.Web move-to-postgresql "$connection" >"$work/move.log" 2>&1) \
        || { echo "the move failed; its log:" >&2; tail -20 "$work/move.log" >&2; exit 1; }
fi

start_site() {
    (cd "$work/site" && exec env \
        ASPNETCORE_ENVIRONMENT=Production \
        ASPNETCORE_URLS="http://127.0.0.1:$port" \
        Database__Provider="$provider" \
        ConnectionStrings__Default="$connection" \
        Security__RequireHttps=false Security__RequireTwoFactorForEditors=false \
        Site__PublicBaseUrl="http://127.0.0.1:$port" \
        Email__PickupDirectory="$work/mail" \
        Logging__LogLevel__Default=Warning \
        PageCache__Enabled=$cache \
        PageCache__ReadModels=$readmodels \
        ./PreventionStrategy.Web >"$work/site.log" 2>&1) &
    site_pid=$!
}

rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$site_pid/status"; }
# The site's CPU time so far (user + system) in clock ticks: divided by the requests served it gives the CPU a page
# costs, which other work on the machine does not blur as it blurs requests/s.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$site_pid/stat"; }

# Cold start: the published site on an existing database, from exec to the first healthy answer.
started=$(date +%s%N)
start_site
until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do
    kill -0 "$site_pid" 2>/dev/null || { echo "the site stopped; its log:" >&2; tail -20 "$work/site.log" >&2; exit 1; }
    sleep 0.02
done
cold_ms=$(( ($(date +%s%N) - started) / 1000000 ))
sleep 5
idle_rss=$(rss)

# Sign in as the department head through the real login form.
jar="$work/cookies"
login=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/Identity/Account/Login")
token=$(echo "$login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
    --data-urlencode "Input.Email=leder@demo.local" --data-urlencode "Input.Password=Forebyg-2025!" \
    --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$port/Identity/Account/Login")
[ "$status" = 302 ] || { echo "sign-in failed ($status)" >&2; exit 1; }
# One page first, so the antiforgery cookie is set and the header below carries every cookie.
curl -s -o /dev/null -c "$jar" -b "$jar" "http://127.0.0.1:$port/"
cookie=$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar")

pages=(
    "dashboard|/Plans/Dashboard/{S}"
    "milestone list|/Milestones?strategyId={S}"
    "milestone detail|/Milestones/Details/{M}"
    "focus area detail|/FocusAreas/Details/{F}"
    "timeline quarter|/Timeline?strategyId={S}"
    "timeline year|/Timeline?strategyId={S}&zoom=Year"
    "calendar month|/Calendar?strategyId={S}&year=2025&month=3"
    "front page|/"
)

echo
echo "$provider, $(nproc) cores, $(date -I), wrk -t2 -c$connections -d${seconds}s, ${factor}x = $LARGE_MILESTONES milestones (1x = $SMALL_MILESTONES)${encoding:+, Accept-Encoding: $encoding}, page cache $([ $cache = true ] && echo on || echo off), read models $([ $readmodels = true ] && echo on || echo off)"
echo "cold start to first /health: ${cold_ms} ms; RSS idle: ${idle_rss} MB"
echo "CPU ms/req: the site's user and system CPU time during the run divided by the requests served"
printf '%-20s %5s %10s %9s %9s %9s %10s\n' page plan 'req/s' p50 p99 KiB 'CPU ms/req'
for entry in "${pages[@]}"; do
    name=${entry%%|*}
    if [ -n "${PAGES:-}" ] && ! echo ",$PAGES," | grep -qi ",$name,"; then continue; fi
    for plan in SMALL LARGE; do
        s=${plan}_STRATEGY; m=${plan}_MILESTONE; f=${plan}_FOCUS_AREA
        path=${entry#*|}; path=${path//\{S\}/${!s}}; path=${path//\{M\}/${!m}}; path=${path//\{F\}/${!f}}
        url="http://127.0.0.1:$port$path"
        headers=(-H "Cookie: $cookie")
        [ -n "$encoding" ] && headers+=(-H "Accept-Encoding: $encoding")
        code=$(curl -s -o "$work/page" -w '%{http_code} %{size_download}' "${headers[@]}" "$url")
        [ "${code%% *}" = 200 ] || { echo "$path answered ${code%% *}" >&2; exit 1; }
        wrk -t2 -c"$connections" -d2s "${headers[@]}" "$url" >/dev/null # warm-up
        ticks_before=$(cpu_ticks)
        out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "${headers[@]}" "$url")
        ticks=$(( $(cpu_ticks) - ticks_before ))
        served=$(echo "$out" | awk '/requests in/ { print $1 }')
        cpu_ms=$(awk -v t="$ticks" -v n="$served" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (n > 0 ? t * 1000 / hz / n : 0) }')
        rate=$(echo "$out" | awk '/Requests\/sec/ { printf "%.0f", $2 }')
        p50=$(echo "$out" | awk '$1 == "50%" { print $2 }')
        p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
        errors=$(echo "$out" | grep -E 'Non-2xx|Socket errors' || true)
        printf '%-20s %5s %10s %9s %9s %9.0f %10s\n' "$name" "$([ $plan = SMALL ] && echo 1x || echo ${factor}x)" "$rate" "$p50" "$p99" "$(( ${code#* } / 1024 ))" "$cpu_ms"
        [ -z "$errors" ] || echo "    $errors"
    done
done
echo "RSS after the load: $(rss) MB"
