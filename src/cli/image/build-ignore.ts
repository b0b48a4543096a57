// .dockerignore: which context paths the client leaves out of the build context.
// docker/cli: cli/command/image/build/dockerignore.go (moby/patternmatcher rules)

export interface Pattern {
  re: RegExp;
  exclusion: boolean;
}

/** .dockerignore lines → patterns (comments and blanks skipped, leading `/` and `./` removed, `!` exceptions). */
export function parseIgnore(text: string): Pattern[] {
  const out: Pattern[] = [];
  for (let line of text.split('\n')) {
    line = line.trim();
    if (!line || line.startsWith('#')) continue;
    const exclusion = line.startsWith('!');
    if (exclusion) line = line.slice(1).trim();
    line = line.replace(/^(\.?\/)+/, '').replace(/\/+$/, '');
    if (!line) continue;
    let re = '';
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '*' && line[i + 1] === '*') {
        re += '.*';
        i++;
        if (line[i + 1] === '/') i++;
      } else if (c === '*') re += '[^/]*';
      else if (c === '?') re += '[^/]';
      else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    out.push({ re: new RegExp(`^${re}$`), exclusion });
  }
  return out;
}

/** patternmatcher: the last matching pattern wins; a pattern also matches everything under a matched dir. */
export function ignored(patterns: Pattern[], rel: string): boolean {
  let matched = false;
  const parents: string[] = [];
  for (let p = rel; p.includes('/'); ) parents.push((p = p.slice(0, p.lastIndexOf('/'))));
  for (const pat of patterns) {
    if (pat.re.test(rel) || parents.some((p) => pat.re.test(p))) matched = !pat.exclusion;
  }
  return matched;
}
