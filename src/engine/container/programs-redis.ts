// redis-server as a simulated program: start logs (loading dump.rdb or the AOF), its dataset in memory, the save on shutdown.
import type { Program, ProgramContext } from './program';
import { loadDataset, newAofFiles, rdbContent, redisOptions, type RedisDb } from './redis';

type Line = { delay: number; stream: 'stdout' | 'stderr'; text: string };
const lines = (stream: Line['stream'], ...texts: string[]): Line[] => texts.map((text) => ({ delay: 0, stream, text: text + '\n' }));

function redisTime(iso: string): string {
  const d = new Date(iso);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${String(d.getUTCDate()).padStart(2, '0')} ${mon} ${d.getUTCFullYear()} ${iso.slice(11, 19)}.000`;
}

const read = (ctx: ProgramContext) => ctx.read ?? (() => null);

export const REDIS_SERVER: Program = {
  startLogs: (args, ctx) => {
    const t = redisTime(ctx.time);
    const loaded = loadDataset(args, read(ctx));
    const load =
      loaded.source === 'new-aof'
        ? [`1:M ${t} * Creating AOF base file appendonly.aof.1.base.rdb on server start`, `1:M ${t} * Creating AOF incr file appendonly.aof.1.incr.aof on server start`]
        : loaded.source === 'aof'
          ? [`1:M ${t} * DB loaded from append only file: 0.000 seconds`, `1:M ${t} * Opening AOF incr file appendonly.aof.1.incr.aof on server start`]
          : loaded.source === 'rdb'
            ? [`1:M ${t} * Loading RDB produced by version 7.4.1`, `1:M ${t} * RDB memory usage when created 0.90 Mb`, `1:M ${t} * Done loading RDB, keys loaded: ${loaded.keys}, keys expired: 0.`, `1:M ${t} * DB loaded from disk: 0.000 seconds`]
            : [];
    const configured = args.some((a) => a.startsWith('--'));
    return lines(
      'stdout',
      `1:C ${t} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
      `1:C ${t} * Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started`,
      configured ? `1:C ${t} * Configuration loaded` : `1:C ${t} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
      `1:M ${t} * monotonic clock: POSIX clock_gettime`,
      `1:M ${t} * Running mode=standalone, port=6379.`,
      `1:M ${t} * Server initialized`,
      ...load,
      `1:M ${t} * Ready to accept connections tcp`,
    );
  },
  startFiles: (rd, args) => (redisOptions(args).appendonly && rd('/data/appendonlydir/appendonly.aof.manifest') === null ? newAofFiles() : []),
  startData: (args, ctx) => JSON.stringify(loadDataset(args, read(ctx)).db),
  runsFor: () => null,
  exitCode: 0,
  onSignal: (sig) => (sig === 'SIGTERM' || sig === 'SIGINT' ? 0 : sig === 'SIGKILL' ? 137 : 128 + ({ SIGHUP: 1, SIGQUIT: 3, SIGUSR1: 10, SIGUSR2: 12, SIGWINCH: 28 } as Record<string, number>)[sig]),
  // redis' default config has save points, so a shutdown writes the final RDB snapshot into its dir (/data)
  onStop: (args, ctx, data) => {
    const t = redisTime(ctx.time);
    const o = redisOptions(args);
    const secs = Math.floor(Date.parse(ctx.time) / 1000);
    const db = (data ? JSON.parse(data) : {}) as RedisDb;
    return {
      logs: lines(
        'stdout',
        `1:signal-handler (${secs}) Received ${ctx.signal ?? 'SIGTERM'} scheduling shutdown...`,
        `1:M ${t} * User requested shutdown...`,
        ...(o.appendonly ? [`1:M ${t} * Calling fsync() on the AOF file.`] : []),
        ...(o.save ? [`1:M ${t} * Saving the final RDB snapshot before exiting.`, `1:M ${t} * DB saved on disk`] : []),
        `1:M ${t} # Redis is now ready to exit, bye bye...`,
      ),
      files: o.save ? [{ path: '/data/dump.rdb', content: rdbContent(db) }] : [],
    };
  },
};
