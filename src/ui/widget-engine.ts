// What a widget fetches right after its terminal code: the simulated engine, its shell (just-bash), setup typing and the goal checks.
export { createSession } from '../shell/session';
export { evaluate } from '../lessons/checks';
export { checkProblem } from '../lessons/goal-check';
export { runSetup } from '../classroom/setup';
