// BuildKit progress as the terminal shows it: the TTY display's final frame and the plain printer.
// docker/cli: cli/command/image/build.go via buildx; moby/buildkit: util/progress/progressui/{display.go,printer.go}
import type { BuildJob, LintWarning, Vertex } from '../../engine/index';

/** tonistiigi/units Bytes `%.2f`: `91B`, `1.64kB`, `29.13MB`. */
export function unitBytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  let i = 0;
  let base = 1;
  while (n >= base * 1000 && i < units.length - 1) {
    base *= 1000;
    i++;
  }
  return i === 0 ? `${n}B` : `${(n / base).toFixed(2)}${units[i]}`;
}

const secs = (ms: number) => ms / 1000;

/** display.go align(): `l` padded so that ` r` ends at column w-1 (Go counts the newline in r). */
function align(l: string, r: string, w: number): string {
  return l.padEnd(w - (r.length + 1) - 1) + ' ' + r;
}

interface Job {
  name: string;
  dt: number;
  status: string;
}

function jobs(v: Vertex, warnings: LintWarning[]): Job[] {
  let name = v.name.replace(/\t/g, ' ');
  if (v.error) name = 'ERROR ' + name;
  if (v.cached) name = 'CACHED ' + name;
  const out: Job[] = [{ name, dt: v.end - v.start, status: '' }];
  for (const st of v.statuses) {
    const status = st.total ? `${unitBytes(st.current ?? 0)} / ${unitBytes(st.total)}` : st.current ? unitBytes(st.current) : '';
    out.push({ name: '=> ' + st.id, dt: st.end - st.start, status });
  }
  for (const w of warnings) out.push({ name: `WARN: ${w.rule}: ${w.message} (line ${w.line})`, dt: v.end - v.start, status: '' });
  return out;
}

/** The vertices in the order the display lists them (by start time). */
function ordered(job: BuildJob): Vertex[] {
  return job.vertices.map((v, i) => [v, i] as const).sort((a, b) => a[0].start - b[0].start || a[1] - b[1]).map(([v]) => v);
}

/** The TTY display's last frame (what stays on screen): header, one ` => ` line per vertex and status. */
export function ttyFrame(job: BuildJob, width: number, desc = 'docker:default'): string {
  const vs = ordered(job);
  const start = Math.min(...vs.map((v) => v.start));
  const end = Math.max(...vs.map((v) => v.end));
  let head = `[+] Building ${secs(end - start).toFixed(1)}s (${vs.length}/${vs.length}) FINISHED`;
  head = (head.padEnd(width - 1 - desc.length - 1) + ' ' + desc).slice(0, width);
  let out = head + '\n';
  for (const v of vs) {
    const isDef = v === job.vertices[0];
    for (const j of jobs(v, isDef ? job.warnings : [])) {
      let dt = secs(j.dt);
      if (dt < 0.05) dt = 0;
      const timer = ` ${dt.toFixed(1)}s`;
      let left = width - 4 - (timer.length + 1) - 1;
      let showStatus = false;
      if (j.status && left + j.status.length > 20) {
        showStatus = true;
        left -= j.status.length + 1;
      }
      if (left < 12) continue;
      let line = ' => ' + j.name.slice(0, left);
      if (showStatus) line += ' ' + j.status;
      out += align(line, timer, width) + '\n';
    }
  }
  return out;
}

/** printer.go: `#n name`, statuses, timed log lines, `#n DONE 0.3s` / `#n CACHED` / `#n ERROR: …`. */
export function plainProgress(job: BuildJob): string {
  const vs = ordered(job);
  const num = new Map(vs.map((v, i) => [v, i + 1]));
  let out = '#0 building with "default" instance using docker driver\n';
  const block = (v: Vertex) => {
    const n = num.get(v)!;
    let s = `\n#${n} ${v.name}\n`;
    for (const st of v.statuses) {
      const bytes = st.total ? ` ${unitBytes(st.current ?? 0)} / ${unitBytes(st.total)}` : st.current ? ` ${unitBytes(st.current)}` : '';
      const tm = st.end - st.start > 10 ? ` ${secs(st.end - st.start).toFixed(1)}s` : '';
      s += `#${n} ${st.id}${bytes}${tm} done\n`;
    }
    for (const l of v.logs) s += `#${n} ${logTime(l.t)} ${l.text}\n`;
    if (v.error) s += `#${n} ERROR: ${v.error}\n`;
    else if (v.cached) s += `#${n} CACHED\n`;
    else s += `#${n} DONE ${secs(v.end - v.start).toFixed(1)}s\n`;
    return s;
  };
  // a vertex that starts and ends while another is running interrupts it (`#2 ...`), as the printer does
  const byEnd = [...vs].sort((a, b) => a.end - b.end || num.get(a)! - num.get(b)!);
  for (const v of byEnd) {
    const outer = vs.find((o) => o !== v && o.start < v.start && o.end > v.end);
    if (outer) out += `\n#${num.get(outer)} ${outer.name}\n#${num.get(outer)} ...\n`;
    out += block(v);
  }
  return out;
}

export function logTime(ms: number): string {
  const s = secs(ms);
  return s.toFixed(s < 10 ? 3 : s < 100 ? 2 : 1);
}
