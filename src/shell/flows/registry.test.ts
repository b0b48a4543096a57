// Registries from the tutorials: Docker Hub login/push (own namespace only) and a private registry:2 on localhost:5000.
import { describe, expect, it } from 'vitest';
import { normalizeIds, steps } from '../transcript';

describe('docker login and push to Docker Hub', () => {
  it('a bare docker login starts the web sign-in (CLI 27.2+), which nobody completes here; piped stdin is no terminal', async () => {
    const all = await steps('docker login\necho x | docker login\ndocker login -p x\ncat ~/.docker/config.json');
    expect(all[0].stderr.replace(/[B-DF-HJ-NP-TV-XZ]{4}-[B-DF-HJ-NP-TV-XZ]{4}/, 'CODE')).toBe(
      "\nUSING WEB-BASED LOGIN\nTo sign in with credentials on the command line, use 'docker login -u <username>'\n\nYour one-time device confirmation code is: \x1b[1mCODE\x1b[0m\n\x1b[1mPress ENTER\x1b[0m to open your browser or submit your device code here: \x1b[4mhttps://login.docker.com/activate\x1b[0m\n\nWaiting for authentication in the browser…\nlogin canceled\n",
    );
    expect(all[0].exitCode).toBe(1);
    expect([all[1].stderr, all[1].exitCode]).toEqual(['Error: Cannot perform an interactive login from a non TTY device\n', 1]);
    // a password without a username is not enough for the web sign-in either: the username prompt comes
    expect(all[2].stderr.startsWith('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n')).toBe(true);
    expect(all[3].stderr).toBe('cat: /root/.docker/config.json: No such file or directory\n');
  });

  it('push is denied until you log in, then layers of official images are mounted, then already exist', async () => {
    const all = await steps(
      'docker pull -q ubuntu:18.04\ndocker tag ubuntu:18.04 alice/myubuntu:v1\ndocker push alice/myubuntu:v1\necho secret | docker login -u alice --password-stdin\ndocker push alice/myubuntu:v1\ndocker push alice/myubuntu:v1\ndocker push ubuntu:18.04\ncat ~/.docker/config.json\ndocker logout\ndocker logout',
    );
    expect(normalizeIds(all[2].output)).toBe('The push refers to repository [docker.io/alice/myubuntu]\n<id12>: Preparing \ndenied: requested access to the resource is denied\n');
    expect(all[2].exitCode).toBe(1);
    expect(all[3].stdout).toBe('Login Succeeded\n');
    expect(all[3].stderr).toBe('WARNING! Your password will be stored unencrypted in /root/.docker/config.json.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n');
    expect(normalizeIds(all[4].output)).toBe('The push refers to repository [docker.io/alice/myubuntu]\n<id12>: Mounted from library/ubuntu \nv1: digest: sha256:<digest> size: 528\n');
    expect(normalizeIds(all[5].output)).toBe('The push refers to repository [docker.io/alice/myubuntu]\n<id12>: Layer already exists \nv1: digest: sha256:<digest> size: 528\n');
    expect(all[6].output).toMatch(/denied: requested access to the resource is denied\n$/);
    expect(all[7].stdout).toBe('{\n\t"auths": {\n\t\t"https://index.docker.io/v1/": {\n\t\t\t"auth": "YWxpY2U6c2VjcmV0"\n\t\t}\n\t}\n}\n');
    expect(all[8].stdout).toBe('Removing login credentials for https://index.docker.io/v1/\n');
    // v27 logout.go prints the line whether or not there was anything to erase
    expect(all[9].stdout).toBe('Removing login credentials for https://index.docker.io/v1/\n');
  });

  it('an image that is not here cannot be pushed', async () => {
    const [p] = await steps('docker push alice/nothing');
    expect(p.output).toBe('Using default tag: latest\nThe push refers to repository [docker.io/alice/nothing]\nAn image does not exist locally with the tag: alice/nothing\n');
  });
});

describe('a private registry:2 on localhost:5000', () => {
  it('refuses connections until the registry container runs with -p 5000:5000; push, remove, pull back', async () => {
    const all = await steps(
      'docker pull -q ubuntu:18.04\ndocker tag ubuntu:18.04 localhost:5000/myfirstimage\ndocker push localhost:5000/myfirstimage\ndocker run -d -p 5000:5000 --restart=always --name registry registry:2 >/dev/null 2>&1\ndocker push localhost:5000/myfirstimage\ndocker rmi localhost:5000/myfirstimage ubuntu:18.04 >/dev/null\ndocker pull localhost:5000/myfirstimage\ndocker pull localhost:5000/nothing',
    );
    expect(all[2].output).toBe('Using default tag: latest\nThe push refers to repository [localhost:5000/myfirstimage]\nError response from daemon: Get "https://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused\n');
    expect(normalizeIds(all[4].output)).toBe('Using default tag: latest\nThe push refers to repository [localhost:5000/myfirstimage]\n<id12>: Pushed \nlatest: digest: sha256:<digest> size: 528\n');
    expect(normalizeIds(all[6].output)).toBe(
      'Using default tag: latest\nlatest: Pulling from myfirstimage\n<id12>: Pull complete \nDigest: sha256:<digest>\nStatus: Downloaded newer image for localhost:5000/myfirstimage:latest\nlocalhost:5000/myfirstimage:latest\n',
    );
    expect(all[7].output).toBe('Using default tag: latest\nError response from daemon: manifest for localhost:5000/nothing:latest not found: manifest unknown: manifest unknown\n');
  });
});

describe('the registry HTTP API', () => {
  it('lists pushed repositories and tags', async () => {
    const all = await steps(
      'docker run -d -p 5000:5000 --name registry registry:2 >/dev/null 2>&1\ndocker pull -q httpd >/dev/null\ndocker tag httpd localhost:5000/worden525/httpd:v1\ndocker push -q localhost:5000/worden525/httpd:v1\ncurl -s localhost:5000/v2/_catalog\ncurl -s localhost:5000/v2/worden525/httpd/tags/list\ncurl -s localhost:5000/v2/nope/tags/list',
    );
    expect(all[3].stdout).toBe('localhost:5000/worden525/httpd:v1\n');
    expect(all[4].stdout).toBe('{"repositories":["worden525/httpd"]}\n');
    expect(all[5].stdout).toBe('{"name":"worden525/httpd","tags":["v1"]}\n');
    expect(all[6].stdout).toBe('{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry","detail":{"name":"nope"}}]}\n');
  });
});
