// Go text/template parser (parse/parse.go, node.go): tokens → node tree, with Go's parse error messages.
import { goQuote } from './format-go';
import { lex, tokenString, type Token, type TokType } from './template-lex';

export class TemplateError extends Error {
  override name = 'TemplateError';
}

export interface PipeNode { type: 'pipe'; pos: number; isAssign: boolean; decl: VariableNode[]; cmds: CommandNode[] }
export interface CommandNode { type: 'command'; pos: number; args: ArgNode[] }
export interface FieldNode { type: 'field'; pos: number; ident: string[] }
export interface VariableNode { type: 'variable'; pos: number; ident: string[] }
export interface ChainNode { type: 'chain'; pos: number; node: ArgNode; field: string[] }
export interface IdentifierNode { type: 'identifier'; pos: number; name: string }
export interface NumberNode { type: 'number'; pos: number; text: string; value: number; isInt: boolean }
export interface StringNode { type: 'string'; pos: number; quoted: string; text: string }
export interface LeafNode { type: 'dot' | 'nil'; pos: number }
export interface BoolNode { type: 'bool'; pos: number; value: boolean }
export type ArgNode = PipeNode | FieldNode | VariableNode | ChainNode | IdentifierNode | NumberNode | StringNode | LeafNode | BoolNode;

export interface TextNode { type: 'text'; pos: number; text: string }
export interface ActionNode { type: 'action'; pos: number; pipe: PipeNode }
export interface ControlNode { type: 'if' | 'range' | 'with'; pos: number; pipe: PipeNode; list: Node[]; elseList: Node[] | null }
export interface BranchNode { type: 'break' | 'continue'; pos: number }
export type Node = TextNode | ActionNode | ControlNode | BranchNode;
type Marker = { type: 'end'; pos: number } | { type: 'else'; pos: number };

/** Go Node.String(): used in error contexts such as `executing "" at <.A.B>`. */
export function nodeString(n: Node | ArgNode | CommandNode | Marker): string {
  switch (n.type) {
    case 'text': return n.text;
    case 'action': return `{{${nodeString(n.pipe)}}}`;
    case 'if': case 'range': case 'with':
      return `{{${n.type} ${nodeString(n.pipe)}}}${listString(n.list)}${n.elseList ? `{{else}}${listString(n.elseList)}` : ''}{{end}}`;
    case 'break': case 'continue': case 'end': case 'else': return `{{${n.type}}}`;
    case 'pipe': {
      const decl = n.decl.length ? n.decl.map(nodeString).join(', ') + (n.isAssign ? ' = ' : ' := ') : '';
      return decl + n.cmds.map(nodeString).join(' | ');
    }
    case 'command': return n.args.map((a) => (a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'field': return n.ident.map((i) => '.' + i).join('');
    case 'variable': return n.ident.join('.');
    case 'chain': return (n.node.type === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node)) + n.field.map((f) => '.' + f).join('');
    case 'identifier': return n.name;
    case 'number': return n.text;
    case 'string': return n.quoted;
    case 'dot': return '.';
    case 'nil': return 'nil';
    case 'bool': return String(n.value);
  }
}
const listString = (l: Node[]) => l.map(nodeString).join('');

const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
function readEscape(s: string, i: number, quote: string): { ch: string; next: number } | null {
  const e = s[i + 1];
  if (e !== undefined && Object.hasOwn(SIMPLE_ESCAPES, e)) return { ch: SIMPLE_ESCAPES[e], next: i + 2 };
  if (e === quote) return { ch: quote, next: i + 2 };
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    const h = s.slice(i + 2, i + 2 + n);
    const cp = parseInt(h, 16);
    if (!/^[0-9a-fA-F]+$/.test(h) || h.length !== n || cp > 0x10ffff || (e !== 'x' && cp >= 0xd800 && cp < 0xe000)) return null;
    return { ch: String.fromCodePoint(cp), next: i + 2 + n };
  }
  const o = s.slice(i + 1, i + 4);
  if (/^[0-7]{3}$/.test(o) && parseInt(o, 8) < 256) return { ch: String.fromCharCode(parseInt(o, 8)), next: i + 4 };
  return null;
}

/** Go strconv.Unquote for "…" and `…` literals; null on a syntax error. */
function unquote(q: string): string | null {
  if (q[0] === '`') return q.slice(1, -1).replace(/\r/g, '');
  const body = q.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; ) {
    if (body[i] === '"' || body[i] === '\n') return null;
    if (body[i] !== '\\') {
      out += body[i++];
      continue;
    }
    const r = readEscape(body, i, '"');
    if (!r) return null;
    out += r.ch;
    i = r.next;
  }
  return out;
}

