// php 8.4 (cli, bookworm-slim), ruby 3.3 (buildpack-deps:bookworm) and eclipse-temurin 21/17 (JDK on Ubuntu noble).
import type { SeedImage, SeedLayer } from './types';
import { PATH_ENV, bkLayer, bkMeta } from './history';
import { bin, dir, exe, file, link } from './fs';
import { DEBIAN_BOOKWORM_SLIM } from './layers-debian';
import { UBUNTU_NOBLE } from './layers-ubuntu';
import { BUILDPACK_LAYERS } from './images-lang';
import { DOCKER_PHP_EXT_ENABLE, DOCKER_PHP_EXT_INSTALL } from './php-scripts';

const layer = (key: string, createdBy: string, size: number, compressedSize: number, entries: SeedLayer['entries']): SeedLayer => ({ key, createdBy, size, compressedSize, entries });
const run = (cmd: string) => `RUN /bin/sh -c ${cmd} # buildkit`;

// docker-library/php docker-php-entrypoint, verbatim
export const PHP_ENTRYPOINT = `#!/bin/sh
set -e

# first arg is \`-f\` or \`--some-option\`
if [ "\${1#-}" != "$1" ]; then
	set -- php "$@"
fi

exec "$@"
`;

const PHP_T = '2024-11-22T01:39:12Z';
export const PHP_LAYERS: SeedLayer[] = [
  layer('php-no-debian-php', run("set -eux; { echo 'Package: php*'; echo 'Pin: release *'; echo 'Pin-Priority: -1'; } > /etc/apt/preferences.d/no-debian-php"), 18, 315,
    [file('/etc/apt/preferences.d/no-debian-php', 'Package: php*\nPin: release *\nPin-Priority: -1\n')]),
  layer('php-phpize-deps', run('set -eux; apt-get update; apt-get install -y --no-install-recommends $PHPIZE_DEPS ca-certificates curl xz-utils; rm -rf /var/lib/apt/lists/*'), 263_372_800, 80_934_112,
    [bin('/usr/bin/curl', 'curl', 276_448), bin('/usr/bin/gcc-12', 'gcc', 928_584), link('/usr/bin/gcc', 'gcc-12'), bin('/usr/bin/make', 'make', 256_960)]),
  layer('php-ini-dir', run('set -eux; mkdir -p "$PHP_INI_DIR/conf.d"; [ ! -d /var/www/html ]; mkdir -p /var/www/html; chown www-data:www-data /var/www/html; chmod 1777 /var/www/html'), 0, 153,
    [dir('/usr/local/etc'), dir('/usr/local/etc/php'), dir('/usr/local/etc/php/conf.d'), dir('/var/www'), dir('/var/www/html', 0o1777)]),
  layer('php-8.4.1-source', run('set -eux; (download php-$PHP_VERSION.tar.xz and its signature, verify) ; mkdir -p /usr/src; cd /usr/src; mv php.tar.xz …'), 12_902_400, 12_848_315,
    [dir('/usr/src'), file('/usr/src/php.tar.xz', '(php 8.4.1 source tarball, stand-in)\n')]),
  layer('php-docker-php-source', 'COPY docker-php-source /usr/local/bin/ # buildkit', 3_072, 585, [exe('/usr/local/bin/docker-php-source', '#!/bin/sh\nset -e\n# extracts or deletes /usr/src/php (stand-in copy)\n')]),
  layer('php-8.4.1-build', run('set -eux; savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends libargon2-dev libcurl4-openssl-dev libonig-dev libreadline-dev libsodium-dev libsqlite3-dev libssl-dev libxml2-dev zlib1g-dev; … ./configure --with-config-file-path="$PHP_INI_DIR" …; make -j "$(nproc)"; make install; … php --version'), 117_964_800, 33_413_420,
    [bin('/usr/local/bin/php', 'php', 40_521_184), dir('/usr/local/lib/php'), file('/usr/local/etc/php/php.ini-development', '; PHP development settings (stand-in)\nlog_errors = On\ndisplay_errors = On\n'), file('/usr/local/etc/php/php.ini-production', '; PHP production settings (stand-in)\nlog_errors = On\ndisplay_errors = Off\n')]),
  layer('php-docker-php-ext', 'COPY docker-php-ext-* docker-php-entrypoint /usr/local/bin/ # buildkit', 12_288, 2_339,
    [exe('/usr/local/bin/docker-php-entrypoint', PHP_ENTRYPOINT), exe('/usr/local/bin/docker-php-ext-install', DOCKER_PHP_EXT_INSTALL), exe('/usr/local/bin/docker-php-ext-enable', DOCKER_PHP_EXT_ENABLE)]),
  layer('php-sodium', run('docker-php-ext-enable sodium'), 17, 126, [file('/usr/local/etc/php/conf.d/docker-php-ext-sodium.ini', 'extension=sodium\n')]),
];

