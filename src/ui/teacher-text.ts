// The teacher page's words in English and Chinese: UI strings, the check vocabulary's descriptions, known classroom errors.
import type { Lang } from '../lessons/format';

const plural = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;

export interface Counts {
  containers: number;
  running: number;
  images: number;
  networks: number;
  volumes: number;
}

const en = {
  docTitle: 'Dockerlings — for teachers',
  heading: 'Dockerlings · for teachers',
  tagline: 'Write an exercise, share it as a link, check the completion codes your students send back. Nothing leaves this page.',
  language: 'Language',
  writeLabel: 'Write an exercise',
  writeHeading: '1 · Write the exercise',
  title: 'Title',
  textLang: 'Language of the text',
  text: 'Text (markdown)',
  setup: 'Setup: commands typed into the simulator before the student starts, one per line (optional)',
  goals: 'Goals (checked on the simulated engine after every command)',
  check: 'Check',
  args: 'Arguments',
  noArgs: '(no arguments)',
  goalText: 'Goal text',
  goalTextPlaceholder: 'What the student sees',
  removeGoal: 'Remove goal',
  addGoal: '+ Add a goal',
  colon: ': ',
  loadSummary: 'Load an exercise file (.md) or a share link',
  exerciseFile: 'Exercise file',
  loadPlaceholder: '…or paste an exercise markdown file or a share link here',
  load: 'Load',
  fileInvalid: (errors: string) => `This file is not a valid exercise: ${errors}`,
  fileTooLarge: (bytes: number) => `This file is too large (${bytes} bytes).`,
  shareLabel: 'Share',
  shareHeading: '2 · Share it',
  errorsNote: '',
  copied: 'Copied',
  copy: 'Copy link',
  open: 'Open as a student',
  download: 'Download .md',
  chars: (k: number) => `${k} characters`,
  preview: 'Preview',
  verifyHeading: '3 · Verify a completion code',
  verifyNote: 'The code replays what the student typed in a fresh simulator and checks the goals here. It proves those commands solve this exercise — not who typed them.',
  replaying: 'Replaying…',
  verify: 'Verify',
  noName: '(no name)',
  met: (k: number, of: number) => `${k} of ${plural(of, 'goal')} met`,
  commands: (k: number) => `Commands typed (${k}):`,
  finalState: (s: Counts, hash: string) =>
    `Final state: ${plural(s.containers, 'container')} (${s.running} running), ${plural(s.images, 'image')}, ${plural(s.networks, 'network')}, ${plural(s.volumes, 'volume')}. Exercise ${hash}.`,
};

const zh: typeof en = {
  docTitle: 'Dockerlings — 教师页面',
  heading: 'Dockerlings · 教师页面',
  tagline: '编写练习，用链接分享给学生，再核对学生交回的完成码。所有内容都只在这个页面里处理，不会上传到任何地方。',
  language: '语言',
  writeLabel: '编写练习',
  writeHeading: '1 · 编写练习',
  title: '标题',
  textLang: '正文语言',
  text: '正文（Markdown）',
  setup: '预置命令：学生开始之前先在模拟器里执行的命令，每行一条（可不填）',
  goals: '目标（学生每输入一条命令，都会在模拟引擎上重新检查一遍）',
  check: '检查项',
  args: '参数',
  noArgs: '（无参数）',
  goalText: '目标说明',
  goalTextPlaceholder: '学生看到的目标说明',
  removeGoal: '删除这个目标',
  addGoal: '+ 添加目标',
  colon: '：',
  loadSummary: '载入练习文件（.md）或分享链接',
  exerciseFile: '练习文件',
  loadPlaceholder: '……也可以把练习的 Markdown 内容或分享链接粘贴到这里',
  load: '载入',
  fileInvalid: (errors: string) => `这个文件不是有效的练习：${errors}`,
  fileTooLarge: (bytes: number) => `文件太大了（${bytes} 字节）。`,
  shareLabel: '分享',
  shareHeading: '2 · 分享练习',
  errorsNote: '下面的校验信息保留英文原文，因为其中引用了练习文件的字段名（title、text、setup、goals 等）。',
  copied: '已复制',
  copy: '复制链接',
  open: '以学生身份打开',
  download: '下载 .md 文件',
  chars: (k: number) => `共 ${k} 个字符`,
  preview: '预览',
  verifyHeading: '3 · 核验完成码',
  verifyNote: '核验时，会在一个全新的模拟器里重放学生输入过的命令，并在本页检查每个目标。它能证明这些命令确实完成了这道练习，但证明不了命令是谁输入的。',
  replaying: '正在重放……',
  verify: '核验',
  noName: '（未填姓名）',
  met: (k: number, of: number) => `已达成 ${k} / ${of} 个目标`,
  commands: (k: number) => `学生输入的命令（共 ${k} 条）：`,
  finalState: (s: Counts, hash: string) =>
    `最终状态：${s.containers} 个容器（${s.running} 个在运行），${s.images} 个镜像，${s.networks} 个网络，${s.volumes} 个卷。练习编号 ${hash}。`,
};

