// hello-world: its one-file layer, its image, and the exact text its /hello binary prints.
import type { SeedImage, SeedLayer } from './types';
import { elf } from './fs';

/**
 * What /hello writes to stdout, byte for byte (docker-library/hello-world hello.c with
 * DOCKER_IMAGE "hello-world", DOCKER_GREETING "Hello from Docker!", DOCKER_ARCH "amd64").
 */
export const HELLO_WORLD_MESSAGE =
  '\n' +
  'Hello from Docker!\n' +
  'This message shows that your installation appears to be working correctly.\n' +
  '\n' +
  'To generate this message, Docker took the following steps:\n' +
  ' 1. The Docker client contacted the Docker daemon.\n' +
  ' 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.\n' +
  '    (amd64)\n' +
  ' 3. The Docker daemon created a new container from that image which runs the\n' +
  '    executable that produces the output you are currently reading.\n' +
  ' 4. The Docker daemon streamed that output to the Docker client, which sent it\n' +
  '    to your terminal.\n' +
  '\n' +
  'To try something more ambitious, you can run an Ubuntu container with:\n' +
  ' $ docker run -it ubuntu bash\n' +
  '\n' +
  'Share images, automate workflows, and more with a free Docker ID:\n' +
  ' https://hub.docker.com/\n' +
  '\n' +
  'For more examples and ideas, visit:\n' +
  ' https://docs.docker.com/get-started/\n' +
  '\n';

/** The static /hello binary: 13256 bytes, `docker images` shows 13.3kB. */
export const HELLO_WORLD_LAYER: SeedLayer = {
  key: 'hello-world-hello',
  createdBy: 'COPY hello / # buildkit',
  size: 13_256,
  compressedSize: 2_459,
  entries: [{ path: '/hello', kind: 'file', content: elf('hello-world', 'hello'), mode: 0o755, size: 13_256 }],
};

/** hello-world:latest as of 2023-05 … 2025-01 (image d2c94e258dcb), built with BuildKit. */
export const HELLO_WORLD: SeedImage = {
  repository: 'library/hello-world',
  tags: ['latest'],
  created: '2023-05-02T16:49:27Z',
  config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['/hello'], Entrypoint: null, WorkingDir: '' },
  history: [
    { created: '2023-05-02T16:49:27Z', created_by: 'COPY hello / # buildkit', comment: 'buildkit.dockerfile.v0', layer: 'hello-world-hello' },
    { created: '2023-05-02T16:49:27Z', created_by: 'CMD ["/hello"]', comment: 'buildkit.dockerfile.v0', empty_layer: true },
  ],
  search: { description: 'Hello World! (an example of minimal Dockerization)', stars: 2_302, official: true },
};
