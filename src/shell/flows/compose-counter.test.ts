// Docker's Compose getting-started app end to end: a Flask image built with pip, redis by service name, the counter through -p.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

// docs.docker.com's compose getting-started app.py (also lessons/05-compose/04-web-counter)
const APP = `import time

import redis
from flask import Flask

app = Flask(__name__)
cache = redis.Redis(host='redis', port=6379)

def get_hit_count():
    retries = 5
    while True:
        try:
            return cache.incr('hits')
        except redis.exceptions.ConnectionError as exc:
            if retries == 0:
                raise exc
            retries -= 1
            time.sleep(0.5)

@app.route('/')
def hello():
    count = get_hit_count()
    return f'Hello World! I have been seen {count} times.\\n'
`;
const DOCKERFILE = 'FROM python:3.13-alpine\nWORKDIR /code\nENV FLASK_APP=app.py\nENV FLASK_RUN_HOST=0.0.0.0\nCOPY requirements.txt requirements.txt\nRUN pip install -r requirements.txt\nEXPOSE 5000\nCOPY . .\nCMD ["flask", "run", "--debug"]\n';
const COMPOSE = 'services:\n  web:\n    build: .\n    ports:\n      - "8000:5000"\n  redis:\n    image: "redis:alpine"\n';

async function upCounter() {
  const s = createSession({ headless: true });
  for (const line of ['mkdir composetest', 'cd composetest', `cat > app.py <<'EOF'\n${APP}EOF`, "printf 'flask\\nredis\\n' > requirements.txt", `printf '%s' '${DOCKERFILE}' > Dockerfile`, `printf '%s' '${COMPOSE}' > compose.yaml`, 'docker compose up -d']) {
    expect((await s.run(line)).exitCode, line).toBe(0);
  }
  expect((await s.run('cat Dockerfile')).stdout).toBe(DOCKERFILE.replace(/\\n/g, '\n'));
  return s;
}

describe('compose web app with a redis counter', () => {
  it('the getting-started app builds with compose and each curl counts one more visit', async () => {
    const s = await upCounter();
    expect((await s.run('curl -s localhost:8000')).stdout).toBe('Hello World! I have been seen 1 times.\n');
    expect((await s.run('curl -s localhost:8000')).stdout).toBe('Hello World! I have been seen 2 times.\n');
    const logs = (await s.run('docker compose logs --no-color web')).stdout;
    expect(logs).toContain("web-1  |  * Serving Flask app 'app.py'\nweb-1  |  * Debug mode: on\n");
    expect(logs).toContain('web-1  |  * Running on all addresses (0.0.0.0)\nweb-1  |  * Running on http://127.0.0.1:5000\n');
    expect(logs).toMatch(/web-1 {2}\| 172\.\d+\.0\.1 - - \[23\/Nov\/2026 09:00:\d\d\] "GET \/ HTTP\/1\.1" 200 -\n/);
    // the count lives in redis: a restarted web service goes on counting
    await s.run('docker compose restart web');
    expect((await s.run('curl -s localhost:8000')).stdout).toBe('Hello World! I have been seen 3 times.\n');
  });

  it('with redis stopped the app retries, then Flask logs the traceback and answers 500', async () => {
    const s = await upCounter();
    await s.run('docker compose stop redis');
    const r = await s.run('curl -si localhost:8000');
    expect(r.stdout.split('\r\n')[0]).toBe('HTTP/1.1 500 INTERNAL SERVER ERROR');
    const logs = (await s.run('docker compose logs --no-color web')).stdout;
    expect(logs).toContain('web-1  | Traceback (most recent call last):\n');
    expect(logs).toContain('web-1  | redis.exceptions.ConnectionError: Error -2 connecting to redis:6379. Name or service not known.\n');
  });
});
