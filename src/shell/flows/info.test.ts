// docker info's client plugins and the commands that exist agree: buildx is installed, compose is not.
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

describe('client plugins', () => {
  it('docker info lists the buildx and compose plugins, and both answer', async () => {
    const all = await steps('docker info\ndocker compose version\ndocker buildx version');
    expect(all[0].stdout.split('\nServer:')[0]).toBe(
      'Client: Docker Engine - Community\n Version:    27.5.1\n Context:    default\n Debug Mode: false\n Plugins:\n  buildx: Docker Buildx (Docker Inc.)\n    Version:  v0.20.0\n    Path:     /usr/libexec/docker/cli-plugins/docker-buildx\n  compose: Docker Compose (Docker Inc.)\n    Version:  v2.32.4\n    Path:     /usr/libexec/docker/cli-plugins/docker-compose\n',
    );
    expect([all[1].stdout, all[1].exitCode]).toEqual(['Docker Compose version v2.32.4\n', 0]);
    expect([all[2].stdout, all[2].exitCode]).toEqual(['github.com/docker/buildx v0.20.0 8e30c46\n', 0]);
  });
});
