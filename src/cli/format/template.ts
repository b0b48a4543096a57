// Go text/template for docker --format/-f: parseTemplate → Template.execute, plus docker/cli's format handling.
// docker/cli: templates/templates.go (funcs), cli/command/formatter/formatter.go (table/json/escapes, Context.Write)
import { tabwriteText } from './index';
import { Exec } from './template-exec';
import { BUILTINS, DOCKER_FUNCS, HEADER_FUNCS } from './template-funcs';
import { parse, TemplateError, type Node } from './template-parse';

export { TemplateError };
export { GoNil, NIL_MAP, NIL_PTR, NIL_SLICE, goStruct, goStructProto } from './format-go';

const FUNCS = { ...BUILTINS, ...DOCKER_FUNCS };
const HEADER = { ...FUNCS, ...HEADER_FUNCS };

export interface ExecuteOptions {
  /** Use docker's HeaderFunctions (json/join/upper/… return their argument), as for table headers. */
  header?: boolean;
  /** Go's `missingkey=error` option: a missing map key is an error (docker inspect's raw-JSON fallback uses it). */
  missingKey?: 'default' | 'error';
  /** The data is decoded JSON (`any`): a JSON null is a nil interface, which a pipeline prints as `<no value>`. */
  rawJSON?: boolean;
}

/** Thrown by Template.execute: `partial` holds what was written before the error (Go keeps it too). */
export class TemplateExecError extends TemplateError {
  constructor(message: string, readonly partial: string) {
    super(message);
  }
}

export class Template {
  /** The template as text and field names, when it is only text and `{{.Field}}` actions (most --format columns). */
  private readonly flat: readonly (string | { field: string })[] | null;

  constructor(readonly source: string, private readonly root: Node[]) {
    this.flat = flatten(root);
  }

  /** Runs the template on JSON-ish data. Throws TemplateExecError with Go's `template: :L:C: executing …` text. */
  execute(data: unknown, opts: ExecuteOptions = {}): string {
    // text and string fields: what the template prints is the text with each field's string (anything else, or a
    // missing field, goes through the interpreter for its formatting and errors)
    if (this.flat && !opts.header && !opts.rawJSON && typeof data === 'object' && data !== null && !Array.isArray(data)) {
      let out = '';
      for (const part of this.flat) {
        if (typeof part === 'string') out += part;
        else {
          const v = Object.hasOwn(data, part.field) ? (data as Record<string, unknown>)[part.field] : undefined;
          if (typeof v !== 'string') return this.interpret(data, opts);
          out += v;
        }
      }
      return out;
    }
    return this.interpret(data, opts);
  }

  private interpret(data: unknown, opts: ExecuteOptions): string {
    const exec = new Exec(this.source, opts.header ? HEADER : FUNCS, data, opts.missingKey === 'error', opts.rawJSON);
    try {
      return exec.run(this.root);
    } catch (e) {
      if (e instanceof TemplateError) throw new TemplateExecError(e.message, exec.out);
      throw e;
    }
  }
}

/** A template of text and single `{{.Field}}` actions as its parts, or null. */
function flatten(root: Node[]): (string | { field: string })[] | null {
  const parts: (string | { field: string })[] = [];
  for (const n of root) {
    if (n.type === 'text') parts.push(n.text);
    else if (n.type === 'action' && !n.pipe.decl.length && !n.pipe.isAssign && n.pipe.cmds.length === 1 && n.pipe.cmds[0].args.length === 1) {
      const a = n.pipe.cmds[0].args[0];
      if (a.type !== 'field' || a.ident.length !== 1) return null;
      parts.push({ field: a.ident[0] });
    } else return null;
  }
  return parts;
}

/** Parses Go template text with Go's and docker's functions. Throws TemplateError (`template: :1: unclosed action`). */
export function parseTemplate(src: string): Template {
  return new Template(src, parse(src, (name) => Object.hasOwn(FUNCS, name)));
}

export interface PreparedFormat {
  /** `table …` format: print a header and align columns with the tabwriter. */
  table: boolean;
  /** The Go template text to parse. */
  template: string;
}

/**
 * docker/cli formatter preFormat: `table` prefix (rest trimmed of spaces), bare `json` → `{{json .}}`,
 * literal `\t` / `\n` turned into tab / newline. A bare `table` (or empty format) takes `defaultTableFormat`.
 */
export function prepareFormat(format: string, defaultTableFormat?: string): PreparedFormat {
  if ((format === '' || format === 'table') && defaultTableFormat !== undefined) format = defaultTableFormat;
  const table = format.startsWith('table');
  let t = table ? format.slice('table'.length) : format === 'json' ? '{{json .}}' : format;
  t = t.replace(/^ +| +$/g, '').replace(/\\[tn]/g, (m) => (m === '\\t' ? '\t' : '\n'));
  return { table, template: t };
}

/**
 * Which fields a format may read (for list commands whose columns cost something to work out): a name is read when
 * it appears in the template as a word; a template that uses the whole dot (`{{json .}}`, `{{.}}`, `$`, `with .`)
 * may read every field.
 */
export function fieldsRead(format: string, defaultTableFormat?: string): (name: string) => boolean {
  return templateReads(prepareFormat(format, defaultTableFormat).template);
}

/** Which fields a Go template may read (see fieldsRead). */
export function templateReads(t: string): (name: string) => boolean {
  if (/\.(?![A-Za-z_])|\$(?![A-Za-z_.])/.test(t)) return () => true;
  const words = new Set(t.match(/[A-Za-z_]\w*/g) ?? []);
  return (name) => words.has(name);
}

export interface RenderOptions {
  /** Template used for a bare `table` or empty format, e.g. `table {{.ID}}\t{{.Image}}`. */
  defaultTableFormat?: string;
  /** Header data for table mode: field name → column title (`{ID: 'CONTAINER ID', …}`). */
  header?: unknown;
}

/**
 * docker/cli formatter.Context.Write: one template execution per item, each followed by '\n'; in table mode the
 * header (rendered with HeaderFunctions) comes first and everything goes through the tabwriter (minwidth 10,
 * padding 3). Errors are wrapped like docker: `template parsing error: template: :1: …` and nothing is printed.
 */
export function renderFormat(format: string, items: readonly unknown[], opts: RenderOptions = {}): string {
  const p = prepareFormat(format, opts.defaultTableFormat);
  const wrap = (e: unknown): never => {
    if (e instanceof TemplateError) throw new TemplateError(`template parsing error: ${e.message}`);
    throw e;
  };
  let tmpl: Template | undefined;
  try {
    tmpl = parseTemplate(p.template);
  } catch (e) {
    wrap(e);
  }
  let rows = '';
  for (const item of items) {
    try {
      rows += tmpl!.execute(item) + '\n';
    } catch (e) {
      wrap(e);
    }
  }
  if (!p.table) return rows;
  let head: string;
  try {
    head = tmpl!.execute(opts.header ?? {}, { header: true });
  } catch (e) {
    head = e instanceof TemplateExecError ? e.partial : wrap(e); // docker ignores header errors
  }
  return tabwriteText(head + '\n' + rows);
}
