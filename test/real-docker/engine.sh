#!/bin/bash
# Real Docker engine used as the test oracle for layerlab.
#   engine.sh install            install docker.io, iptables, busybox-static, docker-registry, tmux
#   engine.sh start STATE_DIR    start a local registry (127.0.0.1:5000) + a private dockerd using it as mirror
#   engine.sh stop STATE_DIR     stop both, clean shims and mounts
#   engine.sh status STATE_DIR   exit 0 when both answer
#   engine.sh start-isolated STATE_DIR NETNS REGISTRY_ROOT
#                                a second engine, as if alone on its host: in network namespace NETNS
#                                (its own 127.0.0.1, bridge and published ports) with its own registry
#                                mirror on that 127.0.0.1:5000 serving REGISTRY_ROOT (the first one's
#                                storage), and its data bind-mounted on /var/lib/docker and
#                                /var/run/docker in a mount namespace of its own
#   engine.sh stop-isolated STATE_DIR NETNS
# The docker CLI used everywhere is /usr/local/bin/docker (28.x), never Debian's /usr/bin/docker.
set -euo pipefail

DOCKER=/usr/local/bin/docker
PKGS=(docker.io iptables iproute2 busybox-static docker-registry tmux)

die() { echo "engine.sh: $*" >&2; exit 1; }

cmd_install() {
  local missing=()
  for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then echo "all installed"; return 0; fi
  if [ ! -e /var/lib/apt/lists/lock ] || [ -z "$(ls /var/lib/apt/lists/*Packages* 2>/dev/null)" ]; then
    apt-get update -qq
  fi
  # no services: the packages' postinst would try to start docker/registry through systemd/invoke-rc.d
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; }
  rm -f /usr/sbin/policy-rc.d
}

