// apk (Alpine) and yum (CentOS 7): index fetching, install/purge transcripts, world/db files, errors.
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

const run = async (lines: string[]) => steps(lines.join('\n'));
const FETCH = 'fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz\nfetch https://dl-cdn.alpinelinux.org/alpine/v3.20/community/x86_64/APKINDEX.tar.gz\n';
const CURL_INSTALL = [
  '(1/10) Installing ca-certificates (20240705-r0)', '(2/10) Installing brotli-libs (1.1.0-r2)', '(3/10) Installing c-ares (1.33.1-r0)',
  '(4/10) Installing libunistring (1.2-r0)', '(5/10) Installing libidn2 (2.3.7-r0)', '(6/10) Installing libpsl (0.21.5-r1)',
  '(7/10) Installing nghttp2-libs (1.62.1-r0)', '(8/10) Installing zstd-libs (1.5.6-r0)', '(9/10) Installing libcurl (8.11.0-r2)',
  '(10/10) Installing curl (8.11.0-r2)', 'Executing busybox-1.36.1-r29.trigger', 'Executing ca-certificates-20240705-r0.trigger', 'OK: 14 MiB in 24 packages', '',
].join('\n');

describe('apk in an alpine container', () => {
  it('fetches the indexes on every add until apk update caches them; world and the installed db change', async () => {
    const s = await run(['docker pull -q alpine', 'docker run -it --name a1 alpine', 'apk add curl', 'apk add curl', 'apk update', 'apk add nano', 'cat /etc/apk/world', 'exit', 'docker diff a1 | grep -E "apk|bin/(curl|nano)"']);
    expect(s[2].stdout).toBe(FETCH + CURL_INSTALL);
    expect(s[3].stdout).toBe(FETCH + 'OK: 14 MiB in 24 packages\n');
    expect(s[4].stdout).toBe(
      FETCH + 'v3.20.3-227-g1d6d1a9ab9d [https://dl-cdn.alpinelinux.org/alpine/v3.20/main]\nv3.20.3-229-g9e5f2d9a8bc [https://dl-cdn.alpinelinux.org/alpine/v3.20/community]\nOK: 24163 distinct packages available\n',
    );
    expect(s[5].stdout).toBe(
      '(1/4) Installing libmagic (5.45-r1)\n(2/4) Installing ncurses-terminfo-base (6.4_p20240420-r2)\n(3/4) Installing libncursesw (6.4_p20240420-r2)\n' +
        '(4/4) Installing nano (8.0-r0)\nExecuting busybox-1.36.1-r29.trigger\nOK: 24 MiB in 28 packages\n',
    );
    expect(s[6].stdout).toBe('alpine-baselayout\nalpine-keys\napk-tools\nbusybox\ncurl\nlibc-utils\nnano\n');
    expect(s[8].stdout).toBe(
      'C /etc/apk\nC /etc/apk/world\nC /lib/apk\nC /lib/apk/db\nC /lib/apk/db/installed\nA /lib/apk/db/lock\nA /usr/bin/curl\nA /usr/bin/nano\nC /var/cache/apk\n' +
        'A /var/cache/apk/APKINDEX.542e00ec.tar.gz\nA /var/cache/apk/APKINDEX.d6765ed6.tar.gz\n',
    );
  });

  it('unknown packages, del purging orphaned dependencies, non-root users', async () => {
    const s = await run(['docker pull -q alpine', 'docker run -it alpine', 'apk add --no-cache nope other', 'apk add -q curl', 'apk del curl', 'exit', 'docker run --rm -u nobody alpine apk add curl']);
    expect([s[2].stdout, s[2].stderr, s[2].exitCode]).toEqual([
      FETCH,
      'ERROR: unable to select packages:\n  nope (no such package):\n    required by: world[nope]\n  other (no such package):\n    required by: world[other]\n',
      1,
    ]);
    expect(s[4].stdout).toBe(
      [
        '(1/10) Purging curl (8.11.0-r2)', '(2/10) Purging libcurl (8.11.0-r2)', '(3/10) Purging zstd-libs (1.5.6-r0)', '(4/10) Purging libpsl (0.21.5-r1)',
        '(5/10) Purging nghttp2-libs (1.62.1-r0)', '(6/10) Purging libidn2 (2.3.7-r0)', '(7/10) Purging libunistring (1.2-r0)', '(8/10) Purging c-ares (1.33.1-r0)',
        '(9/10) Purging brotli-libs (1.1.0-r2)', '(10/10) Purging ca-certificates (20240705-r0)', 'Executing busybox-1.36.1-r29.trigger', 'OK: 7 MiB in 14 packages', '',
      ].join('\n'),
    );
    expect([s[6].stderr, s[6].exitCode]).toEqual(['ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n', 99]);
  });

  it('apk add procps replaces busybox ps with procps-ng (GNU output)', async () => {
    const s = await run(['docker pull -q alpine', 'docker run -it alpine', 'apk add -q procps', 'ps', 'ls -l /bin/ps /bin/ls']);
    expect(s[3].stdout).toBe('    PID TTY          TIME CMD\n      1 pts/0    00:00:00 sh\n      7 pts/0    00:00:00 ps\n');
    expect(s[4].stdout).toBe('lrwxrwxrwx    1 root     root            12 Sep  6  2024 /bin/ls -> /bin/busybox\n-rwxr-xr-x    1 root     root         91744 Nov 23 09:00 /bin/ps\n');
  });
});

