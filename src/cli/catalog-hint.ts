// A line after Docker Hub's real errors that names what this simulator's catalog can pull (the learner cannot browse Hub here).
import { pullableRepos } from '../engine/index';

const PREFIX = 'dockerlings: ';

/** The repositories the simulated Docker Hub has, comma-separated. */
export const catalogList = (): string => pullableRepos().map((r) => r.name).join(', ');

/**
 * The hint for an error the client printed: an unknown repository gets the catalog, an unknown tag of a known
 * repository gets that repository's tags; anything else, nothing.
 */
export function catalogHint(stderr: string): string {
  if (stderr.includes(PREFIX)) return '';
  const denied = /pull access denied for ([^,\s]+), repository does not exist/.exec(stderr);
  if (denied && !denied[1].includes('/') || (denied && denied[1].split('/').length === 2 && !denied[1].includes('.') && !denied[1].includes(':'))) {
    return `${PREFIX}"${denied[1]}" is not in this simulator's Docker Hub catalog; it can pull: ${catalogList()}\n`;
  }
  const tag = /manifest for ([^\s:]+(?:\/[^\s:]+)*):([\w.-]+) not found/.exec(stderr);
  if (tag) {
    const name = tag[1].replace(/^docker\.io\//, '').replace(/^library\//, '');
    const repo = pullableRepos().find((r) => r.name === name);
    if (repo) return `${PREFIX}the tags of ${name} in this simulator: ${repo.tags.join(', ')}\n`;
  }
  return '';
}

/** `docker search` found nothing: say what there is. */
export const searchHint = (term: string): string => `${PREFIX}nothing in this simulator's Docker Hub catalog matches "${term}"; it has: ${catalogList()}\n`;
