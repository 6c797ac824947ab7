#!/bin/bash
# Builds the stand-in images of chapter 6 with the classic builder, pushes them to the local registry
# (127.0.0.1:5000, the mirror of the engine started by engine.sh), then leaves the learner's starting
# state: only alpine:3.9 and diamol/base local (pulled back through the mirror, so they carry repo
# digests like images pulled from Docker Hub). Everything else is pulled on first use.
#   DOCKER_HOST=unix://STATE_DIR/docker.sock test/real-docker/build-images.sh
set -euo pipefail

DOCKER=/usr/local/bin/docker
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
IMAGES=$HERE/images
HOSTSRC=$REPO/scenarios/host/diamol/ch06/exercises
REGISTRY=127.0.0.1:5000
MTIME='2019-09-19 00:00:00 UTC'
: "${DOCKER_HOST:?set DOCKER_HOST (engine.sh start prints it)}"
export DOCKER_BUILDKIT=0

WORK=$(mktemp -d /tmp/layerlab-build.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# copy a context: files 0644 (0755 for the listed executables), dirs 0755, fixed mtimes
context() { # name src... -> prints context dir
  local name=$1; shift
  local dir=$WORK/$name
  mkdir -p "$dir"
  for s in "$@"; do cp -R "$s" "$dir/"; done
  find "$dir" -type d -exec chmod 0755 {} +
  find "$dir" -type f -exec chmod 0644 {} +
  echo "$dir"
}
fix_times() { find "$1" -exec touch -h -d "$MTIME" {} +; }

build() { # tag dir
  echo "### build $1"
  "$DOCKER" build -q -t "$1" "$2" 2> >(grep -v -e DEPRECATED -e BuildKit -e environment-variable -e '^$' >&2)
}

# --- alpine:3.9 root filesystem --------------------------------------------------------------
make_rootfs() {
  local root=$WORK/rootfs
  rm -rf "$root"; mkdir -p "$root"
  ( cd "$root"
    mkdir -p bin dev etc home lib media mnt opt proc root run sbin srv sys tmp usr/bin usr/sbin usr/local/bin var/tmp
    cp /bin/busybox bin/busybox
    /bin/busybox --list-full | while read -r p; do
      case "$p" in bin/busybox|linuxrc|*/*/*/*) continue ;; esac
      ln -s /bin/busybox "$p"
    done
    printf '%s\n' 'root:x:0:0:root:/root:/bin/sh' 'nobody:x:65534:65534:nobody:/:/sbin/nologin' > etc/passwd
    printf '%s\n' 'root:x:0:root' 'nogroup:x:65534:' > etc/group
    printf '%s\n' 'NAME="Alpine Linux"' 'ID=alpine' 'VERSION_ID=3.9.4' 'PRETTY_NAME="Alpine Linux v3.9"' > etc/os-release
    printf '%s\n' '3.9.4' > etc/alpine-release
    find . -type d -exec chmod 0755 {} +
    find . -type f -exec chmod 0644 {} +
    chmod 0755 bin/busybox
    chmod 0700 root
    chmod 1777 tmp var/tmp
  )
  tar --sort=name --mtime="$MTIME" --owner=0 --group=0 --numeric-owner --format=gnu \
      -C "$root" -cf "$1" .
}

d=$(context alpine "$IMAGES/alpine/Dockerfile"); make_rootfs "$d/rootfs.tar"; fix_times "$d"
build alpine:3.9 "$d"

d=$(context base "$IMAGES/base/Dockerfile" "$IMAGES/base/curl"); chmod 0755 "$d/curl"; fix_times "$d"
build diamol/base "$d"

d=$(context dotnet-aspnet "$IMAGES/dotnet-aspnet/Dockerfile" "$IMAGES/dotnet-aspnet/dotnet"); chmod 0755 "$d/dotnet"; fix_times "$d"
build diamol/dotnet-aspnet "$d"

d=$(context random-number "$IMAGES/random-number/Dockerfile" "$HOSTSRC/random-number/random.sh"); fix_times "$d"
build diamol/ch06-random-number "$d"

d=$(context file-display "$IMAGES/file-display/Dockerfile" "$HOSTSRC/file-display/input.txt"); fix_times "$d"
build diamol/ch06-file-display "$d"

d=$(context todo-list "$IMAGES/todo-list/Dockerfile" "$IMAGES/todo-list/out"); fix_times "$d"
build diamol/ch06-todo-list "$d"

d=$(context todo-list-v2 "$IMAGES/todo-list-v2/Dockerfile" "$IMAGES/todo-list-v2/site.css"); fix_times "$d"
build diamol/ch06-todo-list:v2 "$d"

# the Go binary of the real image is 0755 already before `RUN chmod +x /gols`
d=$(context bind-mount "$IMAGES/bind-mount/Dockerfile" "$IMAGES/bind-mount/gols" "$HOSTSRC/bind-mount/existing"); chmod 0755 "$d/gols"; fix_times "$d"
build diamol/ch06-bind-mount "$d"

d=$(context lab "$IMAGES/lab/Dockerfile" "$IMAGES/lab/appsettings.json" "$IMAGES/lab/todo-list.db"); fix_times "$d"
build diamol/ch06-lab "$d"

ALL="alpine:3.9 diamol/base diamol/dotnet-aspnet diamol/ch06-random-number diamol/ch06-file-display
     diamol/ch06-todo-list diamol/ch06-todo-list:v2 diamol/ch06-bind-mount diamol/ch06-lab"

# --- push to the local registry (the daemon's mirror) ------------------------------------------
for img in $ALL; do
  case "$img" in */*) remote=$REGISTRY/$img ;; *) remote=$REGISTRY/library/$img ;; esac
  case "$remote" in *:*:*) ;; *) remote=$remote:latest ;; esac
  echo "### push $remote"
  "$DOCKER" tag "$img" "$remote"
  "$DOCKER" push -q "$remote" >/dev/null
done

# --- dates back to the book's time (configs rewritten in the registry) -----------------------
refs=""
for img in $ALL; do
  case "$img" in */*) r=$img ;; *) r=library/$img ;; esac
  case "$r" in *:*) ;; *) r=$r:latest ;; esac
  refs="$refs $r"
done
python3 "$HERE/redate.py" "$REGISTRY" $refs

# --- the learner's starting state ------------------------------------------------------------
"$DOCKER" container rm -f $("$DOCKER" container ls -aq) >/dev/null 2>&1 || true
"$DOCKER" image rm -f $("$DOCKER" image ls -q | sort -u) >/dev/null 2>&1 || true
"$DOCKER" image prune -af >/dev/null
"$DOCKER" pull -q alpine:3.9 >/dev/null
"$DOCKER" pull -q diamol/base >/dev/null
"$DOCKER" image ls