state_dir() {
  [ -n "${1:-}" ] || die "STATE_DIR missing"
  mkdir -p "$1"; (cd "$1" && pwd)
}

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# [RUNNER...]: `registry_up in_ns` asks on the network namespace's own 127.0.0.1
registry_up() { "$@" curl -fsS -o /dev/null --max-time 2 http://127.0.0.1:5000/v2/ 2>/dev/null; }
dockerd_up()  { DOCKER_HOST="unix://$1/docker.sock" "$DOCKER" version >/dev/null 2>&1; }

storage_driver_works() {
  # overlay2 needs a real overlay mount of a lower/upper/work on the data-root filesystem
  local t; t=$(mktemp -d "$1/ovltest.XXXX")
  mkdir -p "$t/l" "$t/u" "$t/w" "$t/m"
  local ok=1
  if mount -t overlay overlay -o "lowerdir=$t/l,upperdir=$t/u,workdir=$t/w" "$t/m" 2>/dev/null; then
    umount "$t/m"; ok=0
  fi
  rm -rf "$t"
  return $ok
}

# The daemon's data lives in STATE_DIR/data and its run-time state in STATE_DIR/exec. So that paths in
# outputs read like a stock install (`/var/lib/docker/volumes/...` in inspect output,
# `/var/run/docker/netns/...`), these folders are bind-mounted on /var/lib/docker and /var/run/docker
# when those are free: not mount points, no files in them (LAYERLAB_ALIAS=0 turns this off). STATE_DIR/aliases lists the mounts made.
alias_dir() { # S SRC TARGET -> prints the path to give dockerd
  local S=$1 src=$2 target=$3 real
  if [ "${LAYERLAB_ALIAS:-1}" = 1 ]; then
    mkdir -p "$target"; real=$(readlink -f "$target")
    if mountpoint -q "$real"; then
      if grep -qx "$target" "$S/aliases" 2>/dev/null; then echo "$target"; return; fi
      echo "engine.sh: $target is in use, using $src" >&2
    elif [ -z "$(find "$real" -mindepth 1 ! -type d 2>/dev/null | head -1)" ] && mount --bind "$src" "$real"; then
      echo "$target" >> "$S/aliases"; echo "$target"; return
    else
      echo "engine.sh: $target holds files, using $src" >&2
    fi
  fi
  echo "$src"
}

registry_config() { # ROOTDIR -> registry.yml on stdout
  cat <<YML
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $1
  delete:
    enabled: true
http:
  addr: 127.0.0.1:5000
YML
}

cmd_start() {
  local S; S=$(state_dir "${1:-}")
  mkdir -p "$S/registry" "$S/data" "$S/exec"
  # --- registry -------------------------------------------------------------
  if ! registry_up; then
    registry_config "$S/registry" > "$S/registry.yml"
    setsid docker-registry serve "$S/registry.yml" >"$S/registry.log" 2>&1 < /dev/null &
    echo $! > "$S/registry.pid"
    for _ in $(seq 1 100); do registry_up && break; sleep 0.1; done
    registry_up || { cat "$S/registry.log" >&2; die "registry did not start"; }
  fi
  # --- dockerd --------------------------------------------------------------
  if ! dockerd_up "$S"; then
    local driver=overlay2
    storage_driver_works "$S" || driver=vfs
    echo "$driver" > "$S/storage-driver"
    local root execroot
    root=$(alias_dir "$S" "$S/data" /var/lib/docker)
    execroot=$(alias_dir "$S" "$S/exec" /var/run/docker)
    setsid dockerd \
      --data-root "$root" --exec-root "$execroot" \
      -H "unix://$S/docker.sock" --pidfile "$S/dockerd.pid" \
      --registry-mirror http://127.0.0.1:5000 --insecure-registry 127.0.0.1:5000 \
      --storage-driver "$driver" \
      >"$S/dockerd.log" 2>&1 < /dev/null &
    echo $! > "$S/dockerd.launch.pid"
    for _ in $(seq 1 300); do dockerd_up "$S" && break; sleep 0.1; done
    dockerd_up "$S" || { tail -30 "$S/dockerd.log" >&2; die "dockerd did not start"; }
  fi
  echo "export DOCKER_HOST=unix://$S/docker.sock"
}

end_pids() { # PID... : TERM, up to 5 s, then KILL
  local p alive
  for p in "$@"; do kill -TERM "$p" 2>/dev/null || true; done
  for _ in $(seq 1 50); do
    alive=0; for p in "$@"; do pid_alive "$p" && alive=1; done
    [ $alive = 0 ] && break; sleep 0.1
  done
  for p in "$@"; do pid_alive "$p" && kill -KILL "$p" 2>/dev/null || true; done
}

stop_pid() { # pidfile name
  local f=$1 what=$2 pid
  [ -f "$f" ] || return 0
  pid=$(cat "$f" 2>/dev/null || true)
  if pid_alive "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do pid_alive "$pid" || break; sleep 0.1; done
    if pid_alive "$pid"; then echo "engine.sh: $what did not exit, kill -9" >&2; kill -KILL "$pid" 2>/dev/null || true; sleep 0.3; fi
  fi
  rm -f "$f"
}

cmd_stop() {
  [ -n "${1:-}" ] || die "STATE_DIR missing"
  [ -d "$1" ] || { echo "nothing to stop"; return 0; }
  local S; S=$(cd "$1" && pwd)
  # dockerd first (it stops its containers and its containerd)
  local kids=""
  if [ -f "$S/dockerd.pid" ] || [ -f "$S/dockerd.launch.pid" ]; then
    local p1 p2; p1=$(cat "$S/dockerd.pid" 2>/dev/null || true); p2=$(cat "$S/dockerd.launch.pid" 2>/dev/null || true)
    # its children (containerd, docker-proxy): ended below if dockerd leaves them behind
    kids=$(for p in /proc/[0-9]*; do
             pp=$(awk '/^PPid:/ {print $2}' "$p/status" 2>/dev/null || true)
             if [ -n "$pp" ] && { [ "$pp" = "$p1" ] || [ "$pp" = "$p2" ]; }; then echo "${p#/proc/}"; fi
           done)
    [ -n "$p1" ] && echo "$p1" > "$S/dockerd.stop.pid" && stop_pid "$S/dockerd.stop.pid" dockerd
    [ -n "$p2" ] && [ "$p2" != "$p1" ] && echo "$p2" > "$S/dockerd.stop.pid" && stop_pid "$S/dockerd.stop.pid" dockerd
    rm -f "$S/dockerd.pid" "$S/dockerd.launch.pid"
  fi
  # containerd (started by this dockerd) and shims: found by their state dir (under $S or an alias)
  local pids p a q prefixes="$S/"
  if [ -f "$S/aliases" ]; then
    for a in $(cat "$S/aliases"); do prefixes="$prefixes $a/ $(readlink -f "$a")/"; done
  fi
  pids=$(for p in /proc/[0-9]*; do
           c=$( { tr '\0' ' ' < "$p/cmdline"; } 2>/dev/null || true)
           case "$c" in *containerd*) ;; *) continue ;; esac
           for q in $prefixes; do case "$c" in *" $q"*) echo "${p#/proc/}"; break ;; esac; done
         done)
  pids="$pids $kids"
  end_pids $pids
  stop_pid "$S/registry.pid" registry
  # unmount everything below STATE_DIR and below the aliases, deepest first, then the aliases
  local m
  for m in $(awk -v p="$prefixes" 'BEGIN {n = split(p, pre, " ")} {for (i = 1; i <= n; i++) if (index($2, pre[i]) == 1) {print $2; next}}' /proc/self/mounts | sort -r); do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done
  if [ -f "$S/aliases" ]; then
    for a in $(sort -r "$S/aliases"); do a=$(readlink -f "$a"); umount "$a" 2>/dev/null || umount -l "$a" 2>/dev/null || true; done
    rm -f "$S/aliases"
  fi
  echo "stopped"
}

