// Language images of the catalog: node 22/20, python 3.13/3.12 and golang 1.23, on bookworm (via buildpack-deps) and alpine.
import type { SeedEntry, SeedHistory, SeedImage, SeedLayer } from './types';
import { PATH_ENV, bkLayer, bkMeta } from './history';
import { bin, bins, dir, exe, file, link } from './fs';
import { DEBIAN_BOOKWORM_SLIM } from './layers-debian';
import { ALPINE_3_20 } from './layers-alpine';
import { EMPTY_LAYER } from './layers-apps';

const layer = (key: string, createdBy: string, size: number, compressedSize: number, entries: SeedEntry[]): SeedLayer =>
  ({ key, createdBy, size, compressedSize, entries });
const run = (cmd: string) => `RUN /bin/sh -c ${cmd} # buildkit`;

/**
 * buildpack-deps:bookworm's three steps (curl, scm, the -dev packages) that node, python and golang all build on, so
 * their pulls share them. Real buildpack-deps starts from debian:bookworm, not -slim; the first layer makes up the difference.
 */
export const BUILDPACK_LAYERS: SeedLayer[] = [
  layer('buildpack-deps-bookworm-curl', run('set -eux; apt-get update; apt-get install -y --no-install-recommends ca-certificates curl gnupg netbase sq wget; rm -rf /var/lib/apt/lists/*'), 66_104_320, 24_058_114,
    [...bins('/usr/bin', 'curl', 'curl:276448 wget:527296 gpg:1153312')]),
  layer('buildpack-deps-bookworm-scm', run('set -eux; apt-get update; apt-get install -y --no-install-recommends git mercurial openssh-client subversion procps; rm -rf /var/lib/apt/lists/*'), 64_401_408, 23_583_410,
    [...bins('/usr/bin', 'git', 'git:4221672 ssh:1171536 ps:146128 svn:34416')]),
  layer('buildpack-deps-bookworm', run('set -ex; apt-get update; apt-get install -y --no-install-recommends autoconf automake bzip2 default-libmysqlclient-dev dpkg-dev file g++ gcc imagemagick libbz2-dev libc6-dev libcurl4-openssl-dev libdb-dev libevent-dev libffi-dev libgdbm-dev libglib2.0-dev libgmp-dev libjpeg-dev libkrb5-dev liblzma-dev libmagickcore-dev libmagickwand-dev libmaxminddb-dev libncurses5-dev libncursesw5-dev libpng-dev libpq-dev libreadline-dev libsqlite3-dev libssl-dev libtool libwebp-dev libxml2-dev libxslt-dev libyaml-dev make patch unzip xz-utils zlib1g-dev; rm -rf /var/lib/apt/lists/*'), 720_281_600, 247_109_120,
    [...bins('/usr/bin', 'gcc', 'gcc-12:928584 g++-12:932680 make:256960 patch:195216 unzip:174144'), link('/usr/bin/gcc', 'gcc-12'), link('/usr/bin/g++', 'g++-12')]),
];

const bookwormBase = (t: string, n = 3): SeedHistory[] => [bkLayer(t, DEBIAN_BOOKWORM_SLIM), bkMeta(t, 'CMD ["bash"]'), ...BUILDPACK_LAYERS.slice(0, n).map((l) => bkLayer(t, l))];
const alpineBase = (t: string): SeedHistory[] => [bkLayer(t, ALPINE_3_20), bkMeta(t, 'CMD ["/bin/sh"]')];

// docker-library/node docker-entrypoint.sh, verbatim
export const NODE_ENTRYPOINT = `#!/bin/sh
set -e

# Run command with node if the first argument contains a "-" or is not a system command. The last
# part inside the "{}" is a workaround for the following bug in ash/dash:
# https://bugs.debian.org/cgi-bin/bugreport.cgi?bug=874264
if [ "\${1#-}" != "\${1}" ] || [ -z "$(command -v "\${1}")" ] || { [ -f "\${1}" ] && ! [ -x "\${1}" ]; }; then
  set -- node "$@"
fi

exec "$@"
`;

