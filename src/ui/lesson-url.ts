// The lab's address follows the lesson (?lesson=ID, ?lesson= for the sandbox): reload, Back and shared links land there.

/** The lesson the address names: an id, '' for the sandbox, or null when it names none. */
export function lessonInUrl(): string | null {
  return new URLSearchParams(location.search).get('lesson');
}

/** The address for a lesson (other query parameters kept, the hash dropped). */
export function lessonHref(id: string | null, from: string = location.href): string {
  const url = new URL(from);
  url.searchParams.set('lesson', id ?? '');
  url.hash = '';
  return url.pathname + url.search;
}

/** Put the lesson in the address: a new history entry when the learner moves, or in place (the first load). */
export function showLessonInUrl(id: string | null, push: boolean): void {
  const href = lessonHref(id);
  if (href === location.pathname + location.search && !location.hash) return;
  if (push) history.pushState({ lesson: id ?? '' }, '', href);
  else history.replaceState({ lesson: id ?? '' }, '', href);
}

/** Back and Forward: call `cb` with the lesson the address now names. */
export function onLessonNavigation(cb: (id: string | null) => void): () => void {
  const handler = () => cb(lessonInUrl() || null);
  window.addEventListener('popstate', handler);
  return () => window.removeEventListener('popstate', handler);
}
