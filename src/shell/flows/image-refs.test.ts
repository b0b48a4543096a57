// An image's RepoTags and RepoDigests come sorted by their full reference string, as moby's reference store returns them.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

describe('image references in inspect', () => {
  it('are sorted by full name (docker.io/alice/… < docker.io/library/… < localhost:5000/…), not by when they were added', async () => {
    const s = createSession({ headless: true });
    for (const l of ['docker pull -q busybox', 'docker login -u alice -p x', 'docker tag busybox alice/box:1', 'docker push -q alice/box:1', 'docker run -d -p 5000:5000 --name registry registry:2', 'docker tag busybox localhost:5000/box:1', 'docker push -q localhost:5000/box:1']) await s.run(l);
    const digests = JSON.parse((await s.run('docker inspect --format "{{json .RepoDigests}}" busybox')).stdout) as string[];
    expect(digests.map((d) => d.split('@')[0])).toEqual(['alice/box', 'busybox', 'localhost:5000/box']);
    // the same manifest went to both registries
    expect(digests[0].split('@')[1]).toBe(digests[2].split('@')[1]);
    expect((await s.run('docker inspect --format "{{json .RepoTags}}" busybox')).stdout).toBe('["alice/box:1","busybox:latest","localhost:5000/box:1"]\n');
  });
});
