// The teacher page's words in English and Chinese: UI strings, a check's description in the page's language, known classroom errors.
import { problemText, type Problem } from '../classroom/problems';
import type { Lang } from '../lessons/format';
import { CHECKS } from '../lessons/checks';

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
  target: 'Target picture (optional, YAML as in a lesson: networks, containers, images, volumes): drawn behind the live picture and met when the engine matches it; with a target, goal rows left empty are dropped',
  check: 'Check',
  args: 'Arguments',
  noArgs: '(no arguments)',
  findCheck: 'Find a check',
  findPlaceholder: 'a name, a word of its description, an argument (SERVICE, 端口 …)',
  matching: (k: number, of: number) => (k === of ? `${of} checks, grouped by chapter` : `${k} of ${of} checks match`),
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
  target: '目标图（可不填，写法与课程相同的 YAML：networks、containers、images、volumes）：画在实时示意图后面，引擎状态与之一致即算达成；有目标图时，留空的目标行会被忽略',
  check: '检查项',
  args: '参数',
  noArgs: '（无参数）',
  findCheck: '查找检查项',
  findPlaceholder: '名称、说明里的词或参数（服务、port……）',
  matching: (k: number, of: number) => (k === of ? `共 ${of} 个检查项，按章节分组` : `${of} 个检查项中有 ${k} 个符合`),
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


/** A check's description in the page's language (each check declares its en and zh text in src/lessons/checks*.ts). */
export const checkDoc = (lang: Lang, name: string, doc: string) => (lang === 'zh' && Object.hasOwn(CHECKS, name) ? (CHECKS[name].zh ?? doc) : doc);

/** A problem with a link or code (src/classroom/problems.ts) in the page's language. */
export const classroomError = (lang: Lang, problem: Problem): string => problemText(lang, problem);
