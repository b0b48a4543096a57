// One PHP run (its own chunk, loaded on first use): a script or `php -r` code with $argv, STDIN/STDOUT/STDERR, and
// php-cli's error output; or one web request (php -S, Apache's mod_php) with $_GET, $_POST, $_SERVER and headers.
// Messages follow php-src: main/main.c php_error_cb ("%s\n%s: %s in %s on line %d\n%s" on stdout when display_errors
// is on, "PHP %s:  %s in %s on line %d" to the log when log_errors is on; the image has no php.ini, so log_errors is
// off) and Zend/zend_exceptions.c ("Uncaught %s\n  thrown", the trace from Throwable::__toString).
import { ExitNow, Fatal, Forever, Ref, throwableString, Thrown } from './php-core';
import { Interp, type Host } from './php-interp';
import { EXPR_OPS } from './php-eval';
import { PhpParseError } from './php-lex';
import { nativeClasses, phpLib } from './php-lib-sys';
import { PArr, PObj, resetIds, type Val } from './php-value';
import { Miss, type SyncFiles } from './files';

export interface PhpRequest { method: string; url: string; headers: Record<string, string>; body?: string; client: string; port: number; docroot: string; script: string; server: 'cli-server' | 'apache' }

export interface PhpRunSpec {
  code: string;
  /** the script's path, or "Command line code" for -r */
  file: string;
  /** `php -r`: the code has no opening tag */
  isCode: boolean;
  argv: string[];
  cwd: string;
  env: Record<string, string>;
  version: string;
  hostname: string;
  start: number;
  stdin: string;
  files: SyncFiles;
  sleep(ms: number): void;
  logErrors: boolean;
  displayErrors: boolean;
  /** the loaded extensions (php -m) */
  extensions?: string[];
  request?: PhpRequest;
  /** one input at `php -a`'s prompt: the inputs before it are run again first, silently (each as "php shell code") */
  repl?: { before: string[]; input: string };
}

export interface PhpResult { stdout: string; stderr: string; exitCode: number; forever?: boolean; status: number; headers: [string, string][]; fatal?: string; returnedFalse?: boolean; exited?: boolean }

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#039;');

