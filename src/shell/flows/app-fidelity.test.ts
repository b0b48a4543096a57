// What the web frameworks answer beyond the happy path: flask's JSON refusals, express.static's ETags and 304s, and files
// a request handler writes landing in the container.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

async function flaskApp(app: string) {
  const s = createSession({ headless: true });
  await s.run('docker pull -q python');
  await s.run(`mkdir fl && cat > fl/app.py <<'EOF'\n${app}EOF`);
  await s.run(`printf 'FROM python:3.13\\nWORKDIR /app\\nRUN pip install flask\\nCOPY app.py .\\nCMD ["python3", "app.py"]\\n' > fl/Dockerfile`);
  expect((await s.run('docker build -q -t app fl')).exitCode).toBe(0);
  await s.run('docker run -d --name app -p 5000:5000 app');
  return s;
}

// Werkzeug 3 (sansio/request.py on_json_loading_failed: UnsupportedMediaType, "Did not attempt to load JSON data because the
// request Content-Type was not 'application/json'."; BadRequest "Failed to decode JSON object: …"), Flask 3 (wrappers.py:
// outside debug mode a decode failure becomes a plain BadRequest()), the page from HTTPException.get_body with markupsafe's escaping.
describe('flask: request.get_json() and request.json on a request that is not JSON', () => {
  const app = "from flask import Flask, jsonify, request\n\napp = Flask(__name__)\n\n@app.post('/echo')\ndef echo():\n    return jsonify(request.get_json())\n\n@app.post('/json')\ndef prop():\n    return jsonify(request.json)\n\n@app.post('/quiet')\ndef quiet():\n    return repr(request.get_json(silent=True)) + '\\n'\n\n@app.post('/force')\ndef force():\n    return jsonify(request.get_json(force=True))\n\n@app.post('/caught')\ndef caught():\n    try:\n        request.get_json()\n    except Exception:\n        return 'not json\\n', 400\n\napp.run(host='0.0.0.0')\n";

  it('415 Unsupported Media Type with Werkzeug\'s page; 400 for a JSON body that does not parse; silent and force', async () => {
    const s = await flaskApp(app);
    const r = await s.run(`curl -si -d 'title=x' localhost:5000/echo`);
    const page415 = "<!doctype html>\n<html lang=en>\n<title>415 Unsupported Media Type</title>\n<h1>Unsupported Media Type</h1>\n<p>Did not attempt to load JSON data because the request Content-Type was not &#39;application/json&#39;.</p>\n";
    expect(r.stdout).toBe(`HTTP/1.1 415 UNSUPPORTED MEDIA TYPE\r\nServer: Werkzeug/3.1.3 Python/3.13.1\r\nDate: Mon, 23 Nov 2026 09:00:07 GMT\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${page415.length}\r\nConnection: close\r\n\r\n${page415}`);
    expect((await s.run(`curl -s -d '{"a": 1}' localhost:5000/json`)).stdout).toBe(page415); // curl -d sends application/x-www-form-urlencoded
    expect((await s.run(`curl -s -H 'Content-Type: application/json' -d '{"a": 1}' localhost:5000/json`)).stdout).toBe('{"a":1}\n');
    expect((await s.run(`curl -s -H 'Content-Type: application/json' -d '{oops' localhost:5000/echo`)).stdout).toBe(
      '<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n<p>The browser (or proxy) sent a request that this server could not understand.</p>\n',
    );
    expect((await s.run(`curl -s -d 'x' localhost:5000/quiet`)).stdout).toBe('None\n');
    expect((await s.run(`curl -s -d '{"b": [1]}' localhost:5000/force`)).stdout).toBe('{"b":[1]}\n');
    expect((await s.run(`curl -s -d 'x' localhost:5000/caught`)).stdout).toBe('not json\n');
    // the log has each status and no traceback: Werkzeug's HTTP errors are answers, not failures
    const log = (await s.run('docker logs app')).stderr.split('\n').filter((l) => l.includes('HTTP/1.1'));
    expect(log.map((l) => l.replace(/^.*\] /, ''))).toEqual(['"POST /echo HTTP/1.1" 415 -', '"POST /json HTTP/1.1" 415 -', '"POST /json HTTP/1.1" 200 -', '"POST /echo HTTP/1.1" 400 -', '"POST /quiet HTTP/1.1" 200 -', '"POST /force HTTP/1.1" 200 -', '"POST /caught HTTP/1.1" 400 -']);
  });

  it('in debug mode the 400 page says why the JSON did not decode, in json.loads words', async () => {
    const s = await flaskApp(app.replace("app.run(host='0.0.0.0')", "app.run(host='0.0.0.0', debug=True)"));
    const bad = (body: string) => s.run(`curl -s -H 'Content-Type: application/json' -d '${body}' localhost:5000/echo`);
    const p400 = (why: string) => `<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n<p>Failed to decode JSON object: ${why}</p>\n`;
    expect((await bad('{oops')).stdout).toBe(p400('Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'));
    expect((await bad('oops')).stdout).toBe(p400('Expecting value: line 1 column 1 (char 0)'));
    expect((await s.run(`curl -s -X POST -H 'Content-Type: application/json' localhost:5000/echo`)).stdout).toBe(p400('Expecting value: line 1 column 1 (char 0)'));
  });
});