function parseNumber(text: string): { value: number; isInt: boolean } | string {
  if (text[0] === "'") {
    const s = text.slice(1);
    const r = s[0] === '\\' ? readEscape(s, 0, "'") : s[0] === "'" ? null : { ch: String.fromCodePoint(s.codePointAt(0)!), next: String.fromCodePoint(s.codePointAt(0)!).length };
    if (!r) return 'invalid syntax';
    if (s.slice(r.next) !== "'") return `malformed character constant: ${text}`;
    return { value: r.ch.codePointAt(0)!, isInt: true };
  }
  const s = text.replace(/_/g, '');
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (m) {
    const body = m[2];
    let v = /^0[0-7]+$/.test(body) ? BigInt('0o' + body.slice(1)) : BigInt(body.replace(/^0[oO]/, '0o'));
    if (m[1] === '-') v = -v;
    if (v >= 2n ** 63n || v < -(2n ** 63n)) return `integer overflow: ${goQuote(text)}`;
    return { value: Number(v), isInt: true };
  }
  if (/^[+-]?[0-9]+$/.test(s)) return `integer overflow: ${goQuote(text)}`; // e.g. 08: Go's ParseFloat alone accepts it
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) {
    const value = Number(s);
    return { value, isInt: Number.isInteger(value) && Math.abs(value) < 2 ** 63 };
  }
  return `illegal number syntax: ${goQuote(text)}`;
}

const OPERAND_START = new Set<TokType>(['bool', 'charConst', 'dot', 'field', 'identifier', 'number', 'nil', 'rawString', 'string', 'variable', 'leftParen']);

class Parser {
  private toks: Token[];
  private i = 0;
  private fetched = 0;
  private vars = ['$'];
  private rangeDepth = 0;
  private actionLine = 0;

  constructor(src: string, private hasFunction: (name: string) => boolean) {
    this.toks = lex(src);
  }

