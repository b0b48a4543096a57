// How V8 names the callee of a call that is no function, from the source text (QuickJS says only "not a function").
/**
 * The callee of the call whose '(' is at `paren`, as V8 names it in "… is not a function": the member chain as written,
 * with each earlier call's arguments shown as (...) (db.users.find(...).fnd). QuickJS says only "not a function".
 */
export function calleeAt(line: string, paren: number): string {
  let i = paren - 1;
  let out = '';
  while (i >= 0) {
    const ch = line[i];
    if (/[\w$.]/.test(ch)) (out = ch + out), i--;
    else if (ch === ')' || ch === ']') {
      const open = ch === ')' ? '(' : '[';
      let depth = 0, j = i;
      for (; j >= 0; j--) {
        if (line[j] === ch) depth++;
        else if (line[j] === open && --depth === 0) break;
      }
      if (j < 0) break;
      out = (ch === ')' ? '(...)' : line.slice(j, i + 1)) + out;
      i = j - 1;
    } else break;
  }
  return out;
}
