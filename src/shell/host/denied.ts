// A learner's file access the host refuses, in bash's and the tools' own words (just-bash words every failure "No such file").

const resolve = (cwd: string, p: string) => {
  const parts: string[] = [];
  for (const seg of (p.startsWith('/') ? p : `${cwd}/${p}`).split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return '/' + parts.join('/');
};

export interface Denial {
  path: string;
  write: boolean;
}

/** sed -i's temporary file name (mkostemp's six characters), fixed per path so replays agree. */
function sedTemp(path: string): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let h = 2166136261;
  let s = '';
  for (let i = 0; i < 6; i++) {
    for (const ch of path + i) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    s += abc[h % abc.length];
  }
  return `${path.replace(/\/[^/]*$/, '') || ''}/sed${s}`;
}

const SAME_WORDS = 'cat|tee|wc|grep|md5sum|sha1sum|sha256sum|nl|tac|cut|uniq|base64|od|xxd|strings|awk';

/**
 * The messages of the tools whose access the host refused (`denials`, logged by the filesystem during the line), in
 * coreutils' words instead of just-bash's "No such file or directory". Other lines stay as they are.
 */
export function deniedText(stderr: string, denials: Denial[], cwd: string, may: (path: string, write: boolean) => boolean): string {
  if (!denials.length || !stderr) return stderr;
  const hit = (typed: string, write?: boolean) => {
    const p = resolve(cwd, typed);
    return denials.find((d) => (write === undefined || d.write === write) && (p === d.path || p.startsWith(d.path + '/')));
  };
  return stderr
    .split('\n')
    .map((l) => {
      let m = new RegExp(`^(${SAME_WORDS}): (.+): No such file or directory$`).exec(l);
      if (m && hit(m[2])) return `${m[1]}: ${m[2]}: Permission denied`;
      m = /^(head|tail): (.+): No such file or directory$/.exec(l);
      if (m && hit(m[2])) return `${m[1]}: cannot open '${m[2]}' for reading: Permission denied`;
      m = /^sed: (.+): No such file or directory$/.exec(l);
      if (m) {
        const d = hit(m[1]);
        if (d?.write) return `sed: couldn't open temporary file ${sedTemp(d.path)}: Permission denied`;
        if (d) return `sed: can't read ${m[1]}: Permission denied`;
      }
      m = /^stat: cannot stat '(.+)': No such file or directory$/.exec(l);
      if (m && hit(m[1])) return `stat: cannot statx '${m[1]}': Permission denied`;
      m = /^chmod: cannot access '(.+)': No such file or directory$/.exec(l);
      if (m) {
        const p = resolve(cwd, m[1]);
        if (hit(m[1]) && !may(p.replace(/\/[^/]*$/, '') || '/', false)) return `chmod: cannot access '${m[1]}': Permission denied`;
        if (hit(m[1], true)) return `chmod: changing permissions of '${m[1]}': Operation not permitted`;
      }
      m = /^cp: cannot copy '(.+)': Permission denied$/.exec(l);
      if (m) {
        const d = denials.find((x) => x.write);
        if (d) return `cp: cannot create regular file '${d.path}': Permission denied`;
      }
      return l;
    })
    .join('\n');
}
