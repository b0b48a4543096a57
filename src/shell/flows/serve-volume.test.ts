// A web server serves the files of a volume mounted over its document root.
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

describe('nginx with a volume over /usr/share/nginx/html', () => {
  it('answers with the volume content; an empty new volume first gets the image page', async () => {
    const all = await steps(
      [
        'docker volume create site',
        `docker run --rm -v site:/data busybox sh -c 'echo "<h1>from a volume</h1>" > /data/index.html'`,
        'docker run -d --name web -p 8080:80 -v site:/usr/share/nginx/html nginx',
        'curl -s localhost:8080',
        'docker run -d --name web2 -p 8081:80 -v fresh:/usr/share/nginx/html nginx',
        'curl -s localhost:8081 | grep title',
      ].join('\n'),
    );
    expect(all[3].stdout).toBe('<h1>from a volume</h1>\n');
    expect(all[5].stdout).toBe('<title>Welcome to nginx!</title>\n');
  });
});
