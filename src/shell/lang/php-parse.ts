// The PHP subset's parser, statements: echo, if/elseif/else (and the `if (): … endif;` form templates use), loops,
// switch, functions, classes, try/catch; expressions are php-expr.ts's. Errors read as PHP 8's parse errors.
import { describe, PhpParseError, tokenize, type Tok } from './php-lex';
import { ExprParser, type N } from './php-expr';

export type { N } from './php-expr';

export class Parser extends ExprParser {
  program(): N[] {
    const out: N[] = [];
    while (this.peek().t !== 'eof') out.push(this.statement());
    return out;
  }

  /** The statements up to one of `ends` (alternative syntax: `if (…): … endif;`). */
  private until(ends: string[]): N[] {
    const out: N[] = [];
    while (!ends.some((e) => this.is(e))) {
      if (this.peek().t === 'eof') this.fail();
      out.push(this.statement());
    }
    return out;
  }

  private body(ends: string[]): { body: N[]; alt: boolean } {
    if (this.accept(':')) return { body: this.until(ends), alt: true };
    return { body: this.blockOrOne(), alt: false };
  }

  private blockOrOne(): N[] {
    if (this.is('{')) return this.block();
    return [this.statement()];
  }

  override block(): N[] {
    this.expect('{');
    const out: N[] = [];
    while (!this.is('}')) {
      if (this.peek().t === 'eof') this.fail();
      out.push(this.statement());
    }
    this.next();
    return out;
  }

  private semi() {
    this.expect(';');
  }

