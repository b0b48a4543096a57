// ShellAddon against a fake terminal (a tiny screen model of the escapes it emits) and a scripted session.
import { describe, expect, it, vi } from 'vitest';
import { ShellAddon, type RunResult, type ShellSession, type ShellTerminal } from './shell-addon';
import { charWidth } from './line-editor';

/** Just enough of a VT100 to replay what the addon writes: text, CR/LF, CUU/CUF/CUP, ED, SGR (ignored). */
class FakeScreen {
  rows: string[][] = [[]];
  r = 0;
  c = 0;
  private dataHandler: (d: string) => void = () => {};
  constructor(public cols = 40) {}
  readonly term: ShellTerminal = {
    cols: 0,
    onData: (h: (d: string) => void) => ((this.dataHandler = h), { dispose() {} }),
    onResize: () => ({ dispose() {} }),
    write: (s: string | Uint8Array) => this.write(String(s)),
  } as unknown as ShellTerminal;
  type(data: string) {
    this.dataHandler(data);
  }
  private row(i: number) {
    while (this.rows.length <= i) this.rows.push([]);
    return this.rows[i];
  }
  write(s: string) {
    for (let i = 0; i < s.length; ) {
      const esc = /^\x1b\[([0-9;]*)([A-Za-z])/.exec(s.slice(i));
      if (esc) {
        const n = Number(esc[1] || 1);
        if (esc[2] === 'A') this.r = Math.max(0, this.r - n);
        else if (esc[2] === 'C') this.c = Math.min(this.cols - 1, this.c + n);
        else if (esc[2] === 'H') [this.r, this.c] = [0, 0];
        else if (esc[2] === 'J' && esc[1] === '2') this.rows = [[]];
        else if (esc[2] === 'J') {
          this.rows = this.rows.slice(0, this.r + 1);
          this.row(this.r).length = Math.min(this.row(this.r).length, this.c);
        }
        i += esc[0].length;
        continue;
      }
      const ch = String.fromCodePoint(s.codePointAt(i)!);
      i += ch.length;
      if (ch === '\r') this.c = 0;
      else if (ch === '\n') this.r++;
      else if (ch === '\x07') continue;
      else {
        const w = charWidth(ch.codePointAt(0)!);
        if (this.c + w > this.cols) [this.r, this.c] = [this.r + 1, 0];
        const row = this.row(this.r);
        while (row.length < this.c) row.push(' ');
        row[this.c] = ch;
        if (w === 2) row[this.c + 1] = '';
        this.c += w;
      }
    }
  }
  /** Screen rows as text, trailing blanks and empty rows at the end removed. */
  text(): string[] {
    const lines = this.rows.map((r) => r.join('').trimEnd());
    while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    return lines;
  }
}

type Script = (line: string, out?: (c: string, s: 'stdout' | 'stderr') => void) => Promise<RunResult> | RunResult;

function setup(script: Script = (l) => ({ stdout: `ran: ${l}\n`, stderr: '', exitCode: 0 }), cols = 40) {
  const screen = new FakeScreen(cols);
  (screen.term as { cols: number }).cols = cols;
  const hist: string[] = [];
  const session: ShellSession & { run: ReturnType<typeof vi.fn> } = {
    run: vi.fn(async (line: string, out?: (c: string, s: 'stdout' | 'stderr') => void) => {
      hist.push(line);
      return script(line, out);
    }),
    prompt: () => 'root@dockerlings:~# ',
    needsMoreInput: (t) => (t.split("'").length - 1) % 2 === 1,
    complete: async (line, cursor) => {
      const from = line.lastIndexOf(' ', cursor - 1) + 1;
      const word = line.slice(from, cursor);
      const all = from === 0 ? ['docker', 'echo', 'exit'] : ['container', 'context', 'commit', 'ps'];
      return { from, candidates: all.filter((w) => w.startsWith(word)) };
    },
    interrupt: vi.fn(),
    history: () => [...hist],
  };
  const done = vi.fn();
  const addon = new ShellAddon(session, { onCommandDone: done });
  addon.attach(screen.term);
  const type = async (...data: string[]) => {
    for (const d of data) screen.type(d);
    await addon.whenIdle();
  };
  return { screen, session, addon, type, done };
}

const P = 'root@dockerlings:~#';

describe('ShellAddon', () => {
  it('shows a coloured prompt, runs the line and prints output with CRLF', async () => {
    const { screen, type, done, session } = setup();
    expect(screen.text()).toEqual([P]);
    await type('echo hi', '\r');
    expect(session.run).toHaveBeenCalledWith('echo hi', expect.any(Function));
    expect(screen.text()).toEqual([`${P} echo hi`, 'ran: echo hi', P]);
    expect(done).toHaveBeenCalledWith('echo hi', { stdout: 'ran: echo hi\n', stderr: '', exitCode: 0 });
  });

  it('prints streamed output once, and the result when nothing was streamed', async () => {
    const { screen, type } = setup((l, out) => {
      if (l === 'a') out?.('streamed\n', 'stdout');
      return { stdout: 'streamed\n', stderr: l === 'b' ? 'oops\n' : '', exitCode: 0, output: l === 'b' ? 'oops\n' : undefined };
    });
    await type('a\r', 'b\r');
    expect(screen.text()).toEqual([`${P} a`, 'streamed', `${P} b`, 'oops', P]);
  });

  it('puts the prompt on a fresh line after output without a newline, and skips empty lines', async () => {
    const { screen, type, session } = setup(() => ({ stdout: 'no newline', stderr: '', exitCode: 0 }));
    await type('\r', 'x\r');
    expect(session.run).toHaveBeenCalledTimes(1);
    expect(screen.text()).toEqual([P, `${P} x`, 'no newline', P]);
  });

  it('Ctrl+C abandons the typed line', async () => {
    const { screen, type, session } = setup();
    await type('echo abandoned', '\x03');
    expect(session.run).not.toHaveBeenCalled();
    expect(screen.text()).toEqual([`${P} echo abandoned^C`, P]);
  });

  it('Ctrl+C interrupts a running command and drops type-ahead', async () => {
    let release: () => void = () => {};
    const { screen, type, session } = setup((l, out) => {
      out?.('waiting...\n', 'stdout');
      return new Promise((r) => (release = () => r({ stdout: 'waiting...\n', stderr: '', exitCode: 130 })));
    });
    screen.type('docker logs -f web\r');
    await vi.waitFor(() => expect(session.run).toHaveBeenCalled()); // the line is checked for completeness first (async)
    screen.type('typed ahead');
    screen.type('\x03');
    expect(session.interrupt).toHaveBeenCalledTimes(1);
    release();
    await type();
    expect(screen.text()).toEqual([`${P} docker logs -f web`, 'waiting...', '^C', P]);
  });

  it('runs type-ahead after the command finishes (multi-line paste)', async () => {
    const { screen, type, session } = setup();
    await type('echo 1\recho 2\r');
    expect(session.run.mock.calls.map((c) => c[0])).toEqual(['echo 1', 'echo 2']);
    expect(screen.text()).toEqual([`${P} echo 1`, 'ran: echo 1', `${P} echo 2`, 'ran: echo 2', P]);
  });

  it('collects continuation lines behind "> " until the command is complete', async () => {
    const { screen, type, session } = setup();
    await type("echo 'a", '\r', "b'", '\r');
    expect(session.run).toHaveBeenCalledWith("echo 'a\nb'", expect.any(Function));
    expect(screen.text()).toEqual([`${P} echo 'a`, "> b'", "ran: echo 'a", "b'", P]);
  });

  it("Ctrl+D on an empty line sends exit at the host, the end of input at a container's prompt (nothing echoed, the program's words next); elsewhere it deletes under the cursor", async () => {
    const { screen, type, session } = setup();
    await type('ab', '\x1b[D', '\x04');
    expect(screen.text()).toEqual([`${P} a`]);
    await type('\x15', '\x04');
    expect(session.run).toHaveBeenCalledWith('exit', expect.any(Function));
    expect(screen.text().slice(-3)).toEqual([`${P} exit`, 'ran: exit', P]);
    const inside = setup((l) => ({ stdout: l === '\x04' ? '\nexit\n' : '', stderr: '', exitCode: 0 }));
    inside.session.inContainer = () => true;
    await inside.type('\x04');
    expect(inside.screen.text()).toEqual([P, 'exit', P]);
  });

  it('walks history with the arrows', async () => {
    const { screen, type } = setup();
    await type('echo one\r', 'echo two\r', 'draft', '\x1b[A', '\x1b[A');
    expect(screen.text().at(-1)).toBe(`${P} echo one`);
    await type('\x1b[B', '\x1b[B');
    expect(screen.text().at(-1)).toBe(`${P} draft`);
  });

  it('Tab completes one candidate with a space, then the common prefix, then lists on the second Tab', async () => {
    const { screen, type } = setup();
    await type('doc', '\t');
    expect(screen.text()).toEqual([`${P} docker`]);
    await type('c', '\t');
    expect(screen.text()).toEqual([`${P} docker co`]);
    await type('\t');
    expect(screen.text()).toEqual([`${P} docker co`, 'container  context    commit', `${P} docker co`]);
    await type('m\t');
    expect(screen.text().at(-1)).toBe(`${P} docker commit`);
  });

  it('needs two Tabs to list when there is no common prefix to add', async () => {
    const { screen, type } = setup();
    await type('docker ', '\t');
    expect(screen.text()).toEqual([`${P} docker`]);
    await type('\t');
    expect(screen.text()).toEqual([`${P} docker`, 'container  commit', 'context    ps', `${P} docker`]);
  });

  it('Ctrl+L clears the screen and keeps the line being typed', async () => {
    const { screen, type } = setup();
    await type('echo old\r', 'echo kept', '\x0c');
    expect(screen.text()).toEqual([`${P} echo kept`]);
  });

  it('edits long wrapped lines and wide characters in place', async () => {
    const { screen, type, session } = setup(undefined, 30);
    await type('echo 0123456789abcdefghij', '\x01', '\x1b[C'.repeat(5), '你好 ');
    expect(screen.text()).toEqual([`${P} echo 你好`, '0123456789abcdefghij']);
    await type('\x05', '\x7f'.repeat(12));
    expect(screen.text()).toEqual([`${P} echo 你好`, '01234567']);
    await type('\r');
    expect(session.run).toHaveBeenCalledWith('echo 你好 01234567', expect.any(Function));
    await type('echo abcd你'); // the wide character does not fit in the last column: it wraps whole
    expect(screen.text().slice(-2)).toEqual([`${P} echo abcd`, '你']);
    await type('\x7f');
    expect(screen.text().slice(-1)).toEqual([`${P} echo abcd`]);
  });

  it('reports a session crash in the terminal and keeps going', async () => {
    const { screen, type } = setup(() => {
      throw new Error('boom');
    });
    await type('x\r');
    expect(screen.text()).toEqual([`${P} x`, 'dockerlings: internal error: boom', P]);
  });
});

describe('ShellAddon with the real session', () => {
  it('Ctrl+P Ctrl+Q detaches from a container shell and leaves it running', async () => {
    const { createSession } = await import('../shell/session');
    const session = createSession({ headless: true });
    const screen = new FakeScreen(80);
    (screen.term as { cols: number }).cols = 80;
    const addon = new ShellAddon(session);
    addon.attach(screen.term);
    const type = async (...data: string[]) => {
      for (const d of data) screen.type(d);
      await addon.whenIdle();
    };
    await type('docker run -it --name box ubuntu bash\r');
    expect(screen.text().at(-1)).toMatch(/^root@[0-9a-f]{12}:\/#$/);
    await type('\x10', '\x11');
    expect(screen.text().slice(-2)).toEqual(['read escape sequence', P]);
    await type('docker ps --format "{{.Names}} {{.State}}"\r');
    expect(screen.text().slice(-2)).toEqual(['box running', P]);
    // Ctrl+P followed by anything else is still "previous history" (no detach)
    await type('docker attach box\r', '\x10', '\x10');
    expect(screen.text().at(-1)).toMatch(/^root@[0-9a-f]{12}:\/# docker/);
  });
});

describe('questions a command asks at the terminal', () => {
  async function realTerminal() {
    const { createSession } = await import('../shell/session');
    const session = createSession({ seed: 1 });
    const screen = new FakeScreen(100);
    (screen.term as { cols: number }).cols = 100;
    const addon = new ShellAddon(session);
    addon.attach(screen.term);
    const settle = () => new Promise((r) => setTimeout(r, 30));
    const type = async (...data: string[]) => {
      for (const d of data) {
        screen.type(d);
        await settle();
      }
    };
    return { screen, type, addon };
  }

  it('prune waits for y/N typed at the terminal', async () => {
    const { screen, type, addon } = await realTerminal();
    await type('docker run --name one hello-world >/dev/null\r');
    await addon.whenIdle();
    await type('docker container prune\r');
    expect(screen.text().slice(-2)).toEqual(['WARNING! This will remove all stopped containers.', 'Are you sure you want to continue? [y/N]']);
    await type('y', '\r');
    await addon.whenIdle();
    expect(screen.text().slice(-6)).toEqual(['Are you sure you want to continue? [y/N] y', 'Deleted Containers:', expect.stringMatching(/^[0-9a-f]{64}$/), '', 'Total reclaimed space: 0B', P]);
  });

  it('docker login signs in through the browser: Enter keeps waiting (no browser here), Ctrl+C cancels', async () => {
    const { screen, type, addon } = await realTerminal();
    await type('docker login\r');
    expect(screen.text().slice(-7)).toEqual([
      'USING WEB-BASED LOGIN',
      "To sign in with credentials on the command line, use 'docker login -u <username>'",
      '',
      expect.stringMatching(/^Your one-time device confirmation code is: [B-DF-HJ-NP-TV-XZ]{4}-[B-DF-HJ-NP-TV-XZ]{4}$/),
      'Press ENTER to open your browser or submit your device code here: https://login.docker.com/activate',
      '',
      'Waiting for authentication in the browser…',
    ]);
    await type('\r');
    expect(screen.text().at(-1)).toBe('Waiting for authentication in the browser…'); // still waiting: nothing opened
    await type('\x03');
    await addon.whenIdle();
    expect(screen.text().slice(-2)).toEqual(['^Clogin canceled', P]);
  });

  it('docker login (web sign-in off) asks for the username, and for the password without echoing it', async () => {
    const { screen, type, addon } = await realTerminal();
    await type('DOCKER_CLI_DISABLE_OAUTH_LOGIN=1 docker login\r');
    expect(screen.text().at(-1)).toBe('Username:');
    await type('alice\r');
    expect(screen.text().at(-1)).toBe('Password:');
    await type('s3cret', '\r');
    await addon.whenIdle();
    const text = screen.text().join('\n');
    expect(text).not.toContain('s3cret');
    expect(text).toContain('Username: alice\nPassword:\nWARNING! Your password will be stored unencrypted in /root/.docker/config.json.');
    expect(screen.text().slice(-2)).toEqual(['Login Succeeded', P]);
  });
});

describe('intro text', () => {
  it('is written before the first prompt (a replayed session shows its earlier commands)', () => {
    const { session } = setup();
    const screen = new FakeScreen(40);
    (screen.term as { cols: number }).cols = 40;
    new ShellAddon(session, { intro: 'root@dockerlings:~# docker ps -q\nabc123\n' }).attach(screen.term);
    expect(screen.text()).toEqual(['root@dockerlings:~# docker ps -q', 'abc123', P]);
  });
});

describe('a terminal closed while its command runs', () => {
  it('does not report the command done (the page has moved on to another session)', async () => {
    let release: (r: RunResult) => void = () => {};
    const { screen, session, addon, done } = setup(() => new Promise<RunResult>((r) => (release = r)));
    screen.type('docker logs -f web\r');
    await vi.waitFor(() => expect(session.run).toHaveBeenCalled());
    addon.dispose();
    release({ stdout: '', stderr: '', exitCode: 0 });
    await new Promise((r) => setTimeout(r, 0));
    expect(done).not.toHaveBeenCalled();
  });
});

describe('ShellAddon flow control', () => {
  /** A terminal that parses writes only when told to (as xterm does, a frame at a time), recording what is in flight. */
  function slowTerminal() {
    const parsed: string[] = [];
    const waiting: { data: string; cb?: () => void }[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    let handler: (d: string) => void = () => {};
    const term = {
      cols: 80,
      rows: 24,
      onData: (h: (d: string) => void) => ((handler = h), { dispose() {} }),
      onResize: () => ({ dispose() {} }),
      write: (data: string | Uint8Array, cb?: () => void) => {
        const s = String(data);
        inFlight += s.length;
        maxInFlight = Math.max(maxInFlight, inFlight);
        waiting.push({ data: s, cb });
      },
    } as unknown as ShellTerminal;
    /** xterm parses one write and calls its callback. */
    const parseOne = () => {
      const w = waiting.shift();
      if (!w) return false;
      inFlight -= w.data.length;
      parsed.push(w.data);
      w.cb?.();
      return true;
    };
    return { term, type: (d: string) => handler(d), parseOne, parsed, max: () => maxInFlight };
  }

  it('never hands xterm more than the high watermark unparsed, and loses nothing of a 4 MB output', async () => {
    const t = slowTerminal();
    const chunk = 'x'.repeat(65535) + '\n';
    const session: ShellSession = {
      run: async (_l, out) => {
        for (let i = 0; i < 64; i++) out?.(chunk, 'stdout');
        return { stdout: '', stderr: '', exitCode: 0, output: '' };
      },
      prompt: () => '$ ',
      needsMoreInput: () => false,
      complete: async () => ({ from: 0, candidates: [] }),
      interrupt: () => {},
      history: () => [],
    };
    const addon = new ShellAddon(session);
    addon.attach(t.term);
    t.type('big\r');
    await addon.whenIdle();
    while (t.parseOne()) await Promise.resolve();
    await addon.drained();
    const all = t.parsed.join('');
    expect(all.split('x'.repeat(65535) + '\r\n').length - 1).toBe(64);
    expect(all.lastIndexOf('$ ')).toBeGreaterThan(all.lastIndexOf('x')); // the prompt after all of it
    expect(t.max()).toBeLessThanOrEqual(256 * 1024 + chunk.length + 2);
  });
});
