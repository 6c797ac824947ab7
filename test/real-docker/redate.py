#!/usr/bin/env python3
"""Moves the creation dates of the images in the local registry back to 2019 (the book's time),
so `docker image ls` / `history` say "N years ago" like the real images instead of "N minutes ago".

Every `created` time in the image configs (the image and each history entry) is replaced: the n-th
distinct time (in time order) becomes 2019-09-19T10:00:00Z + n minutes. The configs are uploaded
again and the manifests re-pointed at them. Layers are untouched (image IDs and digests change).
usage: redate.py REGISTRY REPO:TAG...
"""
import hashlib, json, re, sys, urllib.request
from datetime import datetime, timezone

T0 = int(datetime(2019, 9, 19, 10, 0, 0, tzinfo=timezone.utc).timestamp()) * 10**9
MT = 'application/vnd.docker.distribution.manifest.v2+json'
reg, refs = sys.argv[1], sys.argv[2:]

def req(method, url, data=None, headers=None):
    r = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    with urllib.request.urlopen(r) as resp:
        return resp.read(), resp.headers

def parse(ts):  # RFC 3339 with up to 9 fraction digits -> ns
    m = re.match(r'(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z$', ts)
    sec = int(datetime.strptime(m.group(1), '%Y-%m-%dT%H:%M:%S').replace(tzinfo=timezone.utc).timestamp())
    frac = (m.group(2) or '').ljust(9, '0')[:9]
    return sec * 10**9 + int(frac)

def fmt(ns):
    s = datetime.fromtimestamp(ns // 10**9, tz=timezone.utc).strftime('%Y-%m-%dT%H:%M:%S')
    f = ('%09d' % (ns % 10**9)).rstrip('0')
    return s + ('.' + f if f else '') + 'Z'

images = []
for ref in refs:
    repo, tag = ref.rsplit(':', 1)
    body, _ = req('GET', f'http://{reg}/v2/{repo}/manifests/{tag}', headers={'Accept': MT})
    manifest = json.loads(body)
    cfg, _ = req('GET', f'http://{reg}/v2/{repo}/blobs/{manifest["config"]["digest"]}')
    images.append((repo, tag, manifest, json.loads(cfg)))

times = []
for _, _, _, c in images:
    times.append(parse(c['created']))
    times += [parse(h['created']) for h in c.get('history', []) if 'created' in h]
tmin = min(times)
if tmin < T0 + 365 * 86400 * 10**9:
    print('redate: already done'); sys.exit(0)
# rank-based: the n-th distinct time becomes T0 + n minutes (order kept, no ties within a second,
# the same dates on every build)
rank = {t: i for i, t in enumerate(sorted(set(times)))}
shift = lambda ts: fmt(T0 + rank[parse(ts)] * 60 * 10**9)

for repo, tag, manifest, c in images:
    c['created'] = shift(c['created'])
    for h in c.get('history', []):
        if 'created' in h:
            h['created'] = shift(h['created'])
    data = json.dumps(c, separators=(',', ':')).encode()
    digest = 'sha256:' + hashlib.sha256(data).hexdigest()
    _, hdr = req('POST', f'http://{reg}/v2/{repo}/blobs/uploads/', data=b'')
    loc = hdr['Location']
    if loc.startswith('/'):
        loc = f'http://{reg}{loc}'
    loc += ('&' if '?' in loc else '?') + 'digest=' + digest
    req('PUT', loc, data=data, headers={'Content-Type': 'application/octet-stream'})
    manifest['config']['digest'] = digest
    manifest['config']['size'] = len(data)
    mdata = json.dumps(manifest, indent=3).encode()
    req('PUT', f'http://{reg}/v2/{repo}/manifests/{tag}', data=mdata, headers={'Content-Type': MT})
    print(f'redate: {repo}:{tag} created {c["created"]}')
