#!/usr/bin/env bash
# Runs a command against a throwaway, unlocked gnome-keyring on a private D-Bus session bus.
#
# Usage: dbus-run-session -- bash test/helpers/with-keyring.sh <command...>
#
# Why: keychain tests must use the real Secret Service (keytar -> libsecret -> gnome-keyring), never a
# mock, and must never touch the developer's own keyring. Everything the daemon writes lives in a temporary
# directory that is deleted on exit, and the daemon is our own child, so it is stopped and reaped when the
# command ends. The command sees MAILWARDEN_TEST_KEYRING=1 so tests can refuse to run anywhere else.
#
# The command runs as a child (not exec'd) so the clean-up trap still runs after it; its exit status is
# passed through. Needs Debian packages dbus, gnome-keyring, libsecret-tools. Works headless, as root.
set -eu

readonly READY_TIMEOUT_DS=100 # tenths of a second to wait for the daemon to own its bus name (10 s)
readonly SECRET_SERVICE_NAME=org.freedesktop.secrets
readonly CHECK_SERVICE=mailwarden-with-keyring-check
readonly SESSION_PID=$PPID # dbus-run-session; it does not pass SIGTERM on, so we watch it ourselves

die() {
  printf 'with-keyring.sh: %s\n' "$*" >&2
  exit 1
}

[ "$#" -gt 0 ] || die 'usage: dbus-run-session -- bash test/helpers/with-keyring.sh <command...>'
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] ||
  die 'no D-Bus session bus; run me as: dbus-run-session -- bash test/helpers/with-keyring.sh <command...>'
for tool in gnome-keyring-daemon dbus-send dbus-update-activation-environment secret-tool; do
  command -v "$tool" >/dev/null 2>&1 ||
    die "$tool is missing; install the Debian packages dbus, gnome-keyring and libsecret-tools"
done

name_has_owner() {
  dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner "string:$SECRET_SERVICE_NAME" 2>/dev/null | grep -q true
}

# Refuse to share a bus with a real Secret Service: that would be somebody's own keyring.
if name_has_owner; then
  die "this D-Bus session already has a Secret Service ($SECRET_SERVICE_NAME); run me inside a fresh dbus-run-session"
fi

KEYRING_TMP=$(mktemp -d "${TMPDIR:-/tmp}/mailwarden-keyring.XXXXXX")
DAEMON_PID=
CHILD_PID=
WATCHDOG_PID=

cleanup() {
  status=$?
  trap - EXIT INT TERM HUP
  # Not waited for: it may be the one that signalled us, and bash can hang waiting on it from this trap.
  [ -z "$WATCHDOG_PID" ] || kill -TERM "$WATCHDOG_PID" 2>/dev/null || true
  if [ -n "$CHILD_PID" ] && kill -0 "$CHILD_PID" 2>/dev/null; then
    kill -TERM "$CHILD_PID" 2>/dev/null || true
    wait "$CHILD_PID" 2>/dev/null || true
  fi
  if [ -n "$DAEMON_PID" ]; then
    kill -TERM "$DAEMON_PID" 2>/dev/null || true
    wait "$DAEMON_PID" 2>/dev/null || true
  fi
  rm -rf "$KEYRING_TMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# If dbus-run-session is killed (a CI timeout), stop too instead of leaving the daemon and files behind.
(
  trap 'exit 0' TERM
  while kill -0 "$SESSION_PID" 2>/dev/null; do sleep 1; done
  kill -TERM $$ 2>/dev/null
) </dev/null >/dev/null 2>&1 &
WATCHDOG_PID=$!

# gnome-keyring keeps keyrings in $XDG_DATA_HOME/keyrings and its control socket in $XDG_RUNTIME_DIR/keyring.
export XDG_DATA_HOME="$KEYRING_TMP/data"
export XDG_RUNTIME_DIR="$KEYRING_TMP/run"
export XDG_CONFIG_HOME="$KEYRING_TMP/config"
export XDG_CACHE_HOME="$KEYRING_TMP/cache"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$KEYRING_TMP/home"
chmod 700 "$KEYRING_TMP" "$XDG_RUNTIME_DIR"

# Anything the bus starts on demand (the unlock prompter, a second keyring daemon) gets the private dirs
# and no display, so an unlock prompt fails at once instead of appearing on a developer's desktop.
HOME="$KEYRING_TMP/home" DISPLAY='' WAYLAND_DISPLAY='' dbus-update-activation-environment \
  HOME DISPLAY WAYLAND_DISPLAY XDG_DATA_HOME XDG_RUNTIME_DIR XDG_CONFIG_HOME XDG_CACHE_HOME

# --unlock with a password on stdin creates the "login" collection (the default alias) and unlocks it.
# --foreground keeps the daemon our child, so cleanup() can stop and reap it.
printf '%s' "throwaway-$$-$(date +%s)" |
  HOME="$KEYRING_TMP/home" DISPLAY='' WAYLAND_DISPLAY='' gnome-keyring-daemon --foreground --unlock --components=secrets \
    >"$KEYRING_TMP/daemon.log" 2>&1 &
DAEMON_PID=$!

waited=0
until name_has_owner; do
  kill -0 "$DAEMON_PID" 2>/dev/null || die "gnome-keyring-daemon exited early: $(cat "$KEYRING_TMP/daemon.log")"
  [ "$waited" -lt "$READY_TIMEOUT_DS" ] || die "gnome-keyring-daemon did not own $SECRET_SERVICE_NAME within 10 s"
  sleep 0.1
  waited=$((waited + 1))
done

# Prove the default collection exists and is unlocked: store, read back and clear a throwaway item.
check_value="check-$$"
printf '%s' "$check_value" | secret-tool store --label="$CHECK_SERVICE" service "$CHECK_SERVICE" account check ||
  die 'could not store a test item in the default collection (missing or locked)'
[ "$(secret-tool lookup service "$CHECK_SERVICE" account check)" = "$check_value" ] ||
  die 'the default collection did not return the test item'
secret-tool clear service "$CHECK_SERVICE" account check

export MAILWARDEN_TEST_KEYRING=1
# Without job control bash gives a background command /dev/null as stdin unless stdin is named explicitly.
"$@" 0<&0 &
CHILD_PID=$!
set +e
wait "$CHILD_PID"
status=$?
set -e
CHILD_PID=
exit "$status"
