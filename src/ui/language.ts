// The page language every page shares: the learner's saved choice, else Chinese for a zh browser, else English.
import type { Lang } from '../lessons/format';

const KEY = 'dockerlings.lang';

/** The language the learner chose on any page, or null if they never did. */
export function chosenLang(): Lang | null {
  const v = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
  return v === 'zh' || v === 'en' ? v : null;
}

/** The language a page opens in. */
export function initialLang(): Lang {
  return chosenLang() ?? (typeof navigator !== 'undefined' && navigator.language?.startsWith('zh') ? 'zh' : 'en');
}

/** Remember the learner's choice for every page. */
export function saveLang(l: Lang): void {
  if (typeof localStorage !== 'undefined') localStorage.setItem(KEY, l);
}
