// Dockerfile variable substitution (buildkit frontend/dockerfile/shell lex.go): $VAR, ${VAR}, ${VAR:-x}, quotes and escapes.
import { DockerfileError } from './dockerfile';

export type Env = Record<string, string>;

class Lexer {
  private pos = 0;
  private readonly chars: string[];
  constructor(
    text: string,
    private readonly env: Env,
    private readonly escape: string,
  ) {
    this.chars = [...text];
  }

  private peek(): string | undefined {
    return this.chars[this.pos];
  }
  private next(): string | undefined {
    return this.chars[this.pos++];
  }

  /** processStopOn: read until `stop` (or the end), resolving quotes, escapes and `$`. */
  word(stop?: string): string {
    let out = '';
    while (this.peek() !== undefined) {
      const ch = this.peek()!;
      if (stop !== undefined && ch === stop) {
        this.next();
        return out;
      }
      if (ch === "'") out += this.single();
      else if (ch === '"') out += this.double();
      else if (ch === '$') out += this.dollar();
      else {
        this.next();
        if (ch === this.escape) {
          const n = this.next();
          if (n === undefined) break;
          out += n;
        } else out += ch;
      }
    }
    if (stop !== undefined) throw new DockerfileError(`unexpected end of statement while looking for matching ${stop}`);
    return out;
  }

  private single(): string {
    this.next();
    let out = '';
    for (;;) {
      const ch = this.next();
      if (ch === undefined) throw new DockerfileError('unexpected end of statement while looking for matching single-quote');
      if (ch === "'") return out;
      out += ch;
    }
  }

  private double(): string {
    this.next();
    let out = '';
    for (;;) {
      const p = this.peek();
      if (p === undefined) throw new DockerfileError('unexpected end of statement while looking for matching double-quote');
      if (p === '"') {
        this.next();
        return out;
      }
      if (p === '$') {
        out += this.dollar();
        continue;
      }
      let ch = this.next()!;
      if (ch === this.escape) {
        const n = this.peek();
        if (n === undefined) continue;
        if (n === '"' || n === '$' || n === this.escape) ch = this.next()!;
      }
      out += ch;
    }
  }

  private name(): string {
    let name = '';
    while (this.peek() !== undefined) {
      const ch = this.peek()!;
      if (name === '' && /\d/.test(ch)) {
        while (this.peek() !== undefined && /\d/.test(this.peek()!)) name += this.next();
        return name;
      }
      if (name === '' && /[@*#?$!-]/.test(ch)) return this.next()!;
      if (!/[\p{L}\p{N}_]/u.test(ch)) break;
      name += this.next();
    }
    return name;
  }

  private get(name: string): [string, boolean] {
    return Object.hasOwn(this.env, name) ? [this.env[name], true] : ['', false];
  }

  private dollar(): string {
    this.next();
    if (this.peek() !== '{') {
      const name = this.name();
      return name === '' ? '$' : this.get(name)[0];
    }
    this.next();
    const p = this.peek();
    if (p === undefined) throw new DockerfileError("syntax error: missing '}'");
    if (p === '{' || p === '}' || p === ':') throw new DockerfileError('syntax error: bad substitution');
    const name = this.name();
    const ch = this.next();
    if (ch === undefined) throw new DockerfileError("syntax error: missing '}'");
    const [value, set] = this.get(name);
    const rest = () => {
      try {
        return this.word('}');
      } catch (e) {
        if (this.peek() === undefined) throw new DockerfileError("syntax error: missing '}'");
        throw e;
      }
    };
    switch (ch) {
      case '}':
        return value;
      case ':': {
        const mod = this.next();
        const word = rest();
        if (mod === '+') return value !== '' ? word : '';
        if (mod === '-') return value === '' ? word : value;
        if (mod === '?') {
          if (value === '') throw new DockerfileError(`${name}: ${word || 'is not allowed to be unset'}`);
          return value;
        }
        throw new DockerfileError(`unsupported modifier (${mod}) in substitution`);
      }
      case '+':
        return set ? rest() : (rest(), '');
      case '-': {
        const word = rest();
        return set ? value : word;
      }
      case '?': {
        const word = rest();
        if (!set) throw new DockerfileError(`${name}: ${word || 'is not allowed to be unset'}`);
        return value;
      }
      case '%':
      case '#': {
        const longest = this.peek() === ch ? (this.next(), true) : false;
        const pattern = rest();
        return trimPattern(value, pattern, ch === '#', longest);
      }
      case '/': {
        const all = this.peek() === '/' ? (this.next(), true) : false;
        const pattern = this.word('/');
        const repl = rest();
        const re = globToRegExp(pattern, all ? 'g' : '');
        return value.replace(re, () => repl);
      }
      default:
        throw new DockerfileError(`unsupported modifier (${ch ?? ''}) in substitution`);
    }
  }
}

function globToRegExp(glob: string, flags = ''): RegExp {
  const src = [...glob].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(src, flags);
}

/** ${VAR#pat} ${VAR##pat} ${VAR%pat} ${VAR%%pat}. */
function trimPattern(value: string, pattern: string, prefix: boolean, longest: boolean): string {
  const re = globToRegExp(pattern);
  const cands: number[] = [];
  for (let i = 0; i <= value.length; i++) cands.push(i);
  const order = longest ? cands.reverse() : cands;
  for (const n of order) {
    const part = prefix ? value.slice(0, n) : value.slice(value.length - n);
    if (new RegExp(`^(?:${re.source})$`).test(part)) return prefix ? value.slice(n) : value.slice(0, value.length - n);
  }
  return value;
}

/** ProcessWord: expand variables and remove quotes/escapes in one Dockerfile word. */
export function processWord(word: string, env: Env, escape = '\\'): string {
  return new Lexer(word, env, escape).word();
}

/**
 * How buildkit shows a step's command in progress output: variables that are set are expanded,
 * everything else (quotes, unset variables) stays as written.
 */
export function displayExpand(text: string, env: Env): string {
  let quoted = false;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    if (c === '$' && !quoted) {
      const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(text.slice(i));
      const name = m?.[1] ?? m?.[2];
      if (m && name && Object.hasOwn(env, name)) {
        out += env[name];
        i += m[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}