export function runPhp(spec: PhpRunSpec): PhpResult {
  let stdout = '';
  let stderr = '';
  let elapsed = 0;
  const req = spec.request;
  const html = !!req; // html_errors is on outside the CLI
  const host: Host = {
    write: (s) => (stdout += s), err: (s) => (stderr += s), files: spec.files, cwd: spec.cwd, env: { ...spec.env }, version: spec.version, now: () => spec.start + elapsed,
    sleep: (ms) => { elapsed += ms; spec.sleep(ms); if (elapsed > 15 * 60 * 1000) throw new Forever(); }, logErrors: spec.logErrors, displayErrors: spec.displayErrors, extensions: spec.extensions ?? ['Core', 'date', 'json', 'pcre', 'standard'], argv: spec.argv, hostname: spec.hostname, stdin: spec.stdin,
    sapi: req ? (req.server === 'apache' ? 'apache2handler' : 'cli-server') : 'cli',
  };
  resetIds(); // object handles (#1 in var_dump) count from 1 in each request
  const it = new Interp(host, phpLib(spec.version, host.sapi), EXPR_OPS);
  nativeClasses(it);
  if (html) {
    it.warn = function (msg: string, kind = 'Warning') {
      this.lastError = { type: 2, message: msg, file: this.file, line: this.line };
      if (!this.silence && spec.displayErrors) this.echo(`<br />\n<b>${kind}</b>:  ${msg} in <b>${this.file}</b> on line <b>${this.line}</b><br />\n`);
    };
  }
  const g = it.globals.vars;
  const set = (k: string, v: Val) => g.set(k, new Ref(v));
  for (const [name, path] of [['STDIN', 'php://stdin'], ['STDOUT', 'php://stdout'], ['STDERR', 'php://stderr']]) { const o = new PObj(it.cls('stdClass')); o.props.set('__stream', path); it.constants.set(name, o); }
  resetIds(); // (the streams are resources in PHP, not objects)
  const env = PArr.from(Object.entries(spec.env));
  const time = Math.floor(spec.start / 1000);
  if (req) {
    const [path, query = ''] = req.url.split('?');
    const pairs = (q: string) => PArr.from(q.split('&').filter(Boolean).map((kv) => { const [k, v = ''] = kv.split('='); const d = (x: string) => decodeURIComponent(x.replace(/\+/g, ' ')); return [d(k), d(v)] as [string, Val]; }));
    const type = req.headers['content-type'] ?? '';
    const post = req.method === 'POST' && /^application\/x-www-form-urlencoded/i.test(type) ? pairs(req.body ?? '') : new PArr();
    const server = PArr.from([
      ...(req.server === 'apache' ? Object.entries(spec.env) : []),
      ['DOCUMENT_ROOT', req.docroot], ['REMOTE_ADDR', req.client], ['REMOTE_PORT', '41234'], ['SERVER_SOFTWARE', req.server === 'apache' ? 'Apache/2.4.62 (Debian)' : `PHP ${spec.version} Development Server`],
      ['SERVER_PROTOCOL', 'HTTP/1.1'], ['SERVER_NAME', req.server === 'apache' ? (req.headers.host ?? 'localhost').split(':')[0] : '0.0.0.0'], ['SERVER_PORT', String(req.port)], ['REQUEST_URI', req.url], ['REQUEST_METHOD', req.method],
      ['SCRIPT_NAME', req.script.slice(req.docroot.replace(/\/$/, '').length)], ['SCRIPT_FILENAME', req.script], ['PHP_SELF', req.script.slice(req.docroot.replace(/\/$/, '').length)], ['QUERY_STRING', query],
      ...Object.entries(req.headers).map(([k, v]) => [`HTTP_${k.toUpperCase().replace(/-/g, '_')}`, v] as [string, Val]), ['REQUEST_TIME_FLOAT', time], ['REQUEST_TIME', time],
    ] as [string, Val][]);
    void path;
    set('_SERVER', server);
    set('_GET', pairs(query));
    set('_POST', post);
    set('_REQUEST', PArr.from([...pairs(query).m, ...post.m]));
    set('_COOKIE', PArr.from((req.headers.cookie ?? '').split(/;\s*/).filter(Boolean).map((c) => c.split('=') as [string, Val])));
    it.constants.set('__INPUT', req.body ?? '');
    it.headers = [['X-Powered-By', `PHP/${spec.version}`]];
  } else {
    const argv = PArr.of(spec.argv);
    set('argv', argv);
    set('argc', spec.argv.length);
    set('_SERVER', PArr.from([...env.m, ['PHP_SELF', spec.argv[0] ?? ''], ['SCRIPT_NAME', spec.argv[0] ?? ''], ['SCRIPT_FILENAME', spec.argv[0] ?? ''], ['PATH_TRANSLATED', spec.argv[0] ?? ''], ['DOCUMENT_ROOT', ''], ['REQUEST_TIME_FLOAT', time], ['REQUEST_TIME', time], ['argv', argv], ['argc', spec.argv.length]]));
    set('_GET', new PArr());
    set('_POST', new PArr());
  }
  set('_ENV', new PArr());
  const done = (exitCode: number, fatal?: string): PhpResult => ({ stdout: stdout + it.ob.join(''), stderr, exitCode, status: it.status, headers: it.headers, ...(fatal ? { fatal } : {}) });
  /** A fatal error (E_ERROR, E_PARSE): shown and logged as php_error_cb does, then exit status 255. */
  const fatal = (kind: string, msg: string, file: string, line: number) => {
    it.ob.splice(0).forEach((s) => (stdout += s));
    if (spec.displayErrors && html) stdout += `<br />\n<b>${kind}</b>:  ${esc(msg)} in <b>${file}</b> on line <b>${line}</b><br />\n`;
    else if (spec.displayErrors) stdout += `\n${kind}: ${msg} in ${file} on line ${line}\n`;
    if (spec.logErrors && !html) stderr += `PHP ${kind}:  ${msg} in ${file} on line ${line}\n`;
    return done(255, `${msg} in ${file} on line ${line}`);
  };
  if (spec.repl) return shellInputs(spec.repl, it, fatal, done, () => stdout, (s) => (stdout = s), () => (stderr = ''));
  try {
    const ret = it.runFile(spec.code, spec.file, it.globals, spec.isCode);
    return { ...done(0), ...(ret === false ? { returnedFalse: true } : {}) };
  } catch (e) {
    if (e instanceof Miss) throw e;
    if (e instanceof ExitNow) return done(e.code);
    if (e instanceof Forever) return { ...done(0), forever: true };
    if (e instanceof PhpParseError) return fatal('Parse error', e.message, it.file || spec.file, e.line);
    if (e instanceof Fatal) return fatal('Fatal error', e.message, e.file, e.line);
    if (e instanceof Thrown) {
      const o = e.obj;
      return fatal('Fatal error', `Uncaught ${throwableString(o)}\n  thrown`, String(o.props.get('file')), Number(o.props.get('line')));
    }
    if (e instanceof RangeError) return fatal('Fatal error', 'Allowed memory size of 134217728 bytes exhausted (tried to allocate 262144 bytes)', it.file, it.line);
    // a part of PHP this subset does not have: said plainly, where it happened
    return fatal('Fatal error', `dockerlings: this PHP subset cannot run this (${e instanceof Error ? e.message : String(e)})`, it.file, it.line);
  }
}

