// The lab page's exercise mode: a `#exercise=…` link is decoded and validated (never run as code) and shown as a lesson.
import type { Exercise } from '../classroom/exercise';
import type { Place } from '../classroom/session-file';
import type { Lesson } from '../lessons/format';

/** An invalid link is shown in the lesson's place: its error, no setup, no goals. */
function errorLesson(error: string): Lesson {
  const same = (s: string) => ({ en: s, zh: s });
  // the error quotes parts of the link: markdown's link, code and emphasis marks are defused (it is escaped HTML anyway)
  const quoted = error.slice(0, 2000).replace(/\[/g, '‹').replace(/\]/g, '›').replace(/\*/g, '∗').replace(/`/g, "'").replace(/\s+/g, ' ');
  const body = `# This exercise link cannot be used\n\n${quoted}\n\nNothing from it was run. Ask your teacher for the link again; the terminal is a free sandbox meanwhile.`;
  return { id: 'exercise:invalid', chapter: 'exercise', title: same('Invalid exercise link'), setup: [], goals: [], hints: [], solution: [], diagram: 'none', body: same(body) };
}

export class ExerciseMode {
  /** The page was opened with an exercise link (valid or not): the lesson list and saved lesson are set aside. */
  readonly active: boolean;
  exercise = $state.raw<Exercise | null>(null);
  lesson = $state.raw<Lesson | null>(null);
  hash = $state('');
  /** Why the link cannot be used (shown instead of the lesson; nothing of it runs). */
  error = $state<string | null>(null);

  constructor(fragment: string) {
    this.active = fragment.startsWith('#exercise=');
    if (!this.active) return;
    // the exercise code (and the check vocabulary it validates against) loads only for an exercise link
    void import('../classroom/exercise').then(async ({ decodeExercise, exerciseHash, exerciseLesson }) => {
      const r = await decodeExercise(fragment);
      if (!r.ok) {
        this.error = r.error;
        this.lesson = errorLesson(r.error);
        return;
      }
      this.hash = exerciseHash(r.exercise);
      this.exercise = r.exercise;
      this.lesson = exerciseLesson(r.exercise, this.hash);
    });
  }

  /** The simulator's seed for new sessions (the exercise's, else 1 as always). */
  get seed(): number {
    return this.exercise?.seed ?? 1;
  }

  /** The lesson shown: the exercise's (null until decoded; the error when the link is invalid), else the chosen lesson. */
  current(lessons: Lesson[], id: string | null): Lesson | null {
    return this.active ? this.lesson : (lessons.find((l) => l.id === id) ?? null);
  }

  /** What the lesson chooser lists: just the exercise in exercise mode. */
  list(lessons: Lesson[]): Lesson[] {
    return this.active ? (this.lesson ? [this.lesson] : []) : lessons;
  }

  /** Where a saved session belongs. */
  place(current: Lesson | null): Place {
    return this.active ? (this.hash ? { exercise: this.hash } : {}) : current ? { lesson: current.id } : {};
  }
}

/** Exercise mode for this page; opening another exercise link in the same tab reloads the page. */
export function exerciseMode(): ExerciseMode {
  const m = new ExerciseMode(location.hash);
  addEventListener('hashchange', () => {
    if (location.hash.startsWith('#exercise=') || m.active) location.reload();
  });
  return m;
}
