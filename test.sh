#!/usr/bin/env bash
# Runs the whole test suite: unit tests, and integration tests against a real Dovecot, Postfix and PostgreSQL that
# the test fixtures start on free loopback ports. Installs the real servers the tests need when they are missing.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v dovecot >/dev/null 2>&1 || need+=(dovecot-imapd)
[ -x /usr/lib/dovecot/lmtp ] || need+=(dovecot-lmtpd)
[ -f /usr/lib/dovecot/modules/lib90_sieve_plugin.so ] || need+=(dovecot-sieve)
[ -x /usr/lib/dovecot/managesieve ] || need+=(dovecot-managesieved)
command -v xml2wbxml >/dev/null 2>&1 || need+=(libwbxml2-utils)
command -v postfix >/dev/null 2>&1 || [ -x /usr/sbin/postfix ] || need+=(postfix)
# PostgreSQL 15 binaries only: the journal tests run initdb and pg_ctl themselves on a free loopback port, so the
# package's own cluster and service are never used.
[ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql)
# Radicale for the CardDAV store's tests: the fixture runs a private instance; the package's service stays unused.
command -v radicale >/dev/null 2>&1 || need+=(radicale)
# OpenLDAP for the GAL tests: the fixtures run private slapd instances (slapd -f, slapadd, ldapadd) on free ports.
[ -x /usr/sbin/slapd ] || need+=(slapd)
command -v ldapadd >/dev/null 2>&1 || need+=(ldap-utils)
# Chromium for the web console's end-to-end tests (Playwright drives Debian's browser; nothing is downloaded).
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if ((${#need[@]})); then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  echo "Installing ${need[*]}"
  # The tests run private Postfix instances; the package must not set up a system one that listens.
  echo "postfix postfix/main_mailer_type select No configuration" | $sudo debconf-set-selections
  # Nor a system slapd with a database of its own.
  echo "slapd slapd/no_configuration boolean true" | $sudo debconf-set-selections
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
fi

# Every IDLE/NOTIFY session of Dovecot holds an inotify instance, all under one Unix user; the kernel's
# default of 128 per user is soon used up by parallel test runs, after which Dovecot only polls.
limit=/proc/sys/fs/inotify/max_user_instances
if [ -w "$limit" ] && [ "$(cat "$limit")" -lt 8192 ]; then echo 8192 > "$limit"; fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# Build once, then test: when `dotnet test` builds each project itself, the long Cluster project waits for a build
# node until the Integration project is done (measured: 19 min against 14 with the build first). With --no-build the
# test projects run side by side, two at a time.
dotnet build Eas.sln -c Debug 2>&1 | tee "$log" || status=$?
if [ "$status" = 0 ]; then
  dotnet test Eas.sln -c Debug --no-build --logger "console;verbosity=minimal" 2>&1 | tee -a "$log" || status=$?
fi

# One closing line over all test projects: "N passed, N failed, N skipped".
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
       }
     }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