export const PHP: SeedImage = {
  repository: 'library/php', tags: ['latest', 'cli', '8', '8.4', '8.4.1', '8-cli', '8.4-cli', '8.4.1-cli', 'bookworm', 'cli-bookworm', '8.4-cli-bookworm'], created: PHP_T,
  config: {
    Env: [PATH_ENV, 'PHPIZE_DEPS=autoconf \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\tlibc-dev \t\tmake \t\tpkg-config \t\tre2c', 'PHP_INI_DIR=/usr/local/etc/php', 'PHP_CFLAGS=-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64', 'PHP_CPPFLAGS=-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64', 'PHP_LDFLAGS=-Wl,-O1 -pie', 'GPG_KEYS=AFD8691FDAEDF03BDF6E460563F15A9B715376CA 9D7F99A0CB8F05C8A6958D6256A97AF7600A39A6 0616E93D95AF471243E26761770426E17EBBB3DD', 'PHP_VERSION=8.4.1', 'PHP_URL=https://www.php.net/distributions/php-8.4.1.tar.xz', 'PHP_ASC_URL=https://www.php.net/distributions/php-8.4.1.tar.xz.asc', 'PHP_SHA256=94c8a4fd419d45748951fa6d73bd55f6bdf0adaefb8814880a67baa66027311f'],
    Cmd: ['php', '-a'], Entrypoint: ['docker-php-entrypoint'], WorkingDir: '',
  },
  history: [bkLayer(PHP_T, DEBIAN_BOOKWORM_SLIM), bkMeta(PHP_T, 'CMD ["bash"]'), bkLayer(PHP_T, PHP_LAYERS[0]), bkMeta(PHP_T, 'ENV PHPIZE_DEPS=autoconf \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\tlibc-dev \t\tmake \t\tpkg-config \t\tre2c'),
    bkLayer(PHP_T, PHP_LAYERS[1]), bkMeta(PHP_T, 'ENV PHP_INI_DIR=/usr/local/etc/php'), bkLayer(PHP_T, PHP_LAYERS[2]), bkMeta(PHP_T, 'ENV PHP_VERSION=8.4.1'), bkLayer(PHP_T, PHP_LAYERS[3]),
    bkLayer(PHP_T, PHP_LAYERS[4]), bkLayer(PHP_T, PHP_LAYERS[5]), bkLayer(PHP_T, PHP_LAYERS[6]), bkLayer(PHP_T, PHP_LAYERS[7]), bkMeta(PHP_T, 'ENTRYPOINT ["docker-php-entrypoint"]'), bkMeta(PHP_T, 'CMD ["php" "-a"]')],
  search: { description: 'While designed for web development, the PHP scripting language also provides general-purpose use.', stars: 7_657, official: true },
};

const RUBY_T = '2024-11-05T23:05:31Z';
const RUBY_PATH = 'PATH=/usr/local/bundle/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const RUBY_LAYERS: SeedLayer[] = [
  layer('ruby-gemrc', run("set -eux; mkdir -p /usr/local/etc; { echo 'install: --no-document'; echo 'update: --no-document'; } >> /usr/local/etc/gemrc"), 45, 199, [dir('/usr/local/etc'), file('/usr/local/etc/gemrc', 'install: --no-document\nupdate: --no-document\n')]),
  layer('ruby-3.3.6-build', run('set -eux; savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends bison dpkg-dev libgdbm-dev ruby; … wget -O ruby.tar.xz "$RUBY_DOWNLOAD_URL"; … ./configure --disable-install-doc --enable-shared; make -j "$(nproc)"; make install; … ruby --version; gem --version; bundle --version'), 53_219_328, 38_421_011,
    [bin('/usr/local/bin/ruby', 'ruby', 16_368), bin('/usr/local/bin/irb', 'ruby', 563), bin('/usr/local/bin/gem', 'ruby', 590), bin('/usr/local/bin/bundle', 'ruby', 565), dir('/usr/local/lib/ruby')]),
  layer('ruby-gem-home', run('mkdir -p "$GEM_HOME" && chmod 1777 "$GEM_HOME"'), 0, 119, [dir('/usr/local/bundle', 0o1777)]),
];