export const TEACHER_TEXT: Record<Lang, typeof en> = { en, zh };

/** The check vocabulary's descriptions in Chinese (a check missing here shows its English description). */
const CHECK_DOCS_ZH: Record<string, string> = {
  'can-connect': '从 FROM（一个运行中的容器或 `host`）到 TARGET:PORT 的 TCP 连接能连上正在监听的服务',
  'can-ping': '从 FROM（一个运行中的容器或 `host`）向 TARGET（一个地址，或 FROM 能解析的名字）发出的 ping 请求能够送达',
  'cannot-ping': 'FROM 正在运行，但它发往 TARGET 的 ping 请求送不到（被丢弃、不可达或名字无法解析）',
  'container-absent': '没有叫这个名字的容器',
  'container-added': '容器里新建了 PATH（docker diff 显示 A）',
  'container-blkio-weight': '容器设置了这个块设备 IO 权重',
  'container-changed': 'PATH 出现在容器的可写层里（docker diff 会列出它）',
  'container-copied-up': '镜像里位于 PATH 的文件被改过，因此被复制到了可写层（docker diff 显示 C）',
  'container-cpu-shares': '容器设置了这个 CPU 权重',
  'container-cpus': '容器设置了这个 --cpus 限制（0.5、1.5 …）',
  'container-env': '容器带有这个环境变量',
  'container-exists': '有一个叫这个名字的容器',
  'container-exited': '容器已经退出（退出码为 CODE）',
  'container-file': '容器的文件系统里有 PATH（且内容包含 TEXT）',
  'container-from': '容器是用这个镜像创建的',
  'container-health': '容器带着健康检查运行，且状态为 STATUS（starting、healthy 或 unhealthy）',
  'container-hostname': '容器使用这个主机名',
  'container-ip': '容器在这个网络上使用这个地址',
  'container-lacks-file': '容器存在，但它的文件系统里没有 PATH',
  'container-memory': '容器设置了这个内存上限（200M、1g …）',
  'container-memory-swap': '容器设置了这个“内存 + 交换空间”上限',
  'container-mount': '容器在 DEST 处挂载了卷或绑定挂载（来源为 SOURCE）',
  'container-mount-ro': '容器在 DEST 处有一个只读挂载',
  'container-mount-type': 'DEST 处的挂载是这种类型（volume、bind、tmpfs）',
  'container-network-mode': '容器使用这种网络模式（bridge、host、none、container:X 或某个网络）',
  'container-on-network': '容器已连接到这个网络',
  'container-oom-killed': '容器被内核的 OOM killer 终止了',
  'container-paused': '容器处于暂停状态',
  'container-port': '容器把端口发布到了这个主机端口上',
  'container-port-on': '容器把端口发布到了这个主机地址和端口上（0.0.0.0 表示所有地址）',
  'container-restarts': '容器使用这个重启策略',
  'container-running': '容器正在运行',
  'container-running-image': '容器正在运行，而且是用这个镜像创建的',
  'container-whiteout': '镜像里位于 PATH 的文件在容器中被删除了：由一个 whiteout 标记把它遮住（docker diff 显示 D）',
  'containers-none': '一个容器都没有',
  'containers-running-min': '至少有 N 个容器在运行',
  'dangling-none': '没有残留的未打标签（悬空）镜像',
  'image-absent': '本地没有叫这个名字的镜像',
  'image-author': '镜像设置了作者（-a），且其中包含 TEXT',
  'image-based-on': 'BASE 的所有层都位于 REF 各层的最底部，并且 REF 至少多出一层',
  'image-cmd-has': '镜像的 CMD/ENTRYPOINT 里包含 TEXT',
  'image-comment': '镜像提交时附了说明（-m），且其中包含 TEXT',
  'image-count-min': '本地至少存有 N 个镜像',
  'image-entrypoint-has': '镜像的 ENTRYPOINT 里包含 TEXT',
  'image-env': '镜像设置了这个环境变量',
  'image-exposes': '镜像声明了这个端口（EXPOSE）',
  'image-file': '镜像的文件系统里有 PATH（且内容包含 TEXT）',
  'image-file-absent': '镜像的文件系统里没有 PATH',
  'image-healthcheck-has': '镜像的 HEALTHCHECK 检测命令里包含 TEXT',
  'image-history-has': '镜像的某一步构建历史里包含 TEXT',
  'image-layers-min': '镜像至少有 N 层',
  'image-onbuild-has': '镜像的某个 ONBUILD 触发器里包含 TEXT',
  'image-present': '本地镜像库里有这个名字的镜像',
  'image-ran': '这个镜像的某个容器运行过（并以 CODE 退出）',
  'image-user': '镜像以这个用户身份运行',
  'image-volume': '镜像声明了这个卷（VOLUME）',
  'image-workdir': '镜像设置了这个工作目录',
  'images-share-layer': '两个镜像的最底层是同一层（只存储一份）',
  'name-resolves': '在运行中的容器 FROM 里，NAME 能解析出一个地址',
  'network-absent': '没有叫这个名字的网络',
  'network-exists': '有一个叫这个名字的网络',
  'network-subnet': '网络使用这个子网',
  'registry-has': '有镜像被推送到了这个镜像仓库的这个仓库名和标签下',
  'same-image': '两个名字都存在，并且指向同一个镜像 ID',
  'volume-absent': '没有叫这个名字的卷',
  'volume-count-min': '至少有 N 个卷',
  'volume-exists': '有一个叫这个名字的卷',
  'volume-file': '卷里有 PATH（且内容包含 TEXT）',
  'volumes-anonymous-none': '没有残留的匿名卷（由镜像的 VOLUME 或 `-v /path` 创建的卷）',
};

