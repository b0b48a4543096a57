// How a failed BuildKit build ends on screen: failed steps' logs, lint warnings, the Dockerfile excerpt.
// docker/cli: cli/command/image/build.go via buildx commands/build.go (printWarnings, errdefs.Source.Print); moby/buildkit progressui printErrorLogs
import type { BuildJob, LintWarning } from '../../engine/index';
import { logTime } from './build-progress';

/** The `------ > name: … ------` blocks of vertices that failed, with their last log lines. */
export function errorLogs(job: BuildJob): string {
  let out = '';
  for (const v of [...job.vertices].sort((a, b) => a.start - b.start)) {
    if (!v.error) continue;
    out += `------\n > ${v.name}:\n`;
    for (const l of v.logs) out += `${logTime(l.t)} ${l.text}\n`;
    out += '------\n';
  }
  return out;
}

/** buildx printWarnings: a blank line, ` N warnings found (use docker --debug to expand):`, ` - Rule: msg (line n)`. */
export function warningsText(warnings: LintWarning[]): string {
  if (!warnings.length) return '';
  let out = `\n ${warnings.length === 1 ? '1 warning found' : `${warnings.length} warnings found`} (use docker --debug to expand):\n`;
  for (const w of warnings) out += ` - ${w.rule}: ${w.message} (line ${w.line})\n`;
  return out;
}

/** errdefs.Source.Print: the Dockerfile lines around an error, the failing ones marked `>>>`. */
export function sourceExcerpt(filename: string, source: string, line: number, endLine = line): string {
  const lines = source.split('\n');
  let start = line;
  let end = Math.min(endLine < line ? line : endLine, lines.length);
  if (start > lines.length || start < 1) return '';
  const pad = end === start ? 4 : 2;
  const first = start;
  for (let p = 0; p < pad; ) {
    if (start > 1) {
      start--;
      p++;
    }
    if (end !== lines.length) {
      end++;
      p++;
    }
    p++;
  }
  let out = `${filename}:${first}\n--------------------\n`;
  for (let i = start; i <= end; i++) out += ` ${String(i).padStart(3)} | ${i >= line && i <= Math.max(line, endLine) ? '>>>' : '   '} ${lines[i - 1]}\n`;
  return out + '--------------------\n';
}