  statement(): N {
    const t = this.peek();
    const line = t.line;
    if (t.t === 'html') { this.next(); return { k: 'echo', line, args: [{ k: 'lit', v: t.v, line }] }; }
    if (this.accept(';')) return { k: 'block', line, body: [] };
    if (this.is('{')) return { k: 'block', line, body: this.block() };
    if (t.t !== 'id') return this.exprStatement();
    const kw = t.v.toLowerCase();
    const after = this.peek(1);
    switch (kw) {
      case 'echo': {
        this.next();
        const args = [this.expr()];
        while (this.accept(',')) args.push(this.expr());
        if (!this.is(';')) this.fail('"," or ";"');
        this.semi();
        return { k: 'echo', line, args };
      }
      case 'if': {
        this.next();
        const cond = this.paren();
        const { body, alt } = this.body(['elseif', 'else', 'endif']);
        const node: N = { k: 'if', line, cond, body, else: null };
        let cur = node;
        for (;;) {
          if (this.is('elseif') || (this.is('else') && this.peek(1).t === 'id' && this.peek(1).v.toLowerCase() === 'if' && !alt)) {
            if (this.is('else')) this.next();
            const l = this.next().line;
            const c = this.paren();
            const b = alt ? (this.expect(':'), this.until(['elseif', 'else', 'endif'])) : this.blockOrOne();
            const n: N = { k: 'if', line: l, cond: c, body: b, else: null };
            cur.else = [n];
            cur = n;
          } else if (this.accept('else')) {
            cur.else = alt ? (this.expect(':'), this.until(['endif'])) : this.blockOrOne();
            break;
          } else break;
        }
        if (alt) { this.expect('endif'); this.semi(); }
        return node;
      }
      case 'while': {
        this.next();
        const cond = this.paren();
        const { body, alt } = this.body(['endwhile']);
        if (alt) { this.next(); this.semi(); }
        return { k: 'while', line, cond, body };
      }
      case 'do': {
        this.next();
        const body = this.blockOrOne();
        this.expect('while');
        const cond = this.paren();
        this.semi();
        return { k: 'dowhile', line, cond, body };
      }
      case 'for': {
        this.next();
        this.expect('(');
        const list = (end: string) => { const xs: N[] = []; while (!this.is(end)) { xs.push(this.expr()); if (!this.accept(',')) break; } this.expect(end); return xs; };
        const init = list(';'), cond = list(';'), step = list(')');
        const { body, alt } = this.body(['endfor']);
        if (alt) { this.next(); this.semi(); }
        return { k: 'for', line, init, cond, step, body };
      }
      case 'foreach': {
        this.next();
        this.expect('(');
        const subject = this.expr();
        this.expect('as');
        let key: N | null = null;
        let byRef = this.accept('&');
        let value = this.expr(5);
        if (this.accept('=>')) { key = value; byRef = this.accept('&'); value = this.expr(5); }
        this.expect(')');
        const { body, alt } = this.body(['endforeach']);
        if (alt) { this.next(); this.semi(); }
        return { k: 'foreach', line, subject, key, value: value.k === 'array' ? { ...value, k: 'list' } : value, byRef, body };
      }
      case 'switch': {
        this.next();
        const subject = this.paren();
        const alt = !this.is('{');
        if (alt) this.expect(':'); else this.expect('{');
        const cases: { test: N | null; body: N[] }[] = [];
        while (!this.is(alt ? 'endswitch' : '}')) {
          let test: N | null = null;
          if (this.accept('default')) test = null;
          else { this.expect('case'); test = this.expr(); }
          if (!this.accept(':')) this.expect(';');
          cases.push({ test, body: this.until(['case', 'default', alt ? 'endswitch' : '}']) });
        }
        this.next();
        if (alt) this.semi();
        return { k: 'switch', line, subject, cases };
      }
      case 'break': case 'continue': {
        this.next();
        const levels = this.peek().t === 'int' ? Number(this.next().v) : 1;
        this.semi();
        return { k: kw, line, levels };
      }
      case 'return': {
        this.next();
        const value = this.is(';') || this.peek().t === 'eof' ? null : this.expr();
        this.semi();
        return { k: 'return', line, value };
      }
      case 'function':
        if (after.t === 'id' || (after.v === '&' && this.peek(2).t === 'id')) {
          this.next();
          this.accept('&');
          const name = this.next().v;
          return { k: 'fndecl', line, name, fn: this.fnRest(name, line) };
        }
        break;
      case 'abstract': case 'final': case 'readonly': case 'class':
        if (kw === 'class' || (after.t === 'id' && ['class', 'abstract', 'final', 'readonly'].includes(after.v.toLowerCase()))) return this.classDecl();
        break;
      case 'interface': case 'trait': case 'enum':
        if (after.t === 'id') return this.classDecl();
        break;
      case 'try': {
        this.next();
        const body = this.block();
        const catches: { types: string[]; name: string | null; body: N[] }[] = [];
        while (this.accept('catch')) {
          this.expect('(');
          const types = [this.name()];
          while (this.accept('|')) types.push(this.name());
          const name = this.peek().t === 'var' ? this.next().v.slice(1) : null;
          this.expect(')');
          catches.push({ types, name, body: this.block() });
        }
        const fin = this.accept('finally') ? this.block() : null;
        if (!catches.length && !fin) this.fail('"catch" or "finally"');
        return { k: 'try', line, body, catches, finally: fin };
      }
      case 'global': {
        this.next();
        const names = [this.next().v.slice(1)];
        while (this.accept(',')) names.push(this.next().v.slice(1));
        this.semi();
        return { k: 'global', line, names };
      }
      case 'static':
        if (after.t === 'var') {
          this.next();
          const vars: { name: string; init: N | null }[] = [];
          do {
            const name = this.next().v.slice(1);
            vars.push({ name, init: this.accept('=') ? this.expr() : null });
          } while (this.accept(','));
          this.semi();
          return { k: 'static', line, vars };
        }
        break;
      case 'unset': {
        this.next();
        this.expect('(');
        const targets: N[] = [];
        while (!this.is(')')) { targets.push(this.expr()); if (!this.accept(',')) break; }
        this.expect(')');
        this.semi();
        return { k: 'unset', line, targets };
      }
      case 'const': {
        this.next();
        const items: { name: string; value: N }[] = [];
        do { const name = this.next().v; this.expect('='); items.push({ name, value: this.expr() }); } while (this.accept(','));
        this.semi();
        return { k: 'const', line, items };
      }
      case 'namespace': case 'use':
        if (after.t === 'id' || after.v === '{' || after.v === '(') {
          this.next();
          while (!this.is(';') && !this.is('{') && this.peek().t !== 'eof') this.next();
          if (this.is('{')) return { k: 'block', line, body: this.block() };
          this.semi();
          return { k: 'block', line, body: [] };
        }
        break;
      case 'declare': {
        this.next();
        this.paren();
        this.semi();
        return { k: 'block', line, body: [] };
      }
    }
    return this.exprStatement();
  }

