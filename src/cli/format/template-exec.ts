// Go text/template executor (exec.go) over JSON-ish data: fields, variables, pipelines, if/with/range and calls.
import { GoNil, goQuote, goTypeName, isInt, isObject, sortedKeys, structType, utf8Len } from './format-go';
import { sprintValue } from './format-printf';
import { isJsonOnly } from './go-values';
import { truth, type FuncDef, type ParamType } from './template-funcs';
import {
  nodeString, TemplateError, type ArgNode, type ChainNode, type CommandNode, type ControlNode, type FieldNode,
  type IdentifierNode, type Node, type PipeNode, type VariableNode,
} from './template-parse';

const MISSING = Symbol('missing'); // "no final value from a previous pipeline stage"
const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');
type AnyNode = Node | ArgNode | CommandNode;
type Method = (...args: unknown[]) => unknown;

/** Bounds on one execution (Go has none; a browser tab must): characters written, and range iterations. */
export const TEMPLATE_LIMITS = { output: 4 * 1024 * 1024, iterations: 1_000_000 } as const;

const GO_PARAM: Record<ParamType, string> = { any: 'interface {}', value: 'reflect.Value', string: 'string', int: 'int', bool: 'bool', '[]string': '[]string' };

export class Exec {
  out = '';
  private iterations = 0;
  private node: AnyNode | null = null;
  private vars: { name: string; value: unknown }[];

  constructor(private src: string, private funcs: Record<string, FuncDef>, data: unknown, private missingKeyError = false, private rawJSON = false) {
    this.vars = [{ name: '$', value: data === null ? undefined : data }]; // Go: reflect.ValueOf(nil) is invalid
  }

  run(root: Node[]): string {
    this.walkList(this.vars[0].value, root);
    return this.out;
  }

  private at(n: AnyNode): void {
    this.node = n;
  }

  private errorf(msg: string): never {
    const n = this.node;
    if (!n) throw new TemplateError(`template: : ${msg}`);
    const before = this.src.slice(0, n.pos);
    const nl = before.lastIndexOf('\n');
    const col = utf8Len(nl < 0 ? before : before.slice(nl + 1));
    throw new TemplateError(`template: :${before.split('\n').length}:${col}: executing "" at <${nodeString(n)}>: ${msg}`);
  }

  private walkList(dot: unknown, list: Node[]): void {
    for (const n of list) this.walk(dot, n);
  }

