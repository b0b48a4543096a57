// Words for the terminal while time travel shows a past step: the banner over it, and the question typing asks.
import type { Lang } from '../lessons/format';

/** The banner over the dimmed terminal: which step the diagrams show, and that the terminal is still now. */
export function pastBanner(lang: Lang, view: number, steps: number): string {
  if (lang === 'zh') {
    return view === 0
      ? `正在查看第一条命令之前的状态（共 ${steps} 步）。终端仍处于现在；输入会回到现在。`
      : `正在查看第 ${view} 步（共 ${steps} 步）之后的状态。终端仍处于现在；输入会回到现在。`;
  }
  return view === 0
    ? `Viewing the state before your first command (of ${steps} steps). The terminal is still at now; typing returns there.`
    : `Viewing the state after step ${view} of ${steps}. The terminal is still at now; typing returns there.`;
}

/** Asked when the learner types while a past step is shown. */
export function leavePastQuestion(lang: Lang): string {
  return lang === 'zh'
    ? '你正在查看过去的某一步。要回到现在并在终端里继续输入吗？（要从那一步继续，请用“从这里开分支”。）'
    : 'You are viewing a past step. Go back to now and type in the terminal? (To continue from that step instead, use "Branch from here".)';
}
