// How the client shows what the daemon answered: docker/cli puts "Error response from daemon: " before every API error, here once.
import type { DockerError } from '../engine/index';

/** The text docker prints for a daemon error: a DockerError, or the message of one the client checks itself as the API would. */
export function fromDaemon(e: DockerError | { message: string } | string): string {
  return `Error response from daemon: ${typeof e === 'string' ? e : e.message}`;
}