const NODE_T = '2024-12-03T19:24:21Z';

function nodeLayers(v: string, variant: string, size: number, comp: number): SeedLayer[] {
  const user = variant === 'alpine'
    ? run('addgroup -g 1000 node && adduser -u 1000 -G node -s /bin/sh -D node')
    : run('groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node');
  return [
    layer(`node-${variant}-user`, user, 4_620, 1_315, [dir('/home/node')]),
    layer(`node-${v}-${variant}-install`, run(`ARCH= && dpkgArch="$(dpkg --print-architecture)" && (download node-v$NODE_VERSION-linux-$ARCH.tar.xz, verify, extract to /usr/local) && ln -s /usr/local/bin/node /usr/local/bin/nodejs && node --version && npm --version`), size, comp,
      [bin('/usr/local/bin/node', 'node', Math.round(size * 0.55)), link('/usr/local/bin/nodejs', 'node'), dir('/usr/local/lib/node_modules'), dir('/usr/local/lib/node_modules/npm'),
        dir('/usr/local/lib/node_modules/npm/bin'), bin('/usr/local/lib/node_modules/npm/bin/npm-cli.js', 'npm', 4_284), bin('/usr/local/lib/node_modules/npm/bin/npx-cli.js', 'npm', 2_922),
        link('/usr/local/bin/npm', '../lib/node_modules/npm/bin/npm-cli.js'), link('/usr/local/bin/npx', '../lib/node_modules/npm/bin/npx-cli.js')]),
    layer(`node-yarn-1.22.22-${variant}`, run('set -ex && (download yarn-v$YARN_VERSION.tar.gz, verify, extract to /opt) && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn && yarn --version && rm -rf /tmp/*'), 5_337_088, 1_254_991,
      [dir('/opt'), dir('/opt/yarn-v1.22.22'), dir('/opt/yarn-v1.22.22/bin'), exe('/opt/yarn-v1.22.22/bin/yarn', '#!/bin/sh\n# yarn (stand-in)\n'), link('/usr/local/bin/yarn', '/opt/yarn-v1.22.22/bin/yarn')]),
    layer(`node-entrypoint-${variant}`, 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', NODE_ENTRYPOINT.length, 448, [exe('/usr/local/bin/docker-entrypoint.sh', NODE_ENTRYPOINT)]),
  ];
}

function nodeImage(v: string, tags: string[], base: SeedHistory[], l: SeedLayer[]): SeedImage {
  const [user, install, yarn, entry] = l;
  return {
    repository: 'library/node', tags, created: NODE_T,
    config: { Env: [PATH_ENV, `NODE_VERSION=${v}`, 'YARN_VERSION=1.22.22'], Cmd: ['node'], Entrypoint: ['docker-entrypoint.sh'], WorkingDir: '' },
    history: [...base, bkLayer(NODE_T, user), bkMeta(NODE_T, `ENV NODE_VERSION=${v}`), bkLayer(NODE_T, install), bkMeta(NODE_T, 'ENV YARN_VERSION=1.22.22'),
      bkLayer(NODE_T, yarn), bkLayer(NODE_T, entry), bkMeta(NODE_T, 'ENTRYPOINT ["docker-entrypoint.sh"]'), bkMeta(NODE_T, 'CMD ["node"]')],
  };
}

const NODE_22 = nodeLayers('22.12.0', 'bookworm', 191_934_464, 48_502_111);
const NODE_20 = nodeLayers('20.18.1', 'bookworm', 187_510_784, 47_213_002).map((l, i) => (i === 0 || i >= 2 ? NODE_22[i] : l));
const NODE_22_ALPINE = nodeLayers('22.12.0', 'alpine', 150_441_984, 42_994_810);

export const NODE: SeedImage = { ...nodeImage('22.12.0', ['latest', '22', '22.12', '22.12.0', 'lts', 'jod', 'bookworm', '22-bookworm', 'lts-bookworm'], bookwormBase(NODE_T), NODE_22),
  search: { description: 'Node.js is a JavaScript-based platform for server-side and networking applications.', stars: 13_794, official: true } };
export const NODE_20_IMAGE = nodeImage('20.18.1', ['20', '20.18', '20.18.1', 'iron', '20-bookworm'], bookwormBase(NODE_T), NODE_20);
export const NODE_ALPINE = nodeImage('22.12.0', ['alpine', '22-alpine', '22.12-alpine', '22.12.0-alpine', 'lts-alpine', 'alpine3.20', '22-alpine3.20'], alpineBase(NODE_T), NODE_22_ALPINE);

const PY_T = '2024-12-04T01:13:57Z';
const PY_GPG = 'GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305';

function pythonLayers(v: string, variant: string, deps: number, build: number): SeedLayer[] {
  const minor = v.split('.').slice(0, 2).join('.');
  return [
    layer(`python-${variant}-deps`, run(variant === 'alpine' ? 'set -eux; apk add --no-cache ca-certificates tzdata' : 'set -eux; apt-get update; apt-get install -y --no-install-recommends libbluetooth-dev tk-dev uuid-dev; rm -rf /var/lib/apt/lists/*'),
      deps, Math.round(deps * 0.35), [dir('/usr/share/zoneinfo')]),
    layer(`python-${v}-${variant}-build`, run('set -eux; (download Python-$PYTHON_VERSION.tar.xz, verify, ./configure --enable-optimizations --with-lto, make, make install); python3 --version; pip3 --version'), build, Math.round(build * 0.3),
      [bin(`/usr/local/bin/python${minor}`, 'python', 17_136), link('/usr/local/bin/python3', `python${minor}`), bin('/usr/local/bin/pip3', 'pip', 231), link('/usr/local/bin/pip', 'pip3'),
        dir(`/usr/local/lib/python${minor}`), file(`/usr/local/lib/python${minor}/os.py`, '# os.py (stand-in: the standard library is not simulated)\n')]),
    layer(`python-${v}-${variant}-links`, run('set -eux; for src in idle3 pip3 pydoc3 python3 python3-config; do dst="$(echo "$src" | tr -d 3)"; [ -s "/usr/local/bin/$src" ]; [ ! -e "/usr/local/bin/$dst" ]; ln -svT "$src" "/usr/local/bin/$dst"; done'), 40, 226,
      [link('/usr/local/bin/python', 'python3'), link('/usr/local/bin/pydoc', 'pydoc3')]),
  ];
}

function pythonImage(v: string, tags: string[], base: SeedHistory[], l: SeedLayer[], search?: SeedImage['search']): SeedImage {
  const [deps, build, links] = l;
  const env = ['PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', PY_GPG, `PYTHON_VERSION=${v}`];
  return {
    repository: 'library/python', tags, created: PY_T,
    config: { Env: env, Cmd: ['python3'], Entrypoint: null, WorkingDir: '' },
    history: [...base, bkMeta(PY_T, 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'), bkLayer(PY_T, deps),
      bkMeta(PY_T, `ENV ${PY_GPG}`), bkMeta(PY_T, `ENV PYTHON_VERSION=${v}`), bkLayer(PY_T, build), bkLayer(PY_T, links), bkMeta(PY_T, 'CMD ["python3"]')],
    ...(search ? { search } : {}),
  };
}

const PY_313 = pythonLayers('3.13.1', 'bookworm', 18_616_320, 58_245_120);
const PY_312 = pythonLayers('3.12.8', 'bookworm', 18_616_320, 56_229_888).map((l, i) => (i === 0 ? PY_313[0] : l));
const PY_313_SLIM = pythonLayers('3.13.1', 'slim', 3_522_560, 72_351_744);
const PY_313_ALPINE = pythonLayers('3.13.1', 'alpine', 1_024_000, 37_990_400);

export const PYTHON: SeedImage = pythonImage('3.13.1', ['latest', '3', '3.13', '3.13.1', 'bookworm', '3.13-bookworm'], bookwormBase(PY_T), PY_313,
  { description: 'Python is an interpreted, interactive, object-oriented, open-source programming language.', stars: 9_998, official: true });
export const PYTHON_312 = pythonImage('3.12.8', ['3.12', '3.12.8', '3.12-bookworm'], bookwormBase(PY_T), PY_312);
export const PYTHON_SLIM = pythonImage('3.13.1', ['slim', '3-slim', '3.13-slim', '3.13.1-slim', 'slim-bookworm', '3.13-slim-bookworm'],
  [bkLayer(PY_T, DEBIAN_BOOKWORM_SLIM), bkMeta(PY_T, 'CMD ["bash"]')], PY_313_SLIM);
export const PYTHON_ALPINE = pythonImage('3.13.1', ['alpine', '3-alpine', '3.13-alpine', '3.13.1-alpine', 'alpine3.20', '3.13-alpine3.20'], alpineBase(PY_T), PY_313_ALPINE);

const GO_T = '2024-12-03T22:04:44Z';
const GOLANG_LAYERS: SeedLayer[] = [
  layer('golang-bookworm-gcc', run('set -eux; apt-get update; apt-get install -y --no-install-recommends g++ gcc libc6-dev make pkg-config; rm -rf /var/lib/apt/lists/*'), 367_001_600, 103_104_505,
    [...bins('/usr/bin', 'gcc', 'gcc-12:928584 make:256960 pkg-config:35648'), link('/usr/bin/gcc', 'gcc-12')]),
  layer('golang-1.23.4-install', run('set -eux; (download go$GOLANG_VERSION.linux-amd64.tar.gz, verify, extract to /usr/local); go version'), 250_408_960, 73_918_224,
    [dir('/usr/local/go'), dir('/usr/local/go/bin'), bin('/usr/local/go/bin/go', 'go', 14_402_338), bin('/usr/local/go/bin/gofmt', 'go', 3_174_826)]),
  layer('golang-gopath', run('mkdir -p "$GOPATH/src" "$GOPATH/bin" && chmod -R 1777 "$GOPATH"'), 0, 126, [dir('/go', 0o1777), dir('/go/src', 0o1777), dir('/go/bin', 0o1777)]),
];
const GO_PATH = 'PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** golang:1.23.4 (bookworm): buildpack-deps:bookworm-scm, gcc, then Go itself. */
export const GOLANG: SeedImage = {
  repository: 'library/golang',
  tags: ['latest', '1', '1.23', '1.23.4', 'bookworm', '1.23-bookworm', '1.23.4-bookworm'],
  created: GO_T,
  config: { Env: [GO_PATH, 'GOLANG_VERSION=1.23.4', 'GOTOOLCHAIN=local', 'GOPATH=/go'], Cmd: ['bash'], Entrypoint: null, WorkingDir: '/go' },
  history: [...bookwormBase(GO_T, 2), bkLayer(GO_T, GOLANG_LAYERS[0]), bkMeta(GO_T, 'ENV PATH=/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'),
    bkMeta(GO_T, 'ENV GOLANG_VERSION=1.23.4'), bkMeta(GO_T, 'ENV GOTOOLCHAIN=local'), bkLayer(GO_T, GOLANG_LAYERS[1]), bkMeta(GO_T, 'ENV GOPATH=/go'),
    bkMeta(GO_T, `ENV ${GO_PATH}`), bkLayer(GO_T, GOLANG_LAYERS[2]), bkLayer(GO_T, EMPTY_LAYER, 'WORKDIR /go')],
  search: { description: 'Go (golang) is a general purpose, higher-level, imperative programming language.', stars: 4_929, official: true },
};

/** Every layer above, for the catalog's layer table. */
export const LANG_LAYERS: SeedLayer[] = [
  ...BUILDPACK_LAYERS, ...NODE_22, NODE_20[1], ...NODE_22_ALPINE, ...PY_313, PY_312[1], PY_312[2], ...PY_313_SLIM, ...PY_313_ALPINE, ...GOLANG_LAYERS,
];
