// The PHP subset's string functions: sprintf/printf/number_format, case and trim, search and replace, explode/implode,
// padding, HTML and URL escaping, and preg_* over JavaScript regular expressions (PCRE's common syntax).
import type { Interp, LibFn } from './php-interp';
import { floatStr, PArr, PFloat, toFloat, toInt, utf8Len, type Val } from './php-value';

const s = (it: Interp, v: Val | undefined) => (v === undefined ? '' : it.str(v));

/** PHP's sprintf: %[argnum$][flags][width][.precision]specifier (s d u f F e E x X o b c %). */
export function sprintf(it: Interp, fmt: string, args: Val[]): string {
  let n = 0;
  return fmt.replace(/%(?:(\d+)\$)?([-+ 0]|'.)*(\d+)?(?:\.(\d+))?([bcdeEfFgGosuxX%])/g, (m, argnum: string | undefined, _f, width: string | undefined, prec: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    const flags = /^%(?:\d+\$)?((?:[-+ 0]|'.)*)/.exec(m)![1];
    const i = argnum ? Number(argnum) - 1 : n++;
    if (i >= args.length) it.raise('ArgumentCountError', `${args.length + 1} arguments are required, ${args.length} given`.replace(/^(\d+)/, (d) => String(Math.max(Number(d), i + 2))));
    const v = args[i];
    let out: string;
    const p = prec === undefined ? undefined : Number(prec);
    switch (conv) {
      case 'd': { const x = toInt(v); out = (x < 0 ? '-' : flags.includes('+') ? '+' : '') + String(Math.abs(x)); break; }
      case 'u': out = String(toInt(v) >>> 0); break;
      case 'f': case 'F': { const x = toFloat(v); out = (x >= 0 && flags.includes('+') ? '+' : '') + x.toFixed(p ?? 6); break; }
      case 'e': case 'E': { const x = toFloat(v).toExponential(p ?? 6).replace(/e([+-])(\d)$/, 'e$1$2'); out = conv === 'E' ? x.toUpperCase() : x; break; }
      case 'g': case 'G': out = floatStr(toFloat(v)); break;
      case 'x': out = (toInt(v) >>> 0).toString(16); break;
      case 'X': out = (toInt(v) >>> 0).toString(16).toUpperCase(); break;
      case 'o': out = (toInt(v) >>> 0).toString(8); break;
      case 'b': out = (toInt(v) >>> 0).toString(2); break;
      case 'c': out = String.fromCharCode(toInt(v)); break;
      default: out = it.str(v); if (p !== undefined) out = out.slice(0, p);
    }
    const w = width ? Number(width) : 0;
    if (out.length < w) {
      const padChar = /'(.)/.exec(flags)?.[1] ?? (flags.includes('0') ? '0' : ' ');
      if (flags.includes('-')) out = out.padEnd(w, padChar === '0' ? ' ' : padChar);
      else if (padChar === '0' && /^[+-]/.test(out) && 'dfFeE'.includes(conv)) out = out[0] + out.slice(1).padStart(w - 1, '0');
      else out = out.padStart(w, padChar);
    }
    return out;
  });
}

export function numberFormat(n: number, dec = 0, point = '.', sep = ','): string {
  const fixed = (Math.round(Math.abs(n) * 10 ** dec) / 10 ** dec).toFixed(dec);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return (n < 0 && Number(fixed) !== 0 ? '-' : '') + grouped + (frac ? point + frac : '');
}

const trimChars = (chars: string | undefined) => {
  const c = chars ?? ' \n\r\t\v\0';
  return c.replace(/([a-zA-Z0-9])\.\.([a-zA-Z0-9])/g, '$1-$2').replace(/[\]\\^]/g, '\\$&');
};

