// python3 runs a Python subset for real (own small interpreter, lazy chunk, step-bounded): -c, scripts, os.environ, files, tracebacks.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

const session = async () => {
  const s = createSession({ headless: true });
  await s.run('docker pull -q python');
  return s;
};

describe('python3', () => {
  it('-c runs loops, functions, f-strings, lists and dicts; os.environ and sys.exit work', async () => {
    const s = await session();
    const r = await s.run(`docker run --rm -e GREETING=hola python python3 -c 'import os, sys
total = 0
for i in range(1, 11):
    total += i
print(f"sum={total}", 10 / 4, [x * 2 for x in range(3)], {"a": 1}, f"{3.14159:.2f}")
print(os.environ["GREETING"], os.environ.get("NOPE", "-"), sys.version_info[0])
def greet(name="world"):
    return "hello " + name.upper()
print(greet(), greet("ada"))
sys.exit(4)'`);
    expect(r.stdout).toBe("sum=55 2.5 [0, 2, 4] {'a': 1} 3.14\nhola - 3\nhello WORLD hello ADA\n");
    expect(r.exitCode).toBe(4);
    expect((await s.run(`echo 'print("py stdin")' | docker run --rm -i python`)).stdout).toBe('py stdin\n');
    // with a terminal the prompt starts instead (python-repl.test.ts)
  });

  it('a script from a bind mount reads its files; an uncaught exception prints a CPython traceback and exits 1', async () => {
    const s = await session();
    await s.run(`mkdir py && printf 'import json\\nwith open("data.json") as f:\\n    data = json.load(f) if False else json.loads(f.read())\\nprint(data["name"])\\nopen("out.txt", "w").write("written\\\\n")\\n\\ndef divide(a, b):\\n    return a / b\\n\\nprint(divide(1, 0))\\n' > py/script.py && echo '{"name": "ada"}' > py/data.json`);
    const r = await s.run('docker run --rm -v $PWD/py:/app -w /app python python3 script.py');
    expect(r.stdout).toBe('ada\n');
    expect(r.stderr).toBe('Traceback (most recent call last):\n  File "/app/script.py", line 10, in <module>\n    print(divide(1, 0))\n  File "/app/script.py", line 8, in divide\n    return a / b\nZeroDivisionError: division by zero\n');
    expect(r.exitCode).toBe(1);
    expect((await s.run('cat py/out.txt')).stdout).toBe('written\n');
    const missing = await s.run('docker run --rm python python3 nope.py');
    expect(missing.stderr).toBe("/usr/local/bin/python3: can't open file '/nope.py': [Errno 2] No such file or directory\n");
    expect(missing.exitCode).toBe(2);
  });

  it('NameError and SyntaxError read like CPython; an endless loop leaves the container running until stopped', async () => {
    const s = await session();
    expect((await s.run(`docker run --rm python python3 -c 'print(x)'`)).stderr).toBe('Traceback (most recent call last):\n  File "<string>", line 1, in <module>\n    print(x)\nNameError: name \'x\' is not defined\n');
    await s.run(`docker run -d --name spin python python3 -c 'while True: pass'`);
    expect((await s.run('docker ps --format "{{.Names}} {{.Status}}"')).stdout).toMatch(/^spin Up /);
  });

  it("a running script's print() output stays in python's 8 KiB buffer unless PYTHONUNBUFFERED (or -u, or -t) is set", async () => {
    const s = await session();
    const loop = `'import time\nwhile True:\n    print("tick")\n    time.sleep(1)'`;
    await s.run(`docker run -d --name buffered python python3 -c ${loop}`);
    await s.run(`docker run -d --name unbuffered -e PYTHONUNBUFFERED=1 python python3 -c ${loop}`);
    expect((await s.run('docker logs buffered')).stdout).toBe('');
    expect((await s.run('docker logs unbuffered 2>&1 | head -3')).stdout).toBe('tick\ntick\ntick\n');
    expect((await s.run('docker ps --format "{{.Names}}"')).stdout).toBe('unbuffered\nbuffered\n');
  });
});
