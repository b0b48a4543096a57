// Installed packages the Python subset runs natively: flask (routes, app.run, jsonify, request) and redis (a client
// for the redis-server a host name resolves to). They load only when pip has installed them in site-packages.
import { Builtin, dictOf, EXC, ExcType, Module, PyDict, PyExc, Serving, str, Tuple, type Py, type PyHost } from './py-run';

const b = (name: string, fn: (a: Py[], kw: Record<string, Py>) => Py) => new Builtin(name, fn);

export function nativeModule(h: PyHost, name: string, version: string): Module | null {
  if (name === 'flask') {
    const web = h.web;
    const request = (web.request ??= new Module('flask.request', { method: 'GET', path: '/', args: dictOf([]) }));
    const Flask = b('Flask', ([importName]) => {
      web.appName = str(importName ?? 'app');
      const route = (methods?: string[]) => (rule: string, kw: Record<string, Py> = {}) => b('decorator', ([fn]) => {
        const ms = kw.methods ? (kw.methods as Py[]).map(str) : methods ?? ['GET'];
        web.routes.push({ rule, methods: ms, fn });
        return fn;
      });
      return new Module('flask.app', {
        route: b('route', ([rule], kw) => route()(rule, kw)),
        get: b('get', ([rule], kw) => route(['GET'])(rule, kw)),
        post: b('post', ([rule], kw) => route(['POST'])(rule, kw)),
        run: b('run', (_a, kw) => {
          web.run = { host: kw.host !== undefined ? str(kw.host) : '127.0.0.1', port: kw.port !== undefined ? Number(kw.port) : 5000, debug: kw.debug === true };
          throw new Serving();
        }),
        config: dictOf([]),
        name: web.appName,
      });
    });
    return new Module('flask', {
      __version__: version, Flask, request,
      jsonify: b('jsonify', (a, kw) => new Tuple(['\u0000json', a.length === 1 ? a[0] : a.length ? a : dictOf(Object.entries(kw))])),
    });
  }
  if (name === 'redis') {
    const ConnectionError = new ExcType('redis.exceptions.ConnectionError', EXC.Exception);
    const RedisError = new ExcType('redis.exceptions.RedisError', EXC.Exception);
    const Redis = b('Redis', (_a, kw) => {
      const host = kw.host !== undefined ? str(kw.host) : 'localhost';
      const port = kw.port !== undefined ? Number(kw.port) : 6379;
      const call = (...argv: Py[]) => {
        const r = h.redis(host, port, argv.map(str));
        if ('error' in r) throw new PyExc(r.error.startsWith('Error ') ? ConnectionError : RedisError, [r.error]);
        return r.ok;
      };
      return new Module('redis.client.Redis', {
        incr: b('incr', ([k, n]) => call(n === undefined ? 'INCR' : 'INCRBY', k, ...(n === undefined ? [] : [n]))),
        decr: b('decr', ([k]) => call('DECR', k)),
        get: b('get', ([k]) => call('GET', k)),
        set: b('set', ([k, v]) => call('SET', k, v) === 'OK'),
        delete: b('delete', ([k]) => call('DEL', k)),
        exists: b('exists', ([k]) => call('EXISTS', k)),
        ping: b('ping', () => call('PING') === 'PONG'),
      });
    });
    return new Module('redis', {
      __version__: version, Redis, StrictRedis: Redis,
      exceptions: new Module('redis.exceptions', { ConnectionError, RedisError }),
    });
  }
  return null;
}

export const isJsonReply = (v: Py) => v instanceof Tuple && v.items[0] === '\u0000json';
export { PyDict };
