// docker/cli's inspector: print objects as an indented JSON array, or through a -f template, errors after.
// docker/cli: cli/command/inspect/inspector.go (template parse errors exit 64; missing objects exit 1)
import { StatusError, type CliContext } from './command';
import { goJSON, goJSONIndent } from './format-go';
import { parseTemplate, TemplateError } from './template';

export type Lookup = (ref: string) => unknown;

/** Inspect each reference; `find` throws for a missing object (its message is printed on stderr). */
export function inspectAll(ctx: CliContext, refs: string[], format: string, find: Lookup): number {
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
  for (const ref of refs) {
    try {
      found.push(find(ref));
    } catch (e) {
      errors.push((e as Error).message);
    }
  }
  if (tmpl) {
    for (const obj of found) {
      try {
        ctx.out(tmpl.execute(JSON.parse(JSON.stringify(obj)), { missingKey: 'error' }) + '\n');
      } catch (e) {
        if (e instanceof TemplateError) throw new StatusError(e.message, 1);
        throw e;
      }
    }
  } else if (format === 'json') ctx.out(goJSON(found) + '\n');
  else ctx.out(found.length ? goJSONIndent(found) + '\n' : '[]\n');
  if (errors.length) {
    ctx.err(errors.join('\n') + '\n');
    return 1;
  }
  return 0;
}