/** A PCRE pattern as a JS RegExp: its delimiters, flags i m s x u, and (?P<name>…) groups. */
export function regex(it: Interp, pat: string, global = false): RegExp {
  const open = pat[0];
  const close = ({ '(': ')', '{': '}', '[': ']', '<': '>' } as Record<string, string>)[open] ?? open;
  const end = pat.lastIndexOf(close);
  if (!pat || /[a-zA-Z0-9\\\s]/.test(open) || end <= 0) {
    it.warn(`preg_match(): ${!pat ? 'Empty regular expression' : /[a-zA-Z0-9\\]/.test(open) ? 'Delimiter must not be alphanumeric, backslash, or NUL' : `No ending delimiter '${close}' found`}`);
    throw new RegexFail();
  }
  let body = pat.slice(1, end).replace(/\(\?P</g, '(?<').replace(/\\A/g, '^').replace(/\\[zZ]/g, '$');
  const mods = pat.slice(end + 1);
  if (mods.includes('x')) body = body.replace(/\\#/g, '\u0000').replace(/#.*$/gm, '').replace(/\s+/g, '').replace(/\u0000/g, '\\#');
  const flags = (global ? 'g' : '') + [...mods].filter((m) => 'ims'.includes(m)).join('') + (mods.includes('u') ? 'u' : '');
  return new RegExp(body, flags);
}
export class RegexFail extends Error {}

const matchArr = (m: RegExpExecArray): PArr => {
  const a = PArr.of(m.map((x) => x ?? ''));
  if (m.groups) { const out = new PArr(); m.forEach((x, i) => { const name = Object.entries(m.groups!).find(([, v], j) => v === x && j === i - 1)?.[0]; if (name) out.set(name, x ?? ''); out.set(i, x ?? ''); }); return out; }
  return a;
};

export const STR: Record<string, LibFn> = {
  strlen: (it, [v]) => utf8Len(s(it, v)),
  mb_strlen: (it, [v]) => [...s(it, v)].length,
  strtolower: (it, [v]) => s(it, v).toLowerCase(),
  strtoupper: (it, [v]) => s(it, v).toUpperCase(),
  mb_strtolower: (it, [v]) => s(it, v).toLowerCase(),
  mb_strtoupper: (it, [v]) => s(it, v).toUpperCase(),
  ucfirst: (it, [v]) => { const x = s(it, v); return x.charAt(0).toUpperCase() + x.slice(1); },
  lcfirst: (it, [v]) => { const x = s(it, v); return x.charAt(0).toLowerCase() + x.slice(1); },
  ucwords: (it, [v]) => s(it, v).replace(/(^|[\s])(\S)/g, (_m, a: string, b: string) => a + b.toUpperCase()),
  trim: (it, [v, c]) => { const cs = trimChars(c === undefined ? undefined : s(it, c)); return s(it, v).replace(new RegExp(`^[${cs}]+|[${cs}]+$`, 'g'), ''); },
  ltrim: (it, [v, c]) => s(it, v).replace(new RegExp(`^[${trimChars(c === undefined ? undefined : s(it, c))}]+`), ''),
  rtrim: (it, [v, c]) => s(it, v).replace(new RegExp(`[${trimChars(c === undefined ? undefined : s(it, c))}]+$`), ''),
  str_repeat: (it, [v, n]) => { const k = toInt(n ?? 0); if (k < 0) it.raise('ValueError', 'str_repeat(): Argument #2 ($times) must be greater than or equal to 0'); return s(it, v).repeat(k); },
  strrev: (it, [v]) => [...s(it, v)].reverse().join(''),
  str_pad: (it, [v, len, pad, type]) => {
    const x = s(it, v), n = toInt(len ?? 0), p = pad === undefined ? ' ' : s(it, pad), t = type === undefined ? 1 : toInt(type);
    if (n <= x.length || !p) return x;
    if (t === 0) return x.padStart(n, p);
    if (t === 2) { const left = Math.floor((n - x.length) / 2); return x.padStart(x.length + left, p).padEnd(n, p); }
    return x.padEnd(n, p);
  },
  str_split: (it, [v, len]) => { const x = s(it, v), n = toInt(len ?? 1), out: string[] = []; for (let i = 0; i < x.length; i += n) out.push(x.slice(i, i + n)); return PArr.of(out.length ? out : ['']); },
  substr: (it, [v, start, len]) => {
    const x = s(it, v);
    let a = toInt(start ?? 0);
    if (a < 0) a = Math.max(0, x.length + a);
    if (len === undefined || len === null) return x.slice(a);
    const l = toInt(len);
    return l < 0 ? x.slice(a, x.length + l) : x.slice(a, a + l);
  },
  mb_substr: (it, [v, start, len]) => STR.substr(it, [v, start, len ?? null], []),
  strpos: (it, [h, n, off]) => { const i = s(it, h).indexOf(s(it, n), toInt(off ?? 0)); return i < 0 ? false : i; },
  stripos: (it, [h, n, off]) => { const i = s(it, h).toLowerCase().indexOf(s(it, n).toLowerCase(), toInt(off ?? 0)); return i < 0 ? false : i; },
  strrpos: (it, [h, n]) => { const i = s(it, h).lastIndexOf(s(it, n)); return i < 0 ? false : i; },
  strstr: (it, [h, n, before]) => { const x = s(it, h), i = x.indexOf(s(it, n)); return i < 0 ? false : before === true ? x.slice(0, i) : x.slice(i); },
  str_contains: (it, [h, n]) => s(it, h).includes(s(it, n)),
  str_starts_with: (it, [h, n]) => s(it, h).startsWith(s(it, n)),
  str_ends_with: (it, [h, n]) => s(it, h).endsWith(s(it, n)),
  substr_count: (it, [h, n]) => s(it, h).split(s(it, n)).length - 1,
  str_word_count: (it, [v]) => (s(it, v).match(/[A-Za-z'-]+/g) ?? []).length,
  str_replace: (it, [search, replace, subject], refs) => {
    let count = 0;
    const one = (subj: string) => {
      const ss = search instanceof PArr ? search.values().map((x) => it.str(x)) : [s(it, search)];
      const rs = replace instanceof PArr ? replace.values().map((x) => it.str(x)) : null;
      return ss.reduce((acc, needle, i) => { if (!needle) return acc; const parts = acc.split(needle); count += parts.length - 1; return parts.join(rs ? (rs[i] ?? '') : s(it, replace)); }, subj);
    };
    const r = subject instanceof PArr ? PArr.from([...subject.m].map(([k, v]) => [k, one(it.str(v))])) : one(s(it, subject));
    if (refs[3]) refs[3].v = count;
    return r;
  },
  str_ireplace: (it, [search, replace, subject]) => s(it, subject).replace(new RegExp(s(it, search).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), s(it, replace)),
  explode: (it, [sep, v, lim]) => {
    const d = s(it, sep);
    if (!d) it.raise('ValueError', 'explode(): Argument #1 ($separator) cannot be empty');
    let parts = s(it, v).split(d);
    const l = lim === undefined ? 0 : toInt(lim);
    if (l > 0 && parts.length > l) parts = [...parts.slice(0, l - 1), parts.slice(l - 1).join(d)];
    else if (l < 0) parts = parts.slice(0, l);
    return PArr.of(parts);
  },
  implode: (it, [a, b]) => {
    const [sep, arr] = a instanceof PArr ? [b === undefined ? '' : s(it, b), a] : [s(it, a), b];
    if (!(arr instanceof PArr)) return it.raise('TypeError', 'implode(): Argument #2 ($array) must be of type ?array, ' + (arr === undefined ? 'null' : typeof arr) + ' given');
    return arr.values().map((x) => it.str(x)).join(sep);
  },
  sprintf: (it, [f, ...args]) => sprintf(it, s(it, f), args),
  vsprintf: (it, [f, a]) => sprintf(it, s(it, f), a instanceof PArr ? a.values() : []),
  printf: (it, [f, ...args]) => { const out = sprintf(it, s(it, f), args); it.echo(out); return utf8Len(out); },
  number_format: (it, [n, d, p, sep]) => numberFormat(toFloat(n ?? 0), toInt(d ?? 0), p === undefined ? '.' : s(it, p), sep === undefined ? ',' : s(it, sep)),
  nl2br: (it, [v]) => s(it, v).replace(/(\r\n|\n)/g, '<br />$1'),
  htmlspecialchars: (it, [v]) => s(it, v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#039;'),
  strip_tags: (it, [v]) => s(it, v).replace(/<[^>]*>/g, ''),
  addslashes: (it, [v]) => s(it, v).replace(/([\\'"])/g, '\\$1').replace(/\0/g, '\\0'),
  strcmp: (it, [a, b]) => { const x = s(it, a), y = s(it, b); return x < y ? -1 : x > y ? 1 : 0; },
  strcasecmp: (it, [a, b]) => { const x = s(it, a).toLowerCase(), y = s(it, b).toLowerCase(); return x < y ? -1 : x > y ? 1 : 0; },
  strncmp: (it, [a, b, n]) => { const x = s(it, a).slice(0, toInt(n ?? 0)), y = s(it, b).slice(0, toInt(n ?? 0)); return x < y ? -1 : x > y ? 1 : 0; },
  ord: (it, [v]) => new TextEncoder().encode(s(it, v))[0] ?? 0,
  chr: (_it, [v]) => String.fromCharCode(((toInt(v ?? 0) % 256) + 256) % 256),
  dechex: (_it, [v]) => toInt(v ?? 0).toString(16),
  hexdec: (it, [v]) => parseInt(s(it, v), 16) || 0,
  decbin: (_it, [v]) => toInt(v ?? 0).toString(2),
  bindec: (it, [v]) => parseInt(s(it, v), 2) || 0,
  bin2hex: (it, [v]) => [...new TextEncoder().encode(s(it, v))].map((b) => b.toString(16).padStart(2, '0')).join(''),
  base64_encode: (it, [v]) => btoa(String.fromCharCode(...new TextEncoder().encode(s(it, v)))),
  base64_decode: (it, [v]) => { try { return new TextDecoder().decode(Uint8Array.from(atob(s(it, v)), (c) => c.charCodeAt(0))); } catch { return false; } },
  urlencode: (it, [v]) => encodeURIComponent(s(it, v)).replace(/%20/g, '+').replace(/[!'()*~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()),
  rawurlencode: (it, [v]) => encodeURIComponent(s(it, v)).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()),
  urldecode: (it, [v]) => decodeURIComponent(s(it, v).replace(/\+/g, ' ')),
  parse_url: (it, [u, comp]) => {
    const m = /^(?:([a-z][\w+.-]*):)?(?:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?#]*)(?::(\d+))?)?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/i.exec(s(it, u));
    if (!m) return false;
    const parts: [string, Val][] = ([['scheme', m[1]], ['host', m[4] || undefined], ['port', m[5] ? Number(m[5]) : undefined], ['user', m[2]], ['pass', m[3]], ['path', m[6] || undefined], ['query', m[7]], ['fragment', m[8]]] as [string, Val | undefined][]).filter((p): p is [string, Val] => p[1] !== undefined);
    if (comp === undefined || comp === null || toInt(comp) === -1) return PArr.from(parts);
    const key = ['scheme', 'host', 'port', 'user', 'pass', 'path', 'query', 'fragment'][toInt(comp)];
    return parts.find(([k]) => k === key)?.[1] ?? null;
  },
  http_build_query: (it, [a]) => (a instanceof PArr ? [...a.m].map(([k, v]) => `${STR.urlencode(it, [String(k)], [])}=${STR.urlencode(it, [v], [])}`).join('&') : ''),
  wordwrap: (it, [v, w, br, cut]) => { const width = toInt(w ?? 75), b = br === undefined ? '\n' : s(it, br); const words = s(it, v).split(' '); const lines: string[] = []; let cur = ''; for (const word of words) { if (cur && (cur + ' ' + word).length > width) { lines.push(cur); cur = word; } else cur = cur ? cur + ' ' + word : word; } lines.push(cur); void cut; return lines.join(b); },
  uniqid: (it) => Math.floor(it.host.now() / 1000).toString(16) + '0a1b2',
  lcg_value: () => new PFloat(Math.random()),
  preg_match: (it, [p, subj], refs) => {
    try {
      const m = regex(it, s(it, p)).exec(s(it, subj));
      if (refs[2]) refs[2].v = m ? matchArr(m) : new PArr();
      return m ? 1 : 0;
    } catch (e) { if (e instanceof RegexFail) return false; throw e; }
  },
  preg_match_all: (it, [p, subj], refs) => {
    const all = [...s(it, subj).matchAll(regex(it, s(it, p), true))];
    if (refs[2]) { const groups = all[0]?.length ?? 1; const out = new PArr(); for (let g = 0; g < groups; g++) out.push(PArr.of(all.map((m) => m[g] ?? ''))); refs[2].v = out; }
    return all.length;
  },
  preg_replace: (it, [p, r, subj]) => s(it, subj).replace(regex(it, s(it, p), true), s(it, r).replace(/\$(\d+)|\\(\d+)|\$\{(\d+)\}/g, (_m, a, b, c) => `$${a ?? b ?? c}`)),
  preg_replace_callback: (it, [p, fn, subj]) => s(it, subj).replace(regex(it, s(it, p), true), (...m) => {
    const groups = m.slice(0, m.findIndex((x) => typeof x === 'number'));
    return it.str(it.lib.fns.call_user_func(it, [fn, PArr.of(groups.map((g) => g ?? ''))], []));
  }),
  preg_split: (it, [p, subj, lim, flags]) => { let parts = s(it, subj).split(regex(it, s(it, p), true)); if (toInt(flags ?? 0) & 1) parts = parts.filter((x) => x !== ''); void lim; return PArr.of(parts.filter((x) => x !== undefined)); },
  preg_quote: (it, [v]) => s(it, v).replace(/[.\\+*?[^\]$(){}=!<>|:#/-]/g, '\\$&'),
};
