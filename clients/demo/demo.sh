#!/usr/bin/env bash
# The Ascent walkthrough, driven through the CLI against a running platform (start one with ./ascent up).
#
# It runs the ./ascent lines of the README's walkthrough (between <!-- walkthrough --> and <!-- /walkthrough -->),
# in order, exactly as written, except: `./ascent up` and `./ascent demo` are left out, the handles erin and mona
# become fresh ones (erin-<time>, mona-<time>) so the demo can run again on the same platform, and
# ~/.ascent/admin-token is the admin token of this platform.
#
# Targets: ASCENT_CONTENT_TARGET / ASCENT_TRACKER_TARGET, else localhost on ASCENT_CONTENT_PORT /
# ASCENT_TRACKER_PORT (the ports ./ascent up listens on), else localhost:50051 / :50052.
# Admin token: ASCENT_ADMIN_TOKEN, else $ASCENT_HOME/admin-token (ASCENT_HOME defaults to ~/.ascent).
# The CLI: ASCENT_CLI_COMMAND (a command line, for tests), else the packaged jar.
# Exit: 0 when every step ran; 6 when some steps need services this server does not offer yet (each is named);
# 1 when a step failed.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
readme="$root/README.md"
cli_jar="$root/clients/target/ascent-clients-0.1.0-SNAPSHOT-cli.jar"
home="${ASCENT_HOME:-$HOME/.ascent}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
admin_token_file="$home/admin-token"
if [ -n "${ASCENT_ADMIN_TOKEN:-}" ]; then
  admin_token_file="$work/admin-token"
  printf '%s\n' "$ASCENT_ADMIN_TOKEN" > "$admin_token_file"
fi
if [ ! -r "$admin_token_file" ]; then
  echo "demo: no admin token (set ASCENT_ADMIN_TOKEN or run ./ascent up, which writes $home/admin-token)" >&2
  exit 1
fi
export ASCENT_CONTENT_TARGET="${ASCENT_CONTENT_TARGET:-localhost:${ASCENT_CONTENT_PORT:-50051}}"
export ASCENT_TRACKER_TARGET="${ASCENT_TRACKER_TARGET:-localhost:${ASCENT_TRACKER_PORT:-50052}}"
# The demo must not pick up (or overwrite) the person's own logins.
export ASCENT_CONFIG="$work/config.properties"
unset ASCENT_TOKEN ASCENT_PROFILE

read -r -a cli <<< "${ASCENT_CLI_COMMAND:-java ${ASCENT_CLI_JAVA_OPTS:-} -jar $cli_jar}"
ascent() { "${cli[@]}" "$@"; }

ascent health --wait 30 || { echo "demo: the platform is not running (./ascent up)" >&2; exit 1; }

suffix="$(date +%H%M%S)"
erin="erin-$suffix"
mona="mona-$suffix"
mapfile -t lines < <(sed -n '/^<!-- walkthrough/,/^<!-- \/walkthrough -->/p' "$readme" \
  | grep '^\./ascent ' | grep -v -E '^\./ascent (up|demo)( |$)')
if [ "${#lines[@]}" -lt 10 ]; then
  echo "demo: the walkthrough was not found in $readme" >&2
  exit 1
fi

missing=()
for line in "${lines[@]}"; do
  command="$line"
  what=""
  if [[ "$line" == *"  # "* ]]; then
    command="${line%%  # *}"
    what="${line#*  # }"
  fi
  command="$(sed -E -e 's/[[:space:]]+$//' -e 's#(^|[ |])\./ascent #\1ascent #g' \
    -e "s/(^|[^A-Za-z0-9-])erin([^A-Za-z0-9-]|$)/\1$erin\2/g" -e "s/(^|[^A-Za-z0-9-])mona([^A-Za-z0-9-]|$)/\1$mona\2/g" \
    -e "s#~/\.ascent/admin-token#\"$admin_token_file\"#g" <<< "$command")"
  printf '\n\033[1m== %s\033[0m\n$ %s\n' "${what:-${command#ascent }}" "$command"
  eval "$command"
  rc=$?
  if [ "$rc" -eq 6 ]; then
    echo "-- NOT AVAILABLE YET on this server: $command"
    missing+=("$command")
  elif [ "$rc" -ne 0 ]; then
    echo "demo: step failed (exit $rc): $command" >&2
    exit 1
  fi
done

printf '\n\033[1m== summary\033[0m\n'
if [ ${#missing[@]} -eq 0 ]; then
  echo "walkthrough complete: every step ran against the platform (users $erin and $mona)"
  exit 0
fi
echo "walkthrough incomplete: ${#missing[@]} step(s) need services this server does not offer yet:"
printf '  - %s\n' "${missing[@]}"
exit 6
