// Docker's apt repository (download.docker.com/linux/ubuntu noble stable, Engine 27.5.1) and the packages an Ubuntu server already has.
import { pkg, table, type PkgTable } from './pkg-data';

const V = '5:27.5.1-1~ubuntu.24.04~noble';
const S = { repo: 'noble/stable' };

/** What the Docker repository offers (sizes close to the real .debs). */
export const DOCKER_REPO: PkgTable = table(
  pkg('containerd.io', '1.7.25-1', 29_600, 118_000, '', '', '/usr/bin containerd:40411504 containerd-shim-runc-v2:12890112 ctr:19415264 runc:14985184', S),
  pkg('docker-ce-cli', V, 15_200, 42_700, '', 'docker-buildx-plugin docker-compose-plugin', '/usr/bin docker:39432408', S),
  pkg('docker-ce', V, 26_100, 101_000, 'containerd.io docker-ce-cli', 'docker-ce-rootless-extras libltdl7 pigz', '/usr/bin dockerd:92416432 docker-proxy:2162688', {
    ...S,
    files: { '/usr/lib/systemd/system/docker.service': '[Unit]\nDescription=Docker Application Container Engine\nDocumentation=https://docs.docker.com\nAfter=network-online.target docker.socket firewalld.service containerd.service time-set.target\nWants=network-online.target containerd.service\nRequires=docker.socket\n\n[Service]\nType=notify\nExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock\nExecReload=/bin/kill -s HUP $MAINPID\nTimeoutStartSec=0\nRestartSec=2\nRestart=always\nStartLimitBurst=3\nStartLimitInterval=60s\nLimitNPROC=infinity\nLimitCORE=infinity\nTasksMax=infinity\nDelegate=yes\nKillMode=process\nOOMScoreAdjust=-500\n\n[Install]\nWantedBy=multi-user.target\n', '/usr/lib/systemd/system/docker.socket': '[Unit]\nDescription=Docker Socket for the API\n\n[Socket]\nListenStream=/run/docker.sock\nSocketMode=0660\nSocketUser=root\nSocketGroup=docker\n\n[Install]\nWantedBy=sockets.target\n' },
  }),
  pkg('docker-buildx-plugin', '0.20.0-1~ubuntu.24.04~noble', 31_900, 109_000, '', '', '/usr/libexec/docker/cli-plugins docker-buildx:72531968', S),
  pkg('docker-compose-plugin', '2.32.4-1~ubuntu.24.04~noble', 12_800, 61_000, '', '', '/usr/libexec/docker/cli-plugins docker-compose:63467520', S),
  pkg('docker-ce-rootless-extras', V, 9_600, 35_600, '', 'slirp4netns', '/usr/bin dockerd-rootless.sh:6924 dockerd-rootless-setuptool.sh:16826 rootlesskit:9125888', S),
  pkg('libltdl7', '2.4.7-7build1', 40.3, 98, '', '', '', { repo: 'noble/main' }),
  pkg('libslirp0', '4.7.0-1ubuntu3', 63.8, 171, '', '', '', { repo: 'noble/main' }),
  pkg('pigz', '2.8-1', 65.6, 207, '', '', '/usr/bin pigz:118160', { repo: 'noble/universe' }),
  pkg('slirp4netns', '1.2.1-1build2', 34.9, 108, 'libslirp0', '', '/usr/bin slirp4netns:104496', { repo: 'noble/universe' }),
);

/** Packages the Ubuntu archive adds for the install steps (apt-transport-https is an empty transitional package on noble). */
export const NOBLE_EXTRA: PkgTable = table(
  pkg('apt-transport-https', '2.7.14build2', 3.97, 36, '', '', '', { arch: 'all', repo: 'noble/universe' }),
  pkg('gnupg', '2.4.4-2ubuntu17', 359, 395, '', '', '/usr/bin gpg:1163352', { arch: 'all', repo: 'noble/main' }),
  pkg('lsb-release', '12.0-2', 6.54, 33, '', '', '/usr/bin lsb_release:15344', { arch: 'all', repo: 'noble/main' }),
);

/** Installed on an Ubuntu 24.04 server before anything else (apt says "already the newest version"). */
export const SERVER_PACKAGES = ['ca-certificates', 'curl', 'gnupg', 'lsb-release', 'openssl', 'libcurl4t64'];

/** Is this a Docker package repository (the official one or a mirror of it, as the seed's aliyun one)? */
export const isDockerRepo = (uri: string) => /download\.docker\.com\/linux\/ubuntu|\/docker-ce\/linux\/ubuntu/.test(uri);