describe('yum in a CentOS 7 container', () => {
  it('downloads metadata once, resolves, imports the key and installs', async () => {
    const s = await run(['docker pull -q centos', 'docker run -it centos bash', 'yum install -y wget', 'yum install -y curl', 'yum install -y nginx']);
    expect(s[2].stdout).toBe(
      [
        'Loaded plugins: fastestmirror, ovl',
        'Determining fastest mirrors',
        ' * base: mirrors.edge.kernel.org',
        ' * extras: mirrors.edge.kernel.org',
        ' * updates: mirrors.edge.kernel.org',
        'base                                                     | 3.6 kB  00:00:00     ',
        'extras                                                   | 2.9 kB  00:00:00     ',
        'updates                                                  | 2.9 kB  00:00:00     ',
        '(1/4): base/7/x86_64/group_gz                              | 153 kB  00:00:00     ',
        '(2/4): extras/7/x86_64/primary_db                          | 253 kB  00:00:00     ',
        '(3/4): base/7/x86_64/primary_db                            | 6.1 MB  00:00:01     ',
        '(4/4): updates/7/x86_64/primary_db                         |  27 MB  00:00:03     ',
        'Resolving Dependencies',
        '--> Running transaction check',
        '---> Package wget.x86_64 0:1.14-18.el7_6.1 will be installed',
        '--> Finished Dependency Resolution',
        '',
        'Dependencies Resolved',
        '',
        '='.repeat(80),
        ' Package        Arch             Version                   Repository      Size',
        '='.repeat(80),
        'Installing:',
        ' wget           x86_64           1.14-18.el7_6.1           base           534 k',
        '',
        'Transaction Summary',
        '='.repeat(80),
        'Install  1 Package',
        '',
        'Total download size: 534 k',
        'Installed size: 2.0 M',
        'Downloading packages:',
        'warning: /var/cache/yum/x86_64/7/base/packages/wget-1.14-18.el7_6.1.x86_64.rpm: Header V3 RSA/SHA256 Signature, key ID f4a80eb5: NOKEY',
        'Public key for wget-1.14-18.el7_6.1.x86_64.rpm is not installed',
        'Retrieving key from file:///etc/pki/rpm-gpg/RPM-GPG-KEY-CentOS-7',
        'Importing GPG key 0xF4A80EB5:',
        ' Userid     : "CentOS-7 Key (CentOS 7 Official Signing Key) <security@centos.org>"',
        ' Fingerprint: 6341 ab27 53d7 8a78 a7c2 7bb1 4b0b 2d1e f4a8 0eb5',
        ' Package    : centos-release-7-9.2009.0.el7.centos.x86_64 (@CentOS)',
        ' From       : /etc/pki/rpm-gpg/RPM-GPG-KEY-CentOS-7',
        'Running transaction check',
        'Running transaction test',
        'Transaction test succeeded',
        'Running transaction',
        '  Installing : wget-1.14-18.el7_6.1.x86_64                                  1/1 ',
        'install-info: No such file or directory for /usr/share/info/wget.info.gz',
        '  Verifying  : wget-1.14-18.el7_6.1.x86_64                                  1/1 ',
        '',
        'Installed:',
        '  wget.x86_64 0:1.14-18.el7_6.1                                                 ',
        '',
        'Complete!',
        '',
      ].join('\n'),
    );
    expect(s[3].stdout).toBe('Loaded plugins: fastestmirror, ovl\nPackage curl-7.29.0-59.el7_9.1.x86_64 already installed and latest version\nNothing to do\n');
    // nginx lives in EPEL, which centos:7 does not enable
    expect([s[4].stdout, s[4].stderr, s[4].exitCode]).toEqual(['Loaded plugins: fastestmirror, ovl\nNo package nginx available.\n', 'Error: Nothing to do\n', 1]);
  });

  it('without -y it asks and, with no answer, exits; yum clean all drops the cache', async () => {
    const s = await run(['docker pull -q centos', 'docker run -it --name c1 centos bash', 'yum install tree | tail -4', 'yum clean all', 'exit', 'docker diff c1']);
    expect(s[2].stdout).toBe('Installed size: 87 k\nIs this ok [y/d/N]: Exiting on user command\nYour transaction was saved, rerun it with:\n yum load-transaction /tmp/yum_save_tx.2026-11-23.09-00.stand-in.yumtx\n');
    expect(s[3].stdout).toBe('Loaded plugins: fastestmirror, ovl\nCleaning repos: base extras updates\nCleaning up list of fastest mirrors\n');
    expect(s[5].stdout).toBe('C /var\nC /var/cache\nC /var/cache/yum\nA /var/cache/yum/x86_64\nA /var/cache/yum/x86_64/7\n');
  });
});
