// Image references as the daemon uses them: parsed once, with their familiar and full spellings.
import { familiarName, familiarString, fullString, parseNormalizedNamed, repositoryName, tagNameOnly } from './reference';

export interface ParsedRef {
  domain: string; // 'docker.io'
  path: string; // 'library/nginx'
  tag?: string;
  digest?: string;
  familiarName: string; // 'nginx', 'progrium/stress', 'localhost:5000/app'
  fullName: string; // 'docker.io/library/nginx'
  familiarTagged: string; // 'nginx:latest' (default tag added unless a digest is given)
  fullTagged: string; // 'docker.io/library/nginx:latest'
  familiarString: string; // as familiar, with whatever tag/digest was given
}

/** Parse a reference; throws the distribution/reference error (e.g. `invalid reference format`). */
export function parseRef(s: string): ParsedRef {
  const r = parseNormalizedNamed(s);
  const tagged = tagNameOnly(r);
  return {
    domain: r.domain,
    path: r.path,
    tag: r.tag,
    digest: r.digest,
    familiarName: familiarName(r),
    fullName: repositoryName(r),
    familiarTagged: familiarString(tagged),
    fullTagged: fullString(tagged),
    familiarString: familiarString(r),
  };
}
