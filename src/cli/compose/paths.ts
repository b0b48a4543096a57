// Paths in the compose project: directory and file names, and a path made absolute against the working directory.

export const dirname = (p: string) => p.replace(/\/[^/]*$/, '') || '/';
export const basename = (p: string) => p.replace(/\/+$/, '').replace(/^.*\//, '');
export function absPath(cwd: string, p: string): string {
  const parts: string[] = [];
  for (const seg of (p.startsWith('/') ? p : `${cwd}/${p}`).split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}
