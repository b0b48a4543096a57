// More base-OS images: ubuntu 20.04/22.04, debian bookworm/bullseye (full and slim), rockylinux 9.
import type { SeedImage } from './types';
import { PATH_ENV, bkLayer, bkMeta, classicLayer, classicMeta } from './history';
import { DEBIAN_BOOKWORM_SLIM } from './layers-debian';
import { DEBIAN_BOOKWORM_FULL, DEBIAN_BULLSEYE, DEBIAN_BULLSEYE_SLIM, ROCKYLINUX_9, UBUNTU_FOCAL, UBUNTU_JAMMY } from './layers-distros';
import type { SeedLayer } from './types';

function ubuntu(tags: string[], t: string, version: string, layer: SeedLayer): SeedImage {
  return {
    repository: 'library/ubuntu', tags, created: t,
    config: { Env: [PATH_ENV], Cmd: ['/bin/bash'], Entrypoint: null, WorkingDir: '', Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': version } },
    history: [
      classicMeta(t, '/bin/sh -c #(nop)  ARG RELEASE'), classicMeta(t, '/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH'),
      classicMeta(t, '/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu'), classicMeta(t, `/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=${version}`),
      classicLayer(t, layer), classicMeta(t, '/bin/sh -c #(nop)  CMD ["/bin/bash"]'),
    ],
  };
}

export const UBUNTU_JAMMY_IMAGE = ubuntu(['22.04', 'jammy', 'jammy-20241017'], '2024-10-17T21:04:31Z', '22.04', UBUNTU_JAMMY);
export const UBUNTU_FOCAL_IMAGE = ubuntu(['20.04', 'focal', 'focal-20241011'], '2024-10-11T03:41:26Z', '20.04', UBUNTU_FOCAL);

const DEB_T = '2024-11-11T00:00:00Z';
const debian = (tags: string[], layer: SeedLayer, search?: SeedImage['search']): SeedImage => ({
  repository: 'library/debian', tags, created: DEB_T,
  config: { Env: [PATH_ENV], Cmd: ['bash'], Entrypoint: null, WorkingDir: '' },
  history: [bkLayer(DEB_T, layer), bkMeta(DEB_T, 'CMD ["bash"]')],
  ...(search ? { search } : {}),
});

export const DEBIAN_BOOKWORM_IMAGE = debian(['latest', '12', '12.8', 'bookworm', 'bookworm-20241111', 'stable'], DEBIAN_BOOKWORM_FULL,
  { description: 'Debian is a Linux distribution that\'s composed entirely of free and open-source software.', stars: 5_156, official: true });
export const DEBIAN_BOOKWORM_SLIM_IMAGE = debian(['bookworm-slim', '12-slim', '12.8-slim', 'stable-slim', 'bookworm-20241111-slim'], DEBIAN_BOOKWORM_SLIM);
export const DEBIAN_BULLSEYE_IMAGE = debian(['bullseye', '11', '11.11', 'oldstable', 'bullseye-20241111'], DEBIAN_BULLSEYE);
export const DEBIAN_BULLSEYE_SLIM_IMAGE = debian(['bullseye-slim', '11-slim', '11.11-slim', 'oldstable-slim'], DEBIAN_BULLSEYE_SLIM);

const ROCKY_T = '2023-11-20T20:07:56Z';
/** rockylinux:9 (9.3.20231119): the official image's last build; classic builder history with its labels. */
export const ROCKYLINUX: SeedImage = {
  repository: 'library/rockylinux', tags: ['9', '9.3', '9.3.20231119'], created: ROCKY_T,
  config: { Env: [PATH_ENV], Cmd: ['/bin/bash'], Entrypoint: null, WorkingDir: '', Labels: { 'org.opencontainers.image.created': '2023-11-19 00:00:00+00:00', 'org.opencontainers.image.licenses': 'BSD-3-Clause', 'org.opencontainers.image.title': 'Rocky Linux Base Image', 'org.opencontainers.image.vendor': 'Rocky Enterprise Software Foundation', 'org.opencontainers.image.version': '9.3.20231119' } },
  history: [classicLayer(ROCKY_T, ROCKYLINUX_9), classicMeta(ROCKY_T, '/bin/sh -c #(nop)  LABEL org.opencontainers.image.title=Rocky Linux Base Image org.opencontainers.image.version=9.3.20231119'), classicMeta(ROCKY_T, '/bin/sh -c #(nop)  CMD ["/bin/bash"]')],
  search: { description: 'The official build of Rocky Linux.', stars: 257, official: true },
};

export const DISTRO_IMAGES: SeedImage[] = [UBUNTU_JAMMY_IMAGE, UBUNTU_FOCAL_IMAGE, DEBIAN_BOOKWORM_IMAGE, DEBIAN_BOOKWORM_SLIM_IMAGE, DEBIAN_BULLSEYE_IMAGE, DEBIAN_BULLSEYE_SLIM_IMAGE, ROCKYLINUX];
export const DISTRO_LAYERS: SeedLayer[] = [UBUNTU_JAMMY, UBUNTU_FOCAL, DEBIAN_BOOKWORM_FULL, DEBIAN_BULLSEYE, DEBIAN_BULLSEYE_SLIM, ROCKYLINUX_9];
