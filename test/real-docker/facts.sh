#!/bin/bash
# Writes test/real-docker/facts/: what the simulator needs to know about the real engine and images.
#   DOCKER_HOST=unix://STATE_DIR/docker.sock test/real-docker/facts.sh
# Per image (facts/images/<name>/): inspect.json, history.txt, history-no-trunc.txt, and
# registry-manifest.json (the schema-2 manifest the mirror serves: compressed layer digests, as shown
# by pull output). Per layer (facts/layers/<diffID hex>.jsonl): one JSON object a line,
# {"path","type","mode","size","uid","gid","mtime","target"?}; facts/layers/<diffID hex>.contents.json:
# path -> content for every text file under 4 KiB (not /bin/busybox).
# Also engine/version.txt, engine/info.txt, and images.json (name -> diffIDs, id, digest).
set -euo pipefail
DOCKER=/usr/local/bin/docker
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$HERE/facts
REGISTRY=127.0.0.1:5000
: "${DOCKER_HOST:?set DOCKER_HOST (engine.sh start prints it)}"
IMAGES="alpine:3.9 diamol/base diamol/dotnet-aspnet diamol/ch06-random-number diamol/ch06-file-display
        diamol/ch06-todo-list diamol/ch06-todo-list:v2 diamol/ch06-bind-mount diamol/ch06-lab"
WORK=$(mktemp -d /tmp/layerlab-facts.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

rm -rf "$OUT"; mkdir -p "$OUT/images" "$OUT/layers" "$OUT/engine"
"$DOCKER" version > "$OUT/engine/version.txt"
"$DOCKER" info > "$OUT/engine/info.txt" 2>&1 || true

pulled=""
for img in $IMAGES; do
  if ! "$DOCKER" image inspect "$img" >/dev/null 2>&1; then
    "$DOCKER" pull -q "$img" >/dev/null; pulled="$pulled $img"
  fi
  safe=$(echo "$img" | tr '/:' '__')
  d=$OUT/images/$safe; mkdir -p "$d"
  "$DOCKER" image inspect "$img" > "$d/inspect.json"
  "$DOCKER" image history "$img" > "$d/history.txt"
  "$DOCKER" image history --no-trunc "$img" > "$d/history-no-trunc.txt"
  case "$img" in */*) repo=$img ;; *) repo=library/$img ;; esac
  tag=latest; case "$repo" in *:*) tag=${repo#*:}; repo=${repo%%:*} ;; esac
  curl -fsS -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://$REGISTRY/v2/$repo/manifests/$tag" | python3 -m json.tool > "$d/registry-manifest.json"
  "$DOCKER" save -o "$WORK/$safe.tar" "$img"
done

python3 - "$OUT" "$WORK" $IMAGES <<'PY'
import json, os, sys, tarfile, io, stat
out, work, images = sys.argv[1], sys.argv[2], sys.argv[3:]
summary = {}
done = set()
for img in images:
    safe = img.replace('/', '_').replace(':', '_')
    with tarfile.open(os.path.join(work, safe + '.tar')) as t:
        manifest = json.load(t.extractfile('manifest.json'))[0]
        config = json.load(t.extractfile(manifest['Config']))
        diff_ids = config['rootfs']['diff_ids']
        inspect = json.load(open(os.path.join(out, 'images', safe, 'inspect.json')))[0]
        reg = json.load(open(os.path.join(out, 'images', safe, 'registry-manifest.json')))
        summary[img] = {
            'id': inspect['Id'],
            'repoDigests': inspect['RepoDigests'],
            'size': inspect['Size'],
            'diffIDs': diff_ids,
            'compressedLayers': [{'digest': l['digest'], 'size': l['size']} for l in reg['layers']],
        }
        for layer_path, diff_id in zip(manifest['Layers'], diff_ids):
            h = diff_id.split(':', 1)[1]
            if h in done:
                continue
            done.add(h)
            raw = t.extractfile(layer_path).read()
            entries, contents = [], {}
            with tarfile.open(fileobj=io.BytesIO(raw)) as lt:
                for m in lt.getmembers():
                    name = m.name[2:] if m.name.startswith('./') else m.name
                    path = ('/' + name.strip('/')) if name not in ('', '.') else '/'
                    e = {'path': path}
                    base = os.path.basename(path)
                    if base.startswith('.wh.'):
                        e['type'] = 'whiteout'
                    elif m.isdir():
                        e['type'] = 'dir'
                    elif m.issym():
                        e['type'] = 'symlink'
                    elif m.islnk():
                        e['type'] = 'hardlink'
                    elif m.isfile():
                        e['type'] = 'file'
                    else:
                        e['type'] = 'other'
                    e['mode'] = '%04o' % (m.mode & 0o7777)
                    e['size'] = m.size if m.isfile() else 0
                    e['uid'], e['gid'], e['mtime'] = m.uid, m.gid, int(m.mtime)
                    if m.issym() or m.islnk():
                        e['target'] = m.linkname
                    entries.append(e)
                    if m.isfile() and m.size < 4096 and path != '/bin/busybox':
                        data = lt.extractfile(m).read()
                        if b'\0' not in data:
                            try:
                                contents[path] = data.decode('utf-8')
                            except UnicodeDecodeError:
                                pass
            with open(os.path.join(out, 'layers', h + '.jsonl'), 'w') as f:
                for e in entries:
                    f.write(json.dumps(e) + '\n')
            with open(os.path.join(out, 'layers', h + '.contents.json'), 'w') as f:
                json.dump(contents, f, indent=1, sort_keys=True)
                f.write('\n')
with open(os.path.join(out, 'images.json'), 'w') as f:
    json.dump(summary, f, indent=2)
    f.write('\n')
PY
# back to the learner's starting state
for img in $pulled; do
  case "$img" in alpine:3.9|diamol/base) ;; *) "$DOCKER" image rm "$img" >/dev/null ;; esac
done
echo "facts written to $OUT"
