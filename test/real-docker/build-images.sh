#!/bin/bash
# Builds the chapter 6 images from the image catalog (scenarios/images/*.yaml, the simulator's own
# definitions) and publishes them in the engine's registry mirror, so pulls of Docker Hub names are
# served from them. source/verify/dockerfile.ts writes each Dockerfile and build context; images.ts
# builds (classic builder), pushes, and sets the catalog's creation times in the registry. Images whose
# content did not change are not rebuilt (`--force` rebuilds). Leaves the learner's starting state:
# only alpine:3.9 and diamol/base local, pulled through the mirror (with repo digests).
#   DOCKER_HOST=unix://STATE_DIR/docker.sock test/real-docker/build-images.sh [--force]
set -euo pipefail
DOCKER=/usr/local/bin/docker
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
: "${DOCKER_HOST:?set DOCKER_HOST (engine.sh start prints it)}"

"$REPO/node_modules/.bin/tsx" "$REPO/source/verify/build-main.ts" "$@"

"$DOCKER" pull -q alpine:3.9 >/dev/null
"$DOCKER" pull -q diamol/base >/dev/null
"$DOCKER" image ls
