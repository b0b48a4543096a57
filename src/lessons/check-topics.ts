// Which chapter each goal check belongs to (the teacher's goal picker groups them so), and its argument words in Chinese.

/** Chapter folder → the checks that chapter's lessons use or that fit its topic, in the order a teacher meets them
 *  (target-met is not offered: a target picture brings it). */
export const CHECK_TOPICS: Record<string, readonly string[]> = {
  '01-basics': [
    'image-present', 'image-absent', 'image-count-min', 'dangling-none', 'image-ran', 'same-image',
    'container-exists', 'container-absent', 'container-running', 'container-paused', 'container-exited', 'container-from',
    'containers-none', 'containers-running-min', 'container-env', 'container-file', 'container-lacks-file', 'container-changed', 'container-health',
    'docker-installed', 'daemon-running', 'daemon-stopped', 'daemon-enabled', 'user-in-group', 'shell-in-group', 'daemon-mirror',
  ],
  '02-building': [
    'image-layers-min', 'image-history-has', 'image-cmd-has', 'image-file', 'image-file-absent', 'image-based-on', 'images-share-layer',
    'image-comment', 'image-author', 'image-env', 'image-workdir', 'image-user', 'image-exposes', 'image-volume', 'image-entrypoint-has',
    'image-healthcheck-has', 'image-onbuild-has', 'container-running-image', 'container-added', 'container-copied-up', 'container-whiteout',
  ],
  '03-data-and-registries': [
    'volume-exists', 'volume-absent', 'volume-file', 'volume-count-min', 'volumes-anonymous-none', 'container-mount', 'container-mount-type',
    'container-mount-ro', 'registry-has', 'container-restarts', 'container-memory', 'container-memory-swap', 'container-cpu-shares', 'container-cpus',
    'container-blkio-weight', 'container-oom-killed', 'container-hostname',
  ],
  '04-networking': [
    'network-exists', 'network-absent', 'network-subnet', 'container-network-mode', 'container-on-network', 'container-ip', 'container-port',
    'container-port-on', 'can-ping', 'cannot-ping', 'can-connect', 'name-resolves',
  ],
  '05-compose': ['compose-project-up', 'compose-project-down', 'compose-service-replicas', 'compose-service-healthy', 'compose-volume'],
};

/** The words of an argument form (`NAME [CODE]`) in Chinese, for the teacher page. */
const ARG_ZH: Record<string, string> = {
  REF: '镜像', REF1: '镜像1', REF2: '镜像2', N: '数量', TEXT: '文本', PATH: '路径', NAME: '名称', CODE: '退出码', POLICY: '策略',
  'KEY=VALUE': '变量=值', HOSTPORT: '主机端口', BYTES: '字节数', HOST: '主机名', MODE: '模式', NET: '网络', IP: '地址', DEST: '挂载点',
  SOURCE: '来源', CIDR: '子网', 'HOST/REPO:TAG': '仓库主机/仓库:标签', STATUS: '状态', BASE: '基础镜像', DIR: '目录', USER: '用户',
  'PORT/PROTO': '端口/协议', TYPE: '类型', FROM: '源容器', TARGET: '目标', PORT: '端口', HOSTIP: '主机地址', PROJECT: '项目', SERVICE: '服务',
  VOLUME: '卷', GROUP: '用户组', URL: '网址',
};

/** An argument form in Chinese (`NAME [CODE]` → `名称 [退出码]`); words without a translation stay as they are. */
export const argsZh = (args: string): string => args.replace(/[A-Z0-9/:=]+(?:[A-Z0-9/:=]+)*/g, (w) => ARG_ZH[w] ?? w);