/** A check's description in the page's language. */
export const checkDoc = (lang: Lang, name: string, doc: string) => (lang === 'zh' && Object.hasOwn(CHECK_DOCS_ZH, name) ? CHECK_DOCS_ZH[name] : doc);

/** The fixed sentences of src/classroom's link and code errors in Chinese; the details they quote stay as they are. */
const ERRORS_ZH: [RegExp, string][] = [
  [/^Paste a completion code first\.$/, '请先粘贴完成码。'],
  [/^This is not a Dockerlings completion code \(those start with (.+)\)\.$/, '这不是 Dockerlings 的完成码（完成码以 $1 开头）。'],
  [/^This code is too long \((\d+) characters, at most (\d+)\)\.$/, '这个完成码太长了（$1 个字符，最多 $2 个）。'],
  [/^This code cannot be read: (.*)\.$/s, '这个完成码无法读取：$1。'],
  [/^This code is not valid: (.*)\.$/s, '这个完成码无效：$1。'],
  [/^This code is for a different exercise \(or a different version of this one\)\.$/, '这个完成码属于另一道练习（或这道练习的另一个版本）。'],
  [/^Replaying this code failed: (.*)$/s, '重放这个完成码时出错：$1'],
  [/^This exercise link is empty\.$/, '这个练习链接是空的。'],
  [/^This exercise link is too long \((\d+) characters\)\.$/, '这个练习链接太长了（$1 个字符）。'],
  [/^This exercise link cannot be read: (.*)\.$/s, '这个练习链接无法读取：$1。'],
  [/^This exercise link is not a valid exercise: (.*)\.$/s, '这个链接里的内容不是有效的练习：$1。'],
];

/** An error from src/classroom in the page's language (unknown ones stay English). */
export function classroomError(lang: Lang, error: string): string {
  if (lang !== 'zh') return error;
  for (const [re, to] of ERRORS_ZH) if (re.test(error)) return error.replace(re, to);
  return error;
}
