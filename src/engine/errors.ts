// DockerError: a daemon error with an errdefs kind and the real daemon message text.

export type ErrorKind =
  | 'NotFound'
  | 'Conflict'
  | 'InvalidParameter'
  | 'NotModified'
  | 'Forbidden'
  | 'Unavailable'
  | 'System';

/** An error the simulated daemon returns; the CLI prints `Error response from daemon: <message>`. */
export class DockerError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'DockerError';
  }
}

export const notFound = (msg: string) => new DockerError('NotFound', msg);
export const conflict = (msg: string) => new DockerError('Conflict', msg);
export const invalid = (msg: string) => new DockerError('InvalidParameter', msg);
export const notModified = (msg: string) => new DockerError('NotModified', msg);

export function isDockerError(e: unknown): e is DockerError {
  return e instanceof DockerError;
}
