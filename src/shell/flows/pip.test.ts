// pip in the python images: install from a seeded index (no network) into site-packages, -r requirements.txt, freeze.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

const WARNING = "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering your system unusable.It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you know what you are doing and want to suppress this warning.\n";

describe('pip', () => {
  it('install resolves dependencies, writes site-packages and says what it installed; a second install is satisfied', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q python');
    await s.run('docker run -d --name py -w /app python sleep infinity');
    const r = await s.run('docker exec py pip install redis flask');
    expect(r.stdout).toBe(
      'Collecting redis\n  Downloading redis-5.2.1-py3-none-any.whl.metadata (9.1 kB)\nCollecting flask\n  Downloading flask-3.1.0-py3-none-any.whl.metadata (2.7 kB)\n' +
        'Collecting Werkzeug>=3.1 (from flask)\n  Downloading werkzeug-3.1.3-py3-none-any.whl.metadata (3.7 kB)\nCollecting Jinja2>=3.1.2 (from flask)\n  Downloading jinja2-3.1.4-py3-none-any.whl.metadata (2.6 kB)\n' +
        'Collecting itsdangerous>=2.2 (from flask)\n  Downloading itsdangerous-2.2.0-py3-none-any.whl.metadata (1.9 kB)\nCollecting click>=8.1.3 (from flask)\n  Downloading click-8.1.7-py3-none-any.whl.metadata (3.0 kB)\n' +
        'Collecting blinker>=1.9 (from flask)\n  Downloading blinker-1.9.0-py3-none-any.whl.metadata (1.6 kB)\nCollecting MarkupSafe>=2.1.1 (from Werkzeug>=3.1->flask)\n  Downloading markupsafe-3.0.2-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl.metadata (4.0 kB)\n' +
        'Downloading redis-5.2.1-py3-none-any.whl (261 kB)\nDownloading flask-3.1.0-py3-none-any.whl (102 kB)\nDownloading werkzeug-3.1.3-py3-none-any.whl (224 kB)\nDownloading jinja2-3.1.4-py3-none-any.whl (133 kB)\n' +
        'Downloading itsdangerous-2.2.0-py3-none-any.whl (16 kB)\nDownloading click-8.1.7-py3-none-any.whl (97 kB)\nDownloading blinker-1.9.0-py3-none-any.whl (8.5 kB)\nDownloading markupsafe-3.0.2-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl (23 kB)\n' +
        'Installing collected packages: MarkupSafe, blinker, click, itsdangerous, Jinja2, Werkzeug, flask, redis\n' +
        'Successfully installed Jinja2-3.1.4 MarkupSafe-3.0.2 Werkzeug-3.1.3 blinker-1.9.0 click-8.1.7 flask-3.1.0 itsdangerous-2.2.0 redis-5.2.1\n');
    expect(r.stderr).toBe(WARNING);
    expect((await s.run('docker exec py ls /usr/local/lib/python3.13/site-packages/flask')).stdout).toBe('__init__.py\n');
    expect((await s.run(`docker exec py python3 -c 'import flask; print(flask.__version__)'`)).stdout).toBe('3.1.0\n');
    expect((await s.run('docker exec py pip install flask')).stdout).toBe('Requirement already satisfied: flask in /usr/local/lib/python3.13/site-packages (3.1.0)\n');
    const missing = await s.run('docker exec py pip install nosuch');
    expect(missing.stderr).toBe('ERROR: Could not find a version that satisfies the requirement nosuch (from versions: none)\nERROR: No matching distribution found for nosuch\n');
    expect(missing.exitCode).toBe(1);
  });

  it('a build runs pip install -r requirements.txt; pip freeze lists what it installed', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q python');
    await s.run(`mkdir app && printf 'requests==2.32.3\\n' > app/requirements.txt && printf 'FROM python:3.13\\nWORKDIR /app\\nCOPY requirements.txt .\\nRUN pip install --no-cache-dir -r requirements.txt\\n' > app/Dockerfile`);
    expect((await s.run('docker build -q -t reqs app')).exitCode).toBe(0);
    expect((await s.run('docker run --rm reqs pip freeze')).stdout).toBe('certifi==2024.8.30\ncharset-normalizer==3.4.0\nidna==3.10\nrequests==2.32.3\nurllib3==2.2.3\n');
  });
});