/**
 * `php -a`: each input is evaluated in the same global scope (zend_eval_stringl on "php shell code"); an error ends only
 * its input, and an uncaught exception is reported as a warning (readline_shell_run: zend_exception_error(E_WARNING)).
 * What the last input printed is the result; exit() in it ends the shell.
 */
function shellInputs(repl: { before: string[]; input: string }, it: Interp, fatal: (kind: string, msg: string, file: string, line: number) => PhpResult, done: (code: number) => PhpResult, out: () => string, setOut: (s: string) => void, clearErr: () => void): PhpResult {
  const FILE = 'php shell code';
  let result: PhpResult = done(0);
  for (const [n, code] of [...repl.before, repl.input].entries()) {
    if (n === repl.before.length) (setOut(''), clearErr(), it.ob.splice(0)); // the inputs before this one showed their output when they ran
    try {
      it.runFile(code, FILE, it.globals, true);
      result = done(0);
    } catch (e) {
      if (e instanceof Miss) throw e;
      if (e instanceof ExitNow) return { ...done(e.code), exited: true };
      if (e instanceof Forever) return { ...done(0), forever: true };
      if (e instanceof PhpParseError) result = fatal('Parse error', e.message, FILE, e.line);
      else if (e instanceof Fatal) result = fatal('Fatal error', e.message, e.file, e.line);
      else if (e instanceof Thrown) result = fatal('Warning', `Uncaught ${throwableString(e.obj)}\n  thrown`, String(e.obj.props.get('file')), Number(e.obj.props.get('line')));
      else if (e instanceof RangeError) result = fatal('Fatal error', 'Allowed memory size of 134217728 bytes exhausted (tried to allocate 262144 bytes)', it.file, it.line);
      else result = fatal('Fatal error', `dockerlings: this PHP subset cannot run this (${e instanceof Error ? e.message : String(e)})`, it.file, it.line);
      it.ob.splice(0).forEach((s) => setOut(out() + s));
    }
  }
  return { ...result, stdout: out() + it.ob.join(''), exitCode: 0 };
}
