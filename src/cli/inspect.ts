// docker/cli's inspector: print objects as an indented JSON array, or through a -f template, errors after.
// docker/cli: cli/command/inspect/inspector.go (template parse errors exit 64; missing objects exit 1)
import { StatusError, type CliContext } from './command';
import { goJSON, goJSONIndent } from './format/format-go';
import { parseTemplate, templateReads, TemplateError } from './format/template';
import { KIND_FIELDS } from './inspect-schema';

export type Lookup = (ref: string) => unknown;

/**
 * Inspect each reference; `find` throws for a missing object (its message is printed on stderr). `typed` turns the raw
 * JSON into what the Go struct holds (omitempty pointers back as null) for templates, tried before the raw map.
 */
export function inspectAll(ctx: CliContext, refs: string[], format: string, find: Lookup, typed?: (raw: Record<string, unknown>) => unknown): number {
  const found: unknown[] = [];
  const errors: string[] = [];
  let tmpl = null;
  if (format && format !== 'json') {
    try {
      tmpl = parseTemplate(format);
    } catch (e) {
      throw new StatusError(`template parsing error: ${(e as Error).message}`, 64);
    }
  }
  // inspector.go Inspect (v27.5.1:67-97): each reference in turn; a lookup error or a failed template is collected,
  // the output so far is flushed (a lone newline when nothing was written), then every error, exit 1
  let text = '';
  let read: ((name: string) => boolean) | undefined;
  for (const ref of refs) {
    let obj: unknown;
    try {
      obj = find(ref);
    } catch (e) {
      errors.push((e as Error).message);
      continue;
    }
    if (!tmpl) {
      found.push(obj);
      continue;
    }
    // the typed struct first (nil pointers such as a missing State.Health print <nil>), then the raw JSON map with
    // missingkey=error (tryRawInspectFallback); only the top-level fields the template can read are copied
    read ??= templateReads(format);
    const data = readPart(obj, read);
    const first = typed ? attempt(() => tmpl.execute(typed(JSON.parse(data)), { missingKey: 'error' })) : undefined;
    try {
      text += (first ?? tmpl.execute(JSON.parse(data), { missingKey: 'error', rawJSON: !!typed })) + '\n';
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      errors.push(`template parsing error: ${e.message}`);
    }
  }
  if (tmpl) ctx.out(text || '\n');
  else if (format === 'json') ctx.out(goJSON(found) + '\n');
  else ctx.out(found.length ? goJSONIndent(found) + '\n' : '[]\n');
  if (errors.length) {
    ctx.err(errors.join('\n') + '\n');
    return 1;
  }
  return 0;
}

/**
 * The JSON text of an object's fields a template may read (a field whose name is not a word of the template, in a
 * template that never uses the whole dot, cannot change what it prints or the errors it stops with): a network's
 * 1,000 endpoints are not copied for `{{.Name}}`. The fields that tell an object's kind (docker inspect) are kept.
 */
function readPart(obj: unknown, read: (name: string) => boolean): string {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return JSON.stringify(obj);
  const proto = Object.getPrototypeOf(obj);
  if (proto !== null && proto !== Object.prototype) return JSON.stringify(obj);
  const part: Record<string, unknown> = {};
  for (const k of Object.keys(obj)) if (read(k) || KIND_FIELDS.includes(k)) Object.defineProperty(part, k, { value: (obj as Record<string, unknown>)[k], enumerable: true });
  return JSON.stringify(part);
}

/** A template execution, or undefined when it failed (the caller falls back to the raw map). */
function attempt(run: () => string): string | undefined {
  try {
    return run();
  } catch (e) {
    if (e instanceof TemplateError) return undefined;
    throw e;
  }
}
