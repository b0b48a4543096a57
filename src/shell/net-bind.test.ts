// Web servers serve a bind-mounted host folder over their document root: live host edits, 404s, other containers, httpd.
import { describe, expect, it } from 'vitest';
import { createSession } from './session';

describe('bind-mounted document roots', () => {
  it('nginx and httpd answer with the host files, as they are now', async () => {
    const s = createSession({ headless: true });
    await s.run('mkdir -p /root/site && echo "<h1>bind</h1>" > /root/site/index.html');
    await s.run('docker run -d --name web -p 8080:80 -v /root/site:/usr/share/nginx/html nginx');
    expect((await s.run('curl -s localhost:8080')).stdout).toBe('<h1>bind</h1>\n');
    await s.run('echo "<p>about</p>" > /root/site/about.html');
    expect((await s.run('curl -s localhost:8080/about.html')).stdout).toBe('<p>about</p>\n');
    expect((await s.run('curl -s -o /dev/null -w "%{http_code}" localhost:8080/nope')).stdout).toBe('404');
    expect((await s.run('docker run --rm busybox wget -qO- 172.17.0.2')).stdout).toBe('<h1>bind</h1>\n');
    await s.run('docker run -d --name ap -v /root/site:/usr/local/apache2/htdocs:ro httpd');
    expect((await s.run('docker exec web curl -s 172.17.0.3/about.html')).stdout).toBe('<p>about</p>\n');
    // the image's own page is still what a container without the bind serves
    await s.run('docker run -d --name plain nginx');
    expect((await s.run('curl -s 172.17.0.4 | grep -c "Welcome to nginx"')).stdout).toBe('2\n');
  });
});