in_ns() { ip netns exec "$NS" "$@"; }
netns_exists() { ip netns list | grep -qw "^$NS"; }

cmd_start_isolated() {
  local S; S=$(state_dir "${1:-}"); NS=${2:-}; local regroot=${3:-}
  [ -n "$NS" ] && [ -d "$regroot" ] || die "usage: start-isolated STATE_DIR NETNS REGISTRY_ROOT"
  mkdir -p "$S/data" "$S/exec"
  netns_exists || ip netns add "$NS"
  in_ns ip link set lo up
  if ! registry_up in_ns; then
    registry_config "$regroot" > "$S/registry.yml"
    setsid ip netns exec "$NS" docker-registry serve "$S/registry.yml" >"$S/registry.log" 2>&1 < /dev/null &
    for _ in $(seq 1 100); do registry_up in_ns && break; sleep 0.1; done
    registry_up in_ns || { cat "$S/registry.log" >&2; die "the second registry did not start"; }
  fi
  if ! dockerd_up "$S"; then
    local driver=overlay2
    storage_driver_works "$S" || driver=vfs
    # a mount namespace of its own (a slave of the host's): the bind mounts on /var/lib/docker and
    # /var/run/docker, and every mount dockerd makes, stay in it (not `ip netns exec`, which remounts
    # /sys and so hides the cgroups dockerd needs)
    setsid nsenter --net="/run/netns/$NS" unshare --mount --propagation slave sh -c 'mount --bind "$1/data" /var/lib/docker && mount --bind "$1/exec" /var/run/docker && shift && exec "$@"' sh "$S" \
      dockerd --data-root /var/lib/docker --exec-root /var/run/docker \
      -H "unix://$S/docker.sock" --pidfile "$S/dockerd.pid" \
      --registry-mirror http://127.0.0.1:5000 --insecure-registry 127.0.0.1:5000 \
      --storage-driver "$driver" \
      >"$S/dockerd.log" 2>&1 < /dev/null &
    for _ in $(seq 1 300); do dockerd_up "$S" && break; sleep 0.1; done
    dockerd_up "$S" || { tail -30 "$S/dockerd.log" >&2; die "the second dockerd did not start"; }
  fi
  # what runs in the engine's namespaces: its network (for curl localhost), its files (volumes)
  echo "export DOCKER_HOST=unix://$S/docker.sock LAYERLAB_ENGINE_NETNS=$NS LAYERLAB_ENGINE_FS=/proc/$(cat "$S/dockerd.pid")/root"
}

cmd_stop_isolated() {
  [ -n "${1:-}" ] && [ -n "${2:-}" ] || die "usage: stop-isolated STATE_DIR NETNS"
  NS=$2
  if netns_exists; then
    local pids
    # dockerd first: it stops its containers and its containerd; then whatever is left in the namespace
    stop_pid "$1/dockerd.pid" dockerd
    pids=$(ip netns pids "$NS" 2>/dev/null || true)
    end_pids $pids
    ip netns del "$NS" 2>/dev/null || true
  fi
  echo "stopped"
}

cmd_status() {
  local S; S=$(state_dir "${1:-}")
  registry_up && echo "registry: up" || echo "registry: down"
  dockerd_up "$S" && echo "dockerd: up" || echo "dockerd: down"
  registry_up && dockerd_up "$S"
}

case "${1:-}" in
  install) cmd_install ;;
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  status) shift; cmd_status "$@" ;;
  start-isolated) shift; cmd_start_isolated "$@" ;;
  stop-isolated) shift; cmd_stop_isolated "$@" ;;
  *) echo "usage: $0 install | start STATE_DIR | stop STATE_DIR | status STATE_DIR | start-isolated STATE_DIR NETNS REGISTRY_ROOT | stop-isolated STATE_DIR NETNS" >&2; exit 2 ;;
esac