export const RUBY: SeedImage = {
  repository: 'library/ruby', tags: ['latest', '3', '3.3', '3.3.6', 'bookworm', '3.3-bookworm', '3.3.6-bookworm'], created: RUBY_T,
  config: { Env: [RUBY_PATH, 'LANG=C.UTF-8', 'RUBY_VERSION=3.3.6', 'RUBY_DOWNLOAD_URL=https://cache.ruby-lang.org/pub/ruby/3.3/ruby-3.3.6.tar.xz', 'RUBY_DOWNLOAD_SHA256=8dc48fffaf270f86f1019053f28e51e4da4cce32a36760a0603a9aee67d7fd8d', 'GEM_HOME=/usr/local/bundle', 'BUNDLE_SILENCE_ROOT_WARNING=1', 'BUNDLE_APP_CONFIG=/usr/local/bundle'], Cmd: ['irb'], Entrypoint: null, WorkingDir: '' },
  history: [bkLayer(RUBY_T, DEBIAN_BOOKWORM_SLIM), bkMeta(RUBY_T, 'CMD ["bash"]'), ...BUILDPACK_LAYERS.map((l) => bkLayer(RUBY_T, l)), bkLayer(RUBY_T, RUBY_LAYERS[0]), bkMeta(RUBY_T, 'ENV LANG=C.UTF-8'),
    bkMeta(RUBY_T, 'ENV RUBY_VERSION=3.3.6'), bkLayer(RUBY_T, RUBY_LAYERS[1]), bkMeta(RUBY_T, 'ENV GEM_HOME=/usr/local/bundle'), bkMeta(RUBY_T, 'ENV BUNDLE_SILENCE_ROOT_WARNING=1 BUNDLE_APP_CONFIG=/usr/local/bundle'),
    bkMeta(RUBY_T, `ENV ${RUBY_PATH}`), bkLayer(RUBY_T, RUBY_LAYERS[2]), bkMeta(RUBY_T, 'CMD ["irb"]')],
  search: { description: 'Ruby is a dynamic, reflective, object-oriented, general-purpose, open-source programming language.', stars: 2_334, official: true },
};

// adoptium/containers __cacert_entrypoint.sh, shortened: the CA certificate import is left out, the exec kept
const CACERT_ENTRYPOINT = `#!/usr/bin/env bash
# Converted to POSIX shell to avoid the need for bash in the image

set -e

# JDK truststore location
JRE_CACERTS_PATH=$JAVA_HOME/lib/security/cacerts

# Opt-in is only activated if the environment variable is set
if [ -n "$USE_SYSTEM_CA_CERTS" ]; then
    # (imports /certificates/*.crt into the JDK truststore: not copied here)
    :
fi

exec "$@"
`;