  private errorf(msg: string): never {
    throw new TemplateError(`template: :${this.toks[this.fetched].line}: ${msg}`);
  }
  private next(): Token {
    const idx = Math.min(this.i, this.toks.length - 1);
    this.fetched = Math.max(this.fetched, idx);
    this.i = idx + 1;
    return this.toks[idx];
  }
  private backup(): void {
    this.i--;
  }
  private peek(): Token {
    const t = this.next();
    this.backup();
    return t;
  }
  private nextNonSpace(): Token {
    let t = this.next();
    while (t.typ === 'space') t = this.next();
    return t;
  }
  private peekNonSpace(): Token {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }
  private expect(typ: TokType, context: string): Token {
    const t = this.nextNonSpace();
    if (t.typ !== typ) this.unexpected(t, context);
    return t;
  }
  private unexpected(t: Token, context: string): never {
    if (t.typ === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== t.line) {
        extra = ` in action started at :${this.actionLine}`;
        if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length); // not "action in action"
      }
      this.errorf(t.val + extra);
    }
    this.errorf(`unexpected ${tokenString(t)} in ${context}`);
  }

  parse(): Node[] {
    const root: Node[] = [];
    while (this.peek().typ !== 'eof') {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return this.errorf(`unexpected ${nodeString(n)}`);
      root.push(n);
    }
    return root;
  }

  private itemList(): [Node[], Marker] {
    const list: Node[] = [];
    while (this.peekNonSpace().typ !== 'eof') {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node | Marker {
    const t = this.nextNonSpace();
    if (t.typ === 'text') return { type: 'text', pos: t.pos, text: t.val };
    if (t.typ === 'leftDelim') {
      this.actionLine = t.line;
      try {
        return this.action();
      } finally {
        this.actionLine = 0;
      }
    }
    this.unexpected(t, 'input');
  }

  private action(): Node | Marker {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case 'else': {
        const p = this.peekNonSpace();
        if (p.typ === 'if' || p.typ === 'with') return { type: 'else', pos: p.pos };
        return { type: 'else', pos: this.expect('rightDelim', 'else').pos };
      }
      case 'end':
        return { type: 'end', pos: this.expect('rightDelim', 'end').pos };
      case 'if': case 'range': case 'with':
        return this.control(t.typ);
      case 'break': case 'continue': {
        const n = this.nextNonSpace();
        if (n.typ !== 'rightDelim') this.unexpected(n, `{{${t.typ}}}`);
        if (this.rangeDepth === 0) this.errorf(`{{${t.typ}}} outside {{range}}`);
        return { type: t.typ, pos: t.pos };
      }
      case 'block': case 'define': case 'template':
        this.errorf(`{{${t.typ}}} is not supported`);
    }
    this.backup();
    return { type: 'action', pos: this.peek().pos, pipe: this.pipeline('command', 'rightDelim') };
  }

  private control(context: 'if' | 'range' | 'with'): ControlNode {
    const nvars = this.vars.length;
    const pipe = this.pipeline(context, 'rightDelim');
    if (context === 'range') this.rangeDepth++;
    const [list, next] = this.itemList();
    if (context === 'range') this.rangeDepth--;
    let elseList: Node[] | null = null;
    if (next.type === 'else') {
      const p = this.peek().typ;
      if ((context === 'if' && p === 'if') || (context === 'with' && p === 'with')) {
        this.next(); // {{else if …}} is {{else}}{{if …}}…{{end}} sharing the outer {{end}}
        elseList = [this.control(context)];
      } else {
        const [l, end] = this.itemList();
        if (end.type !== 'end') this.errorf(`expected end; found ${nodeString(end)}`);
        elseList = l;
      }
    }
    this.vars.length = nvars;
    return { type: context, pos: pipe.pos, pipe, list, elseList };
  }

  private pipeline(context: string, end: TokType): PipeNode {
    const pipe: PipeNode = { type: 'pipe', pos: this.peekNonSpace().pos, isAssign: false, decl: [], cmds: [] };
    for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== 'variable') break;
      const mark = this.i;
      this.next();
      const n = this.peekNonSpace();
      if (n.typ === 'assign' || n.typ === 'declare') {
        pipe.isAssign = n.typ === 'assign';
        this.nextNonSpace();
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: v.val.split('.') });
        this.vars.push(v.val);
      } else if (n.typ === 'char' && n.val === ',') {
        this.nextNonSpace();
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: v.val.split('.') });
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.peekNonSpace().typ;
          if (p === 'variable' || p === 'rightDelim' || p === 'rightParen') continue;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else this.i = mark;
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      if (t.typ === end) {
        if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
        pipe.cmds.slice(1).forEach((c, i) => {
          if (['bool', 'dot', 'nil', 'number', 'string'].includes(c.args[0].type)) this.errorf(`non executable command in pipeline stage ${i + 2}`);
        });
        return pipe;
      }
      if (!OPERAND_START.has(t.typ)) this.unexpected(t, context);
      this.backup();
      pipe.cmds.push(this.command());
    }
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const t = this.next();
      if (t.typ === 'space') continue;
      if (t.typ === 'rightDelim' || t.typ === 'rightParen') this.backup();
      else if (t.typ !== 'pipe') this.unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): ArgNode | null {
    const node = this.term();
    if (!node || this.peek().typ !== 'field') return node;
    const pos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().typ === 'field') fields.push(this.next().val.slice(1));
    switch (node.type) {
      case 'field': return { type: 'field', pos, ident: [...node.ident, ...fields] };
      case 'variable': return { type: 'variable', pos, ident: [...node.ident, ...fields] };
      case 'bool': case 'string': case 'number': case 'nil': case 'dot':
        this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
    }
    return { type: 'chain', pos, node, field: fields };
  }

  private term(): ArgNode | null {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case 'identifier':
        if (!this.hasFunction(t.val)) this.errorf(`function ${goQuote(t.val)} not defined`);
        return { type: 'identifier', pos: t.pos, name: t.val };
      case 'dot': case 'nil': return { type: t.typ, pos: t.pos };
      case 'variable': {
        const ident = t.val.split('.');
        if (!this.vars.includes(ident[0])) this.errorf(`undefined variable ${goQuote(ident[0])}`);
        return { type: 'variable', pos: t.pos, ident };
      }
      case 'field': return { type: 'field', pos: t.pos, ident: [t.val.slice(1)] };
      case 'bool': return { type: 'bool', pos: t.pos, value: t.val === 'true' };
      case 'charConst': case 'number': {
        const n = parseNumber(t.val);
        if (typeof n === 'string') this.errorf(n);
        return { type: 'number', pos: t.pos, text: t.val, ...n };
      }
      case 'leftParen':
        return this.pipeline('parenthesized pipeline', 'rightParen');
      case 'string': case 'rawString': {
        const text = unquote(t.val);
        if (text === null) this.errorf('invalid syntax');
        return { type: 'string', pos: t.pos, quoted: t.val, text };
      }
    }
    this.backup();
    return null;
  }
}

/** Parses template source; `hasFunction` tells which identifiers are functions. Throws TemplateError. */
export function parse(src: string, hasFunction: (name: string) => boolean): Node[] {
  return new Parser(src, hasFunction).parse();
}
