// Base-OS images of the catalog: busybox, alpine, ubuntu (24.04 and 18.04) and centos:7.
import type { SeedImage } from './types';
import { PATH_ENV, bkLayer, bkMeta, classicLayer, classicMeta } from './history';
import { ALPINE_3_20, BUSYBOX_1_36 } from './layers-alpine';
import { UBUNTU_BIONIC, UBUNTU_NOBLE } from './layers-ubuntu';
import { CENTOS_7 } from './layers-centos';

/** busybox:latest 1.36.1 (glibc), image a416a98b71e2; history verbatim (docker inspect of that image). */
export const BUSYBOX: SeedImage = {
  repository: 'library/busybox',
  tags: ['latest', '1.36', '1.36.1', 'glibc'],
  created: '2023-07-18T23:19:33.655005962Z',
  config: { Env: [PATH_ENV], Cmd: ['sh'], Entrypoint: null, WorkingDir: '' },
  history: [
    classicLayer('2023-07-18T23:19:33.538571854Z', BUSYBOX_1_36),
    classicMeta('2023-07-18T23:19:33.655005962Z', '/bin/sh -c #(nop)  CMD ["sh"]'),
  ],
  search: { description: 'Busybox base image.', stars: 3_287, official: true },
};

/** alpine:3.20.3 (latest from Sep to Dec 2024). */
export const ALPINE: SeedImage = {
  repository: 'library/alpine',
  tags: ['latest', '3', '3.20', '3.20.3'],
  created: '2024-09-06T12:05:36Z',
  config: { Env: [PATH_ENV], Cmd: ['/bin/sh'], Entrypoint: null, WorkingDir: '' },
  history: [bkLayer('2024-09-06T12:05:36Z', ALPINE_3_20), bkMeta('2024-09-06T12:05:36Z', 'CMD ["/bin/sh"]')],
  search: { description: 'A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!', stars: 11_032, official: true },
};

// Canonical builds Ubuntu images on Launchpad with the classic builder; the ARG/LABEL steps come first.
const NOBLE_T = '2024-10-11T03:41:29Z';

/** ubuntu:24.04 = noble = latest (24.04.1). Build date approximate. */
export const UBUNTU_LATEST: SeedImage = {
  repository: 'library/ubuntu',
  tags: ['latest', '24.04', 'noble'],
  created: NOBLE_T,
  config: {
    Env: [PATH_ENV], Cmd: ['/bin/bash'], Entrypoint: null, WorkingDir: '',
    Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '24.04' },
  },
  history: [
    classicMeta('2024-10-11T03:41:26Z', '/bin/sh -c #(nop)  ARG RELEASE'),
    classicMeta('2024-10-11T03:41:26Z', '/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH'),
    classicMeta('2024-10-11T03:41:26Z', '/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu'),
    classicMeta('2024-10-11T03:41:26Z', '/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=24.04'),
    classicLayer('2024-10-11T03:41:29Z', UBUNTU_NOBLE),
    classicMeta(NOBLE_T, '/bin/sh -c #(nop)  CMD ["/bin/bash"]'),
  ],
  search: { description: 'Ubuntu is a Debian-based Linux operating system based on free software.', stars: 17_493, official: true },
};

/**
 * ubuntu:18.04 = bionic (bionic-20230102, image e28a50f651f9; history from docker-library/repo-info).
 * Old-style Ubuntu image: Cmd is ["bash"], not ["/bin/bash"], and there are no labels.
 */
export const UBUNTU_BIONIC_IMAGE: SeedImage = {
  repository: 'library/ubuntu',
  tags: ['18.04', 'bionic'],
  created: '2023-01-02T18:48:56Z',
  config: { Env: [PATH_ENV], Cmd: ['bash'], Entrypoint: null, WorkingDir: '', Labels: null },
  history: [classicLayer('2023-01-02T18:48:55Z', UBUNTU_BIONIC), classicMeta('2023-01-02T18:48:56Z', '/bin/sh -c #(nop)  CMD ["bash"]')],
};

const CENTOS_LABELS: Record<string, string> = {
  'org.label-schema.build-date': '20201113',
  'org.label-schema.license': 'GPLv2',
  'org.label-schema.name': 'CentOS Base Image',
  'org.label-schema.schema-version': '1.0',
  'org.label-schema.vendor': 'CentOS',
  'org.opencontainers.image.created': '2020-11-13 00:00:00+00:00',
  'org.opencontainers.image.licenses': 'GPL-2.0-only',
  'org.opencontainers.image.title': 'CentOS Base Image',
  'org.opencontainers.image.vendor': 'CentOS',
};

/**
 * centos:7 (7.9.2009, image eeb6ee3f44bd, the last centos:7). Here `latest` points to it too, as the lessons
 * expect; on Docker Hub `centos:latest` was CentOS 8.4 (image 5d0da3dc9764) until the repo was deprecated.
 */
export const CENTOS: SeedImage = {
  repository: 'library/centos',
  tags: ['7', 'latest', '7.9.2009', 'centos7'],
  created: '2021-09-15T18:20:23Z',
  config: { Env: [PATH_ENV], Cmd: ['/bin/bash'], Entrypoint: null, WorkingDir: '', Labels: CENTOS_LABELS },
  history: [
    classicLayer('2021-09-15T18:20:23Z', CENTOS_7),
    classicMeta('2021-09-15T18:20:23Z', '/bin/sh -c #(nop)  LABEL org.label-schema.schema-version=1.0 org.label-schema.name=CentOS Base Image org.label-schema.vendor=CentOS org.label-schema.license=GPLv2 org.label-schema.build-date=20201113 org.opencontainers.image.title=CentOS Base Image org.opencontainers.image.vendor=CentOS org.opencontainers.image.licenses=GPL-2.0-only org.opencontainers.image.created=2020-11-13 00:00:00+00:00'),
    classicMeta('2021-09-15T18:20:23Z', '/bin/sh -c #(nop)  CMD ["/bin/bash"]'),
  ],
  search: { description: 'DEPRECATED; The official build of CentOS.', stars: 7_763, official: true },
};
