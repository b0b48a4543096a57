// Compose variable interpolation: $VAR, ${VAR}, ${VAR:-default}, ${VAR?err}, ${VAR:+alt}, $$ (compose-go template).

/** A template compose-go cannot parse ("invalid interpolation format for …"). */
export class InvalidTemplate extends Error {}
/** `${VAR?err}` / `${VAR:?err}` with VAR unset (or empty). */
export class MissingRequired extends Error {}

export interface Lookup {
  (name: string): string | undefined;
}

const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;

/** Substitute one string value; `warnUnset` hears each variable that defaulted to a blank string. */
export function substitute(template: string, env: Lookup, warnUnset: (name: string) => void): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const ch = template[i];
    if (ch !== '$') {
      out += ch;
      i++;
      continue;
    }
    const next = template[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const end = closingBrace(template, i + 2);
      if (end < 0) throw new InvalidTemplate(template);
      out += braced(template.slice(i + 2, end), template, env, warnUnset);
      i = end + 1;
      continue;
    }
    const m = NAME.exec(template.slice(i + 1));
    if (!m) {
      // a lone `$` followed by something that is no name: compose-go refuses it
      throw new InvalidTemplate(template);
    }
    out += valueOf(m[0], env, warnUnset);
    i += 1 + m[0].length;
  }
  return out;
}

/** Index of the `}` that closes a `${` opened before `from`, counting nested `${…}`. */
function closingBrace(s: string, from: number): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    if (s[i] === '$' && s[i + 1] === '{') {
      depth++;
      i++;
    } else if (s[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function valueOf(name: string, env: Lookup, warnUnset: (name: string) => void): string {
  const v = env(name);
  if (v === undefined) {
    warnUnset(name);
    return '';
  }
  return v;
}

/** The inside of `${…}`: a name, then optionally one of :- - :? ? :+ + and a word (itself interpolated). */
function braced(inner: string, whole: string, env: Lookup, warnUnset: (name: string) => void): string {
  const m = NAME.exec(inner);
  if (!m) throw new InvalidTemplate(whole);
  const name = m[0];
  const rest = inner.slice(name.length);
  if (rest === '') return valueOf(name, env, warnUnset);
  const op = /^(:-|-|:\?|\?|:\+|\+)/.exec(rest);
  if (!op) throw new InvalidTemplate(whole);
  const word = () => substitute(rest.slice(op[0].length), env, warnUnset);
  const v = env(name);
  const colon = op[0].startsWith(':');
  const unset = v === undefined || (colon && v === '');
  switch (op[0].replace(':', '')) {
    case '-':
      return unset ? word() : v!;
    case '+':
      return unset ? '' : word();
    default: {
      if (!unset) return v!;
      const reason = word();
      throw new MissingRequired(reason ? `required variable ${name} is missing a value: ${reason}` : `required variable ${name} is missing a value`);
    }
  }
}

/** Interpolate every string value (not keys) of a parsed YAML tree; errors name the dotted path. */
export function interpolateTree(value: unknown, env: Lookup, warnUnset: (name: string) => void, path: string[] = []): unknown {
  if (typeof value === 'string') {
    try {
      return substitute(value, env, warnUnset);
    } catch (e) {
      if (e instanceof InvalidTemplate) {
        throw new Error(`invalid interpolation format for ${path.join('.')}.\nYou may need to escape any $ with another $.\n${value}`);
      }
      if (e instanceof MissingRequired) throw new Error(`error while interpolating ${path.join('.')}: ${e.message}`);
      throw e;
    }
  }
  if (Array.isArray(value)) return value.map((v) => interpolateTree(v, env, warnUnset, [...path, '[]']));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, v] of Object.entries(value)) out[k] = interpolateTree(v, env, warnUnset, [...path, k]);
    return out;
  }
  return value;
}
