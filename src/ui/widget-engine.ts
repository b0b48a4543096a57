// What a widget fetches right after its terminal code: the simulated engine, its shell (just-bash) and the goal checks.
export { createSession } from '../shell/session';
export { evaluate } from '../lessons/checks';
export { checkProblem } from '../lessons/goal-check';