  private walk(dot: unknown, node: Node): void {
    this.at(node);
    switch (node.type) {
      case 'text':
        return this.write(node.text);
      case 'action': {
        const v = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) {
          this.at(node);
          this.write(v === undefined || (v === null && this.rawJSON) ? '<no value>' : sprintValue(v, true));
        }
        return;
      }
      case 'if':
      case 'with':
        return this.walkIfOrWith(dot, node);
      case 'range':
        return this.walkRange(dot, node);
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
    }
  }

  private write(text: string): void {
    this.out += text;
    if (this.out.length > TEMPLATE_LIMITS.output) this.errorf(`output exceeds ${TEMPLATE_LIMITS.output} bytes (the simulator's limit)`);
  }

  private walkIfOrWith(dot: unknown, node: ControlNode): void {
    const mark = this.vars.length;
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (truth(val)) this.walkList(node.type === 'with' ? val : dot, node.list);
      else if (node.elseList) this.walkList(dot, node.elseList);
    } finally {
      this.vars.length = mark;
    }
  }

  private walkRange(dot: unknown, r: ControlNode): void {
    this.at(r);
    const mark = this.vars.length;
    const { decl, isAssign } = r.pipe;
    try {
      const val = this.evalPipeline(dot, r.pipe);
      const bodyMark = this.vars.length;
      const one = (index: unknown, elem: unknown) => {
        if (++this.iterations > TEMPLATE_LIMITS.iterations) {
          this.at(r);
          this.errorf(`range exceeds ${TEMPLATE_LIMITS.iterations} iterations (the simulator's limit)`);
        }
        if (decl.length > 0) {
          if (isAssign) this.setVar(decl[0].ident[0], decl.length > 1 ? index : elem);
          else this.vars[this.vars.length - 1].value = elem;
        }
        if (decl.length > 1) {
          if (isAssign) this.setVar(decl[1].ident[0], elem);
          else this.vars[this.vars.length - 2].value = index;
        }
        try {
          this.walkList(elem, r.list);
        } catch (e) {
          if (e !== CONTINUE) throw e;
        } finally {
          this.vars.length = bodyMark;
        }
      };
      let ran = false;
      try {
        if (Array.isArray(val)) {
          val.forEach((e, i) => one(i, e));
          ran = val.length > 0;
        } else if (isObject(val) && !structType(val)) {
          const keys = sortedKeys(val);
          keys.forEach((k) => one(k, val[k]));
          ran = keys.length > 0;
        } else if (isInt(val)) {
          if (decl.length > 1) this.errorf(`can't use ${sprintValue(val)} to iterate over more than one variable`);
          for (let i = 0; i < Number(val); i++) one(i, i);
          ran = Number(val) > 0;
        } else if (!(val === undefined || val === null || val instanceof GoNil)) {
          this.errorf(`range can't iterate over ${sprintValue(val)}`);
        }
      } catch (e) {
        if (e === BREAK) return;
        throw e;
      }
      if (!ran && r.elseList) this.walkList(dot, r.elseList);
    } finally {
      this.vars.length = mark;
    }
  }

  private setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private varValue(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i].value;
    return this.errorf(`undefined variable: ${name}`);
  }

  private evalPipeline(dot: unknown, pipe: PipeNode): unknown {
    this.at(pipe);
    let value: unknown = MISSING;
    for (const cmd of pipe.cmds) value = this.evalCommand(dot, cmd, value);
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0], value);
      else this.vars.push({ name: v.ident[0], value });
    }
    return value;
  }

  private notAFunction(args: ArgNode[] | null, final: unknown): void {
    if (args && (args.length > 1 || final !== MISSING)) this.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
  }

  private evalCommand(dot: unknown, cmd: CommandNode, final: unknown): unknown {
    const first = cmd.args[0];
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return first.value;
      case 'string':
        return first.text;
    }
  }

  private evalFieldNode(dot: unknown, field: FieldNode, args: ArgNode[] | null, final: unknown): unknown {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  private evalChainNode(dot: unknown, chain: ChainNode, args: ArgNode[] | null, final: unknown): unknown {
    this.at(chain);
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, 'value', chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  private evalVariableNode(dot: unknown, v: VariableNode, args: ArgNode[] | null, final: unknown): unknown {
    this.at(v);
    const value = this.varValue(v.ident[0]);
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(dot: unknown, receiver: unknown, node: AnyNode, ident: string[], args: ArgNode[] | null, final: unknown): unknown {
    for (let i = 0; i < ident.length - 1; i++) receiver = this.evalField(dot, ident[i], node, null, MISSING, receiver);
    return this.evalField(dot, ident[ident.length - 1], node, args, final, receiver);
  }

  private evalField(dot: unknown, name: string, node: AnyNode, args: ArgNode[] | null, final: unknown, receiver: unknown): unknown {
    if (receiver === undefined) {
      if (this.missingKeyError) this.errorf(`nil data; no entry for key ${goQuote(name)}`);
      return undefined;
    }
    const hasArgs = (args?.length ?? 0) > 1 || final !== MISSING;
    if (receiver === null || (receiver instanceof GoNil && receiver.kind === 'pointer')) {
      this.errorf(`nil pointer evaluating ${goTypeName(receiver)}.${name}`);
    }
    if (isObject(receiver) || (receiver instanceof GoNil && receiver.kind === 'map')) {
      // a typed struct answers to its Go field names only (`DNS`, not the JSON key `Dns`)
      const has = isObject(receiver) && Object.hasOwn(receiver, name) && !isJsonOnly(receiver, name);
      const v = has ? (receiver as Record<string, unknown>)[name] : undefined;
      if (typeof v === 'function') {
        const method = (v as Method).bind(receiver);
        return this.evalCall(dot, { params: Array<ParamType>(v.length).fill('any'), fn: method }, node, name, args, final);
      }
      const st = structType(receiver);
      if (st && !has) this.errorf(`can't evaluate field ${name} in type ${st}`);
      if (hasArgs) this.errorf(st ? `${name} has arguments but cannot be invoked as function` : `${name} is not a method but has arguments`);
      if (!has && this.missingKeyError) this.errorf(`map has no entry for key ${goQuote(name)}`);
      return v;
    }
    return this.errorf(`can't evaluate field ${name} in type ${goTypeName(receiver)}`);
  }

  private evalFunction(dot: unknown, node: IdentifierNode, cmd: AnyNode, args: ArgNode[] | null, final: unknown): unknown {
    this.at(node);
    const def = this.funcs[node.name];
    if (!def) this.errorf(`"${node.name}" is not a defined function`);
    return this.evalCall(dot, def, cmd, node.name, args, final);
  }

  private evalCall(dot: unknown, def: FuncDef, node: AnyNode, name: string, args: ArgNode[] | null, final: unknown): unknown {
    const a = args ? args.slice(1) : [];
    const numIn = a.length + (final !== MISSING ? 1 : 0);
    const numFixed = def.variadic ? def.params.length : a.length;
    if (def.variadic) {
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${a.length}`);
    } else if (numIn !== def.params.length) {
      this.errorf(`wrong number of args for ${name}: want ${def.params.length} got ${numIn}`);
    }
    const builtin = def === this.funcs[name];
    if (builtin && (name === 'and' || name === 'or')) {
      let v: unknown;
      for (const arg of a) {
        v = this.evalArg(dot, 'value', arg);
        if (truth(v) === (name === 'or')) return v;
      }
      return final !== MISSING ? final : v;
    }
    const argv: unknown[] = [];
    let i = 0;
    for (; i < numFixed && i < a.length; i++) argv.push(this.evalArg(dot, def.params[i], a[i]));
    if (def.variadic) for (; i < a.length; i++) argv.push(this.evalArg(dot, def.variadic, a[i]));
    if (final !== MISSING) {
      let t = def.params[def.params.length - 1];
      if (def.variadic) t = numIn - 1 < numFixed ? def.params[numIn - 1] : def.variadic;
      argv.push(this.validateType(final, t));
    }
    if (builtin && name === 'call') argv.unshift(a.length ? nodeString(a[0]) : '');
    try {
      return (def.fn as (...x: unknown[]) => unknown)(...argv);
    } catch (e) {
      if (e instanceof TemplateError) throw e;
      this.at(node);
      return this.errorf(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private validateType(value: unknown, typ: ParamType): unknown {
    if (typ === 'value') return value;
    if (value === undefined) {
      if (typ === 'any') return null;
      if (typ === '[]string') return [];
      this.errorf(`invalid value; expected ${GO_PARAM[typ]}`);
    }
    const ok =
      typ === 'any' ||
      (typ === 'string' && typeof value === 'string') ||
      (typ === 'int' && isInt(value)) ||
      (typ === 'bool' && typeof value === 'boolean') ||
      (typ === '[]string' && ((Array.isArray(value) && value.every((e) => typeof e === 'string')) || (value instanceof GoNil && value.kind === 'slice')));
    if (!ok) this.errorf(`wrong type for value; expected ${GO_PARAM[typ]}; got ${goTypeName(value)}`);
    if (typ === 'int') return Number(value);
    return value instanceof GoNil && typ === '[]string' ? [] : value;
  }

  private evalArg(dot: unknown, typ: ParamType, n: ArgNode): unknown {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ === 'value') return undefined;
        if (typ === 'any') return null;
        if (typ === '[]string') return [];
        return this.errorf(`cannot assign nil to ${GO_PARAM[typ]}`);
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, null, MISSING), typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
    }
    const found = nodeString(n);
    switch (typ) {
      case 'bool':
        return n.type === 'bool' ? n.value : this.errorf(`expected bool; found ${found}`);
      case 'string':
        return n.type === 'string' ? n.text : this.errorf(`expected string; found ${found}`);
      case 'int':
        return n.type === 'number' && n.isInt ? n.value : this.errorf(`expected integer; found ${found}`);
      case '[]string':
        return this.errorf(`can't handle ${found} for arg of type []string`);
    }
    return n.type === 'bool' ? n.value : n.type === 'number' ? n.value : n.text;
  }
}
