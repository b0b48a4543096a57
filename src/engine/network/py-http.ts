// `python3 -m http.server`'s answers (SimpleHTTPRequestHandler's directory listings, files, 404s) and its log lines: in
// the programs-lang chunk, loaded whenever a python program runs (services.ts reads them only for such a container).
import type { Container, EngineState } from '../state';
import { viewNode, viewTree, type HostNodes } from '../storage';
import { pyServer } from './pyserver';
/** services.ts's HttpReply (restated here: services loads this file). */
type HttpReply = { protocol?: string; status: number; reason: string; headers: [string, string][]; body: string };

const MIME: Record<string, string> = { html: 'text/html', htm: 'text/html', txt: 'text/plain', css: 'text/css', js: 'text/javascript', json: 'application/json', png: 'image/png', jpg: 'image/jpeg', svg: 'image/svg+xml', py: 'text/x-python', md: 'text/markdown' };
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const httpDate = (ms: number) => new Date(ms).toUTCString();

/** Lib/http/server.py: send_head, list_directory and send_error, for GET and HEAD. */
export function pyServerReply(s: EngineState, c: Container, method: string, rawPath: string, host: HostNodes): HttpReply {
  const srv = pyServer(c)!;
  const server = `SimpleHTTP/0.6 Python/${srv.version}`;
  const date = httpDate(s.clock);
  const path = decodeURIComponent(rawPath.split(/[?#]/)[0] || '/');
  const full = (srv.dir.replace(/\/+$/, '') + path).replace(/\/+/g, '/') || '/';
  const node = viewNode(s, c, full, host, 'exec');
  const head = (status: number, reason: string, headers: [string, string][], body: string): HttpReply =>
    ({ protocol: 'HTTP/1.0', status, reason, headers: [['Server', server], ['Date', date], ...headers], body: method === 'HEAD' ? '' : body });
  if (method !== 'GET' && method !== 'HEAD') return error(head, 501, 'Not Implemented', `Unsupported method ('${method}')`, 'Server does not support this operation.');
  if (node?.type === 'dir') {
    if (!path.endsWith('/')) return head(301, 'Moved Permanently', [['Location', path + '/'], ['Content-Length', '0']], '');
    const index = viewNode(s, c, full.replace(/\/?$/, '/index.html'), host, 'exec');
    if (index?.type === 'file') return file(head, 'index.html', index.content, index.mtime);
    const tree = viewTree(s, c, full, host, 'exec') ?? {};
    const names = Object.keys(tree).filter((k) => k && !k.includes('/')).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
    const title = `Directory listing for ${esc(path)}`;
    const r = ['<!DOCTYPE HTML>', '<html lang="en">', '<head>', '<meta charset="utf-8">'];
    if (!srv.version.startsWith('3.12')) r.push('<style type="text/css">\n:root {\ncolor-scheme: light dark;\n}\n</style>'); // 3.13 added the dark mode rule
    r.push(`<title>${title}</title>\n</head>`, `<body>\n<h1>${title}</h1>`, '<hr>\n<ul>');
    for (const name of names) {
      const n = tree[name];
      const isDir = n.type === 'dir' || (n.type === 'symlink' && viewNode(s, c, `${full}/${name}`, host, 'exec')?.type === 'dir');
      const link = name + (isDir ? '/' : '');
      const shown = n.type === 'symlink' ? name + '@' : link;
      r.push(`<li><a href="${encodeURI(link)}">${esc(shown)}</a></li>`);
    }
    r.push('</ul>\n<hr>\n</body>\n</html>\n');
    const body = r.join('\n');
    return head(200, 'OK', [['Content-type', 'text/html; charset=utf-8'], ['Content-Length', String(body.length)]], body);
  }
  if (node?.type === 'file' && !path.endsWith('/')) return file(head, full, node.content, node.mtime);
  return error(head, 404, 'Not Found', 'File not found', 'Nothing matches the given URI.');

  function file(h: typeof head, name: string, content: string, mtime: number): HttpReply {
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    return h(200, 'OK', [['Content-type', MIME[ext] ?? 'application/octet-stream'], ['Content-Length', String(content.length)], ['Last-Modified', httpDate(mtime)]], content);
  }
}

function error(head: (st: number, r: string, h: [string, string][], b: string) => HttpReply, status: number, reason: string, message: string, explain: string): HttpReply {
  const body = `<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: ${status}</p>\n        <p>Message: ${message}.</p>\n        <p>Error code explanation: ${status} - ${explain}</p>\n    </body>\n</html>\n`;
  return { ...head(status, reason, [['Connection', 'close'], ['Content-Type', 'text/html;charset=utf-8'], ['Content-Length', String(body.length)]], body), message } as HttpReply & { message: string };
}

/** BaseHTTPRequestHandler.log_message lines (stderr): the request, and for errors the `code …, message …` line first. */
export function pyServerLog(s: EngineState, client: string, method: string, path: string, reply: HttpReply): string {
  const d = new Date(s.clock);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const stamp = `${String(d.getUTCDate()).padStart(2, '0')}/${mon}/${d.getUTCFullYear()} ${d.toISOString().slice(11, 19)}`;
  const msg = (reply as HttpReply & { message?: string }).message;
  return (msg ? `${client} - - [${stamp}] code ${reply.status}, message ${msg}\n` : '') + `${client} - - [${stamp}] "${method} ${path} HTTP/1.1" ${reply.status} -\n`;
}
