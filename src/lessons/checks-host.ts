// Goal checks for the host a lesson starts without Docker (`host: bare`): installed, running, enabled, the docker group, the daemon's config.
import { daemonConfig, daemonUp } from '../engine/index';
import type { Check } from './check-kit';

export const CHECKS_HOST: Record<string, Check> = {
  'docker-installed': { args: '', doc: 'Docker Engine is installed on the host (docker-ce and docker-ce-cli)', zh: '主机上已安装 Docker 引擎（docker-ce 和 docker-ce-cli）', fn: (s) => !s.host || (s.host.packages.includes('docker-ce') && s.host.packages.includes('docker-ce-cli')) },
  'daemon-running': { args: '', doc: 'the Docker daemon (docker.service) is running', zh: 'Docker 守护进程（docker.service）正在运行', fn: (s) => daemonUp(s) },
  'daemon-stopped': { args: '', doc: 'the Docker daemon is installed but not running', zh: 'Docker 守护进程已安装但没有运行', fn: (s) => !!s.host?.units['docker.service'] && !daemonUp(s) },
  'daemon-enabled': { args: '', doc: 'docker.service starts at boot (systemctl enable)', zh: 'docker.service 会开机自启（systemctl enable）', fn: (s) => !s.host || !!s.host.units['docker.service']?.enabled },
  'user-in-group': { args: 'USER GROUP', doc: 'the user is a member of the group in /etc/group (only the docker group is tracked)', zh: '该用户在 /etc/group 里属于这个组（只跟踪 docker 组）', fn: (s, [u, g]) => g === 'docker' && !!s.host?.dockerGroup?.members.includes(u) },
  'shell-in-group': { args: 'GROUP', doc: "the terminal's shell carries the group (after newgrp or a new login)", zh: '终端里的 shell 已带上这个组（newgrp 或重新登录之后）', fn: (s, [g]) => !!s.host?.shellGroups.includes(g) },
  'daemon-mirror': { args: 'URL', doc: 'the running daemon uses this registry mirror (daemon.json, then a restart)', zh: '正在运行的守护进程使用这个镜像加速地址（改 daemon.json 后重启）', fn: (s, [u]) => daemonUp(s) && daemonConfig(s).registryMirrors.some((m) => m.replace(/\/$/, '') === u.replace(/\/$/, '')) },
};
