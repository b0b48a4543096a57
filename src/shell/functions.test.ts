// Functions typed at the prompt stay defined for the next lines, as in an interactive bash; child shells and subshells
// keep theirs to themselves, `unset` forgets them, and a session rebuilt from a checkpoint still has them.
import { describe, expect, it } from 'vitest';
import { createSession } from './session';
import { lineSession } from './test-support';

describe('shell functions', () => {
  it('a function defined on one line runs on the next, calls others, and is listed by type', async () => {
    const { line } = lineSession();
    expect(await line('greet() { echo "hi $1"; }')).toEqual(['', '', 0]);
    expect(await line('greet there')).toEqual(['hi there\n', '', 0]);
    expect(await line('twice() { greet "$1"; greet "$1"; }; twice you')).toEqual(['hi you\nhi you\n', '', 0]);
    expect(await line('twice me; type greet | head -1')).toEqual(['hi me\nhi me\ngreet is a function\n', '', 0]);
    expect(await line('if true; then later() { echo kept; }; fi')).toEqual(['', '', 0]);
    expect(await line('later')).toEqual(['kept\n', '', 0]);
  });

  it('a definition in a subshell, a pipeline or a child shell does not outlive it', async () => {
    const { line } = lineSession();
    await line('( a() { :; } ); b() { :; } | cat; bash -c "c() { :; }"; sh -c "d() { :; }"');
    for (const n of ['a', 'b', 'c', 'd']) expect(await line(n)).toEqual(['', `bash: ${n}: command not found\n`, 127]);
  });

  it('unset -f and a bare unset forget a function, on that line and the next; unset -v leaves it', async () => {
    const { line } = lineSession();
    await line('f() { echo f; }; g() { echo g; }; h() { echo h; }');
    expect(await line('unset -f f; f')).toEqual(['', 'bash: f: command not found\n', 127]);
    expect(await line('f')).toEqual(['', 'bash: f: command not found\n', 127]);
    expect(await line('unset g')).toEqual(['', '', 0]);
    expect(await line('g')).toEqual(['', 'bash: g: command not found\n', 127]);
    expect(await line('unset -v h; h')).toEqual(['h\n', '', 0]);
    expect(await line('h')).toEqual(['h\n', '', 0]);
  });

  it('a function named docker is called instead of the client, and the client comes back once it is unset', async () => {
    const { line } = lineSession();
    await line('docker() { echo "not today"; }');
    expect(await line('docker ps')).toEqual(['not today\n', '', 0]);
    await line('unset -f docker');
    expect(await line('docker ps')).toEqual(['CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n', '', 0]);
  });

  it('a session rebuilt from a checkpoint has the functions defined before it', async () => {
    const { s, line } = lineSession();
    await line('hello() { echo "hello $USER"; }');
    const again = createSession({ headless: true, from: await s.checkpoint() });
    const r = await again.run('hello');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['hello root\n', '', 0]);
  });
});

describe('functions in a container shell', () => {
  it('docker exec -it … bash keeps them from line to line until the shell exits; sh -c keeps its own', async () => {
    const { line } = lineSession();
    await line('docker run -d --name box ubuntu sleep 1000 2>/dev/null');
    await line('docker exec -it box bash');
    expect(await line('hi() { echo "hi from $(hostname)"; }')).toEqual(['', '', 0]);
    const [out] = await line('hi');
    expect(out).toMatch(/^hi from [0-9a-f]{12}\n$/);
    await line('sh -c "inner() { :; }"');
    expect(await line('inner')).toEqual(['', 'bash: inner: command not found\n', 127]);
    await line('exit');
    await line('docker exec -it box bash');
    expect(await line('hi')).toEqual(['', 'bash: hi: command not found\n', 127]);
  });
});
