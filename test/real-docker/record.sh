#!/bin/bash
# Records golden terminal transcripts from the real engine:
#   DOCKER_HOST=unix://STATE_DIR/docker.sock test/real-docker/record.sh [NAME...]
# For each test/golden/NAME.cmds (default: all), in a fresh world (no containers, no volumes, only
# alpine:3.9 and diamol/base local, /home/student/diamol copied from scenarios/host/diamol), types
# every command line into bash inside a 400-column tmux window and writes the screen text to
# test/golden/NAME.txt: `$ <command>` followed by what the terminal showed.
set -euo pipefail
DOCKER=/usr/local/bin/docker
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
GOLDEN=${GOLDEN:-$REPO/test/golden}   # a folder of NAME.cmds files (default: the golden corpus)
: "${DOCKER_HOST:?set DOCKER_HOST (engine.sh start prints it)}"
CMD_TIMEOUT=${CMD_TIMEOUT:-60}     # seconds per command
SETTLE=${SETTLE:-1}                # seconds after run -d / start / restart
QUIET=${QUIET:-2}                  # seconds of an unchanged screen that mean a container shell waits for input
SOCK=layerlab-record-$$
WORK=$(mktemp -d /tmp/layerlab-record.XXXXXX)
T() { tmux -L "$SOCK" -f "$WORK/tmux.conf" "$@"; }
cleanup() {
  T kill-server 2>/dev/null || true
  reset_world >/dev/null 2>&1 || true
  rm -rf /home/student "$WORK"
}
trap cleanup EXIT

reset_world() {
  local ids keep
  ids=$("$DOCKER" container ls -aq)
  [ -n "$ids" ] && "$DOCKER" container rm -f -v $ids >/dev/null
  ids=$("$DOCKER" volume ls -q)
  [ -n "$ids" ] && "$DOCKER" volume rm -f $ids >/dev/null
  "$DOCKER" image inspect alpine:3.9 >/dev/null 2>&1 || "$DOCKER" pull -q alpine:3.9 >/dev/null
  "$DOCKER" image inspect diamol/base >/dev/null 2>&1 || "$DOCKER" pull -q diamol/base >/dev/null
  keep=" $("$DOCKER" image inspect -f '{{.Id}}' alpine:3.9 diamol/base | tr '\n' ' ') "
  for id in $("$DOCKER" image ls -aq --no-trunc | sort -u); do
    case "$keep" in *" $id "*) ;; *) "$DOCKER" image rm -f "$id" >/dev/null 2>&1 || true ;; esac
  done
  # leave only the two tags on the kept images
  "$DOCKER" image ls --format '{{.Repository}}:{{.Tag}}' | while read -r ref; do
    case "$ref" in alpine:3.9|diamol/base:latest) ;; *) "$DOCKER" image rm "$ref" >/dev/null 2>&1 || true ;; esac
  done
  rm -rf /home/student
  mkdir -p /home/student
  cp -R "$REPO/scenarios/host/diamol" /home/student/diamol
  find /home/student -type d -exec chmod 0755 {} +
  find /home/student -type f -exec chmod 0644 {} +
}

count() { [ -f "$WORK/prompts" ] && wc -c < "$WORK/prompts" || echo 0; }

wait_prompt() { # n timeout -> 0 when the n-th prompt came
  local n=$1 limit=$(( $2 * 10 )) i=0
  while [ "$(count)" -lt "$n" ]; do
    i=$((i + 1)); [ $i -gt $limit ] && return 1
    sleep 0.1
  done
  return 0
}

# A docker line that may keep the terminal (stdin or a tty attached): run/exec/start with -i or -t,
# start -a, attach.
opens_terminal() {
  [[ "$1" =~ ^docker\ .*(\ -[a-zA-Z]*[ita][a-zA-Z]*\ |\ --interactive|\ --tty|\ --attach|attach\ ) ]]
}