  private exprStatement(): N {
    const line = this.peek().line;
    const e = this.expr();
    this.semi();
    return { k: 'expr', line, e };
  }

  private classDecl(): N {
    const line = this.peek().line;
    const mods: string[] = [];
    while (['abstract', 'final', 'readonly'].includes(this.peek().v.toLowerCase())) mods.push(this.next().v.toLowerCase());
    const kind = this.next().v.toLowerCase();
    const name = this.next().v;
    if (kind === 'enum' && this.accept(':')) this.name();
    const parent = this.accept('extends') ? this.name() : null;
    if (kind === 'interface') while (this.accept(',')) this.name();
    const interfaces: string[] = [];
    if (this.accept('implements')) { interfaces.push(this.name()); while (this.accept(',')) interfaces.push(this.name()); }
    this.expect('{');
    const members: N[] = [];
    while (!this.accept('}')) {
      const ml = this.peek().line;
      if (this.peek().t === 'eof') this.fail();
      if (this.accept('use')) { do this.name(); while (this.accept(',')); this.semi(); continue; }
      if (this.accept('case')) { const n = this.next().v; const value = this.accept('=') ? this.expr() : null; this.semi(); members.push({ k: 'case', line: ml, name: n, value }); continue; }
      const m = new Set<string>();
      while (this.peek().t === 'id' && ['public', 'private', 'protected', 'static', 'abstract', 'final', 'readonly', 'var'].includes(this.peek().v.toLowerCase())) m.add(this.next().v.toLowerCase());
      const visibility = m.has('private') ? 'private' : m.has('protected') ? 'protected' : 'public';
      if (this.accept('const')) {
        if (this.peek(1).t === 'id' && this.peek(1).v !== '=') this.next(); // a typed constant
        do { const n = this.next().v; this.expect('='); members.push({ k: 'classconst', line: ml, name: n, value: this.expr() }); } while (this.accept(','));
        this.semi();
        continue;
      }
      if (this.accept('function')) {
        this.accept('&');
        const n = this.next().v;
        const fn = this.fnRest(n, ml, kind === 'interface' || m.has('abstract'));
        members.push({ k: 'method', line: ml, name: n, static: m.has('static'), visibility, fn });
        continue;
      }
      this.skipType();
      do {
        const v = this.peek();
        if (v.t !== 'var') this.fail();
        this.next();
        members.push({ k: 'prop', line: ml, name: v.v.slice(1), static: m.has('static'), visibility, init: this.accept('=') ? this.expr() : undefined });
      } while (this.accept(','));
      this.semi();
    }
    return { k: 'classdecl', line, name, kind, parent, interfaces, members, abstract: mods.includes('abstract') };
  }

  private paren(): N {
    this.expect('(');
    const e = this.expr();
    this.expect(')');
    return e;
  }
}

/** Parse a file (from inline HTML) or `php -r` code (already PHP). */
export function parsePhp(src: string, code = false): N[] {
  return new Parser(tokenize(src, code)).program();
}

export { describe, PhpParseError, type Tok };