const JAVA_PATH = 'PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const TEMURIN_DEPS = layer('temurin-noble-deps', run('set -eux; apt-get update; DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl wget fontconfig ca-certificates p11-kit binutils tzdata locales; echo "en_US.UTF-8 UTF-8" >> /etc/locale.gen; locale-gen en_US.UTF-8; rm -rf /var/lib/apt/lists/*'), 44_040_192, 17_436_220,
  [bin('/usr/bin/curl', 'curl', 276_448), bin('/usr/bin/wget', 'wget', 527_296), dir('/usr/lib/locale')]);
const TEMURIN_ENTRY = layer('temurin-cacert-entrypoint', 'COPY --chmod=755 entrypoint.sh /__cacert_entrypoint.sh # buildkit', CACERT_ENTRYPOINT.length, 1_062, [exe('/__cacert_entrypoint.sh', CACERT_ENTRYPOINT)]);

function temurin(version: string, build: string, date: string, tags: string[], size: number, comp: number, created: string): { image: SeedImage; layers: SeedLayer[] } {
  const jdk = layer(`temurin-${version}-jdk`, run(`set -eux; ARCH="$(dpkg --print-architecture)"; … BINARY_URL='https://github.com/adoptium/temurin${version.split('.')[0]}-binaries/releases/download/jdk-${version}%2B${build}/OpenJDK${version.split('.')[0]}U-jdk_x64_linux_hotspot_${version}_${build}.tar.gz'; … tar --extract --file /tmp/openjdk.tar.gz --directory "$JAVA_HOME" --strip-components 1 --no-same-owner; … java -Xshare:dump;`), size, comp,
    [dir('/opt/java'), dir('/opt/java/openjdk'), dir('/opt/java/openjdk/bin'), bin('/opt/java/openjdk/bin/java', 'temurin', 12_952), bin('/opt/java/openjdk/bin/javac', 'temurin', 12_992), bin('/opt/java/openjdk/bin/jshell', 'temurin', 12_992), bin('/opt/java/openjdk/bin/jar', 'temurin', 12_976),
      file('/opt/java/openjdk/release', `IMPLEMENTOR="Eclipse Adoptium"\nIMPLEMENTOR_VERSION="Temurin-${version}+${build}"\nJAVA_RUNTIME_VERSION="${version}+${build}-LTS"\nJAVA_VERSION="${version}"\nJAVA_VERSION_DATE="${date}"\n`)]);
  const verify = layer(`temurin-${version}-verify`, run('set -eux; echo "Verifying install ..."; fileEncoding="$(echo \'System.out.println(System.getProperty("file.encoding"))\' | jshell -s -)"; [ "$fileEncoding" = \'UTF-8\' ]; rm -rf ~/.java; echo "javac --version"; javac --version; echo "java --version"; java --version; echo "Complete."'), 0, 32, []);
  const env = [JAVA_PATH, 'JAVA_HOME=/opt/java/openjdk', 'LANG=en_US.UTF-8', 'LANGUAGE=en_US:en', 'LC_ALL=en_US.UTF-8', `JAVA_VERSION=jdk-${version}+${build}`];
  return {
    layers: [jdk, verify],
    image: {
      repository: 'library/eclipse-temurin', tags, created,
      config: { Env: env, Cmd: ['jshell'], Entrypoint: ['/__cacert_entrypoint.sh'], WorkingDir: '' },
      history: [bkLayer(created, UBUNTU_NOBLE), bkMeta(created, 'CMD ["/bin/bash"]'), bkMeta(created, 'ENV JAVA_HOME=/opt/java/openjdk'), bkMeta(created, `ENV ${JAVA_PATH}`), bkMeta(created, "ENV LANG=en_US.UTF-8 LANGUAGE=en_US:en LC_ALL=en_US.UTF-8"),
        bkLayer(created, TEMURIN_DEPS), bkMeta(created, `ENV JAVA_VERSION=jdk-${version}+${build}`), bkLayer(created, jdk), bkLayer(created, verify), bkLayer(created, TEMURIN_ENTRY), bkMeta(created, 'ENTRYPOINT ["/__cacert_entrypoint.sh"]'), bkMeta(created, 'CMD ["jshell"]')],
    },
  };
}

const T21 = temurin('21.0.5', '11', '2024-10-15', ['latest', '21', '21-jdk', '21.0.5_11-jdk', 'noble', '21-jdk-noble', '21-noble'], 334_778_368, 159_281_503, '2024-10-24T16:57:21Z');
const T17 = temurin('17.0.13', '11', '2024-10-15', ['17', '17-jdk', '17.0.13_11-jdk', '17-jdk-noble', '17-noble'], 286_605_312, 145_093_221, '2024-10-24T16:55:02Z');
export const TEMURIN_21: SeedImage = { ...T21.image, search: { description: 'Official Images for OpenJDK binaries built by Eclipse Temurin.', stars: 682, official: true } };
export const TEMURIN_17 = T17.image;

export const MORE_LANG_IMAGES: SeedImage[] = [PHP, RUBY, TEMURIN_21, TEMURIN_17];
export const MORE_LANG_LAYERS: SeedLayer[] = [...PHP_LAYERS, ...RUBY_LAYERS, TEMURIN_DEPS, TEMURIN_ENTRY, ...T21.layers, ...T17.layers];
