#!/bin/bash
# The real Docker engine for CI's conformance run (test/conformance/verify.test.ts).
#   eval "$(test/real-docker/ci-engine.sh up [STATE_DIR])"   # prints only `export ...` lines
#   test/real-docker/ci-engine.sh down [STATE_DIR] [--keep]  # stops everything up started
# up: installs docker.io, iptables, busybox-static, docker-registry and tmux when missing (Debian 12,
#     apt), starts the local registry (127.0.0.1:5000) and a private dockerd that mirrors Docker Hub
#     from it (engine.sh start), and builds the image catalog into the registry (cached by content
#     hash; source/verify/build-main.ts). Progress goes to stderr. Needs `npm ci` first (tsx).
#     Then a second engine, as if alone on its own host (engine.sh start-isolated: a network and a mount
#     namespace of its own, a registry mirror there serving the first one's storage), so the conformance
#     run can replay half of its lists on each (LAYERLAB_ENGINE2_*). LAYERLAB_ENGINES=1 starts only the
#     first; a second that fails to start is left out with a warning.
#     Prints `export DOCKER_HOST=...` and, with the second engine, `export LAYERLAB_ENGINE2_...`.
# down: stops dockerd, its containerd and shims, and the registry, by their pids (engine.sh stop),
#     unmounts what it mounted and removes STATE_DIR (--keep leaves it: a later `up` then reuses the
#     registry's images instead of building them).
# STATE_DIR defaults to $LAYERLAB_ENGINE_DIR, else /tmp/layerlab-ci-engine.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
DOCKER=/usr/local/bin/docker

say() { echo "ci-engine: $*" >&2; }

state_dir() {
  local s=${1:-${LAYERLAB_ENGINE_DIR:-/tmp/layerlab-ci-engine}}
  case "$s" in /*) ;; *) s=$PWD/$s ;; esac
  echo "$s"
}

cmd_up() {
  local S started=$SECONDS
  S=$(state_dir "${1:-}")
  [ -x "$REPO/node_modules/.bin/tsx" ] || { say "node_modules missing: run npm ci first"; exit 1; }
  [ -x "$DOCKER" ] || { say "$DOCKER (Docker CLI 28.x) is missing"; exit 1; }
  say "packages"
  "$HERE/engine.sh" install >&2
  say "engine in $S"
  # anything up started is stopped again if a later step fails
  trap 'say "up failed; stopping what it started"; "$HERE/engine.sh" stop "$S" >&2 || true' ERR
  local export_line
  export_line=$("$HERE/engine.sh" start "$S")
  eval "$export_line"
  export DOCKER_HOST
  local root
  root=$("$DOCKER" info --format '{{.DockerRootDir}}')
  if [ "$root" != /var/lib/docker ]; then
    say "WARNING: the engine's data root is $root, not /var/lib/docker (which is in use), so volume"
    say "         paths in inspect output will not match the simulator's"
  fi
  say "catalog images"
  "$REPO/node_modules/.bin/tsx" "$REPO/source/verify/build-main.ts" >&2
  trap - ERR
  echo "$export_line"
  if [ "${LAYERLAB_ENGINES:-2}" != 1 ] && [ ! -f "$S/registry.yml" ]; then
    # the registry on 127.0.0.1:5000 was already running, started from another state folder: its
    # storage is not known here, so a second registry could not serve the same catalog
    say "WARNING: 127.0.0.1:5000 is another state folder's registry; starting only one engine"
  elif [ "${LAYERLAB_ENGINES:-2}" != 1 ]; then
    say "second engine in $S/second (network namespace $(netns_name "$S"))"
    local second
    if second=$("$HERE/engine.sh" start-isolated "$S/second" "$(netns_name "$S")" "$S/registry"); then
      # DOCKER_HOST=... LAYERLAB_ENGINE_NETNS=... LAYERLAB_ENGINE_FS=... -> LAYERLAB_ENGINE2_...
      echo "$second" | sed -E 's/^export //; s/(^| )DOCKER_HOST=/\1LAYERLAB_ENGINE2_DOCKER_HOST=/; s/LAYERLAB_ENGINE_/LAYERLAB_ENGINE2_/g; s/^/export /'
    else
      say "WARNING: the second engine did not start; the conformance run uses one engine"
      "$HERE/engine.sh" stop-isolated "$S/second" "$(netns_name "$S")" >&2 || true
    fi
  fi
  say "up in $((SECONDS - started)) s"
}

# One network namespace name per state folder (so two checkouts' engines do not meet).
netns_name() { echo "layerlab-$(echo "$1" | cksum | cut -d' ' -f1)"; }

cmd_down() {
  local S keep=0 arg
  for arg in "$@"; do [ "$arg" = --keep ] && keep=1; done
  S=$(state_dir "$(for arg in "$@"; do [ "$arg" != --keep ] && echo "$arg"; done | head -1)")
  "$HERE/engine.sh" stop-isolated "$S/second" "$(netns_name "$S")" >&2
  "$HERE/engine.sh" stop "$S" >&2
  if [ $keep = 0 ] && [ -d "$S" ]; then
    # nothing may still be mounted below it (engine.sh stop unmounted everything it found)
    if awk -v p="$S/" 'index($2, p) == 1 {found = 1} END {exit !found}' /proc/self/mounts; then
      say "mounts remain below $S; not removing it"
      exit 1
    fi
    rm -rf "$S"
  fi
  say "down"
}

case "${1:-}" in
  up) shift; cmd_up "$@" ;;
  down) shift; cmd_down "$@" ;;
  *) echo "usage: $0 up [STATE_DIR] | down [STATE_DIR] [--keep]" >&2; exit 2 ;;
esac