# 0 when the n-th bash prompt came; 1 when the screen stayed the same for QUIET seconds first (the
# terminal is waiting in a container's shell or in an attached stream).
wait_prompt_or_quiet() {
  local n=$1 limit=$(( $2 * 10 )) i=0 still=0 last="" screen
  while [ "$(count)" -lt "$n" ]; do
    i=$((i + 1)); [ $i -gt $limit ] && return 1
    sleep 0.1
    screen=$(T capture-pane -t rec -p; T display-message -p -t rec '#{cursor_x},#{cursor_y}')
    if [ "$screen" = "$last" ]; then still=$((still + 1)); else still=0; last=$screen; fi
    [ $still -ge $(( QUIET * 10 )) ] && return 1
  done
  return 0
}

record() {
  local name=$1 cmds=$GOLDEN/$1.cmds out=$GOLDEN/$1.txt
  [ -f "$cmds" ] || { echo "no such file: $cmds" >&2; return 1; }
  echo "== $name: reset"
  reset_world
  rm -f "$WORK/prompts"
  printf 'set -g history-limit 200000\nset -g default-terminal "screen"\nset -g status off\n' > "$WORK/tmux.conf"
  T new-session -d -s rec -x 400 -y 50 -c /home/student/diamol \
    env -i HOME=/home/student USER=root LOGNAME=root SHELL=/bin/bash LANG=C.UTF-8 TERM=screen \
        PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin \
        DOCKER_HOST="$DOCKER_HOST" HISTFILE=/dev/null PS1='$ ' \
        PROMPT_COMMAND="printf . >> $WORK/prompts" \
        bash --norc --noprofile
  wait_prompt 1 10 || { echo "bash did not start" >&2; return 1; }
  local n=1 line started=$SECONDS inside=0
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in ''|'#'*) continue ;; esac
    [ -z "${line//[[:space:]]/}" ] && continue
    echo "   \$ $line"
    if [[ "$line" =~ ^(\<C-[a-z]\>)+$ ]]; then
      # a line of keys (`<C-c>`, `<C-p><C-q>`, `<C-d>`): pressed, no Enter
      local keys=${line//</ } ; keys=${keys//>/}
      T send-keys -t rec $keys
    else
      # busybox sh asks the terminal where its cursor is (ESC[6n, also when `docker logs` replays a
      # session): an answer that arrives after the shell ended is typed into bash. Ctrl+U clears it
      # from the line (its echo stays on the screen; normalisation drops it).
      T send-keys -t rec C-u
      T send-keys -t rec -l -- "$line"
      T send-keys -t rec Enter
    fi
    if [ $inside = 1 ] || opens_terminal "$line"; then
      # An interactive session (`run -it`, `exec -it`, `start -ai`, `attach`): the line may go to a
      # container's shell, so no bash prompt comes until it ends; wait for the prompt or a quiet screen.
      if wait_prompt_or_quiet "$((n + 1))" "$CMD_TIMEOUT"; then n=$((n + 1)); inside=0; else inside=1; fi
      continue
    fi
    n=$((n + 1))
    if ! wait_prompt "$n" "$CMD_TIMEOUT"; then
      echo "   !! timeout after ${CMD_TIMEOUT}s, sending Ctrl+C" >&2
      T send-keys -t rec C-c
      wait_prompt "$n" 15 || { echo "   !! still no prompt" >&2; return 1; }
    fi
    case " $line " in
      *" run "*" -d "*|*" run -d "*|*" --detach "*|*" start "*|*" restart "*) sleep "$SETTLE" ;;
    esac
  done < "$cmds"
  sleep 0.3
  T capture-pane -t rec -p -J -S - -E - > "$WORK/screen.txt"
  T kill-server
  # drop trailing spaces, the trailing empty lines and the final empty prompt
  python3 - "$WORK/screen.txt" "$out" <<'PY'
import sys
lines = [l.rstrip() for l in open(sys.argv[1], encoding='utf-8', errors='replace').read().split('\n')]
while lines and lines[-1] == '':
    lines.pop()
if lines and lines[-1] == '$':
    lines.pop()
open(sys.argv[2], 'w').write('\n'.join(lines) + '\n')
PY
  echo "== $name: $(wc -l < "$out") lines in $((SECONDS - started)) s -> ${out#$REPO/}"
}

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in "$GOLDEN"/*.cmds; do names+=("$(basename "$f" .cmds)"); done
fi
for name in "${names[@]}"; do record "$name"; done
