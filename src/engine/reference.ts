// Image reference parsing: a port of distribution/reference v0.6.0 (ParseNormalizedNamed, Familiar*, TagNameOnly).

/** A parsed, normalized image reference (`docker.io/library/nginx:latest` → domain `docker.io`, path `library/nginx`). */
export interface ImageRef {
  domain: string;
  path: string;
  tag?: string;
  digest?: string;
}

/** Error thrown for an unparseable reference; `message` is the exact distribution/reference (or go-digest) text. */
export class InvalidReferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReferenceError';
  }
}

// --- regexp.go (distribution/reference v0.6.0). Go's RE2 submatches are leftmost-first like JS. ---
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const tagPat = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|${ipv6address})`;
const domainAndPort = host + optionalPort;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;

const referenceRegexp = new RegExp(`^(${namePat})(?::(${tagPat}))?(?:@(${digestPat}))?$`);
const anchoredNameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const anchoredIdentifierRegexp = /^([a-f0-9]{64})$/;
const anchoredTagRegexp = new RegExp(`^${tagPat}$`);

const defaultDomain = 'docker.io';
const legacyDefaultDomain = 'index.docker.io';
const officialRepoPrefix = 'library/';
const localhost = 'localhost';
/** RepositoryNameTotalLengthMax: v0.6.0 checks the path only (the domain is excluded). */
const repositoryNameTotalLengthMax = 255;

const ERR_REFERENCE_INVALID_FORMAT = 'invalid reference format';
const ERR_NAME_CONTAINS_UPPERCASE = 'repository name must be lowercase';
const ERR_NAME_TOO_LONG = `repository name must not be more than ${repositoryNameTotalLengthMax} characters`;
const ERR_NAME_EMPTY = 'repository name must have at least one component';
const ERR_TAG_INVALID_FORMAT = 'invalid tag format';

// --- go-digest (opencontainers/go-digest v1.0.0) Digest.Validate. sha256/384/512 are linked into docker. ---
const ERR_DIGEST_INVALID_FORMAT = 'invalid checksum digest format';
const ERR_DIGEST_INVALID_LENGTH = 'invalid checksum digest length';
const ERR_DIGEST_UNSUPPORTED = 'unsupported digest algorithm';
const digestRegexpAnchored = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const digestAlgorithms: Record<string, number> = { sha256: 32, sha384: 48, sha512: 64 };

function validateDigest(d: string): void {
  const i = d.indexOf(':');
  if (i <= 0 || i + 1 === d.length) throw new InvalidReferenceError(ERR_DIGEST_INVALID_FORMAT);
  const algorithm = d.slice(0, i);
  const encoded = d.slice(i + 1);
  const size = Object.hasOwn(digestAlgorithms, algorithm) ? digestAlgorithms[algorithm] : undefined;
  if (size === undefined) {
    if (!digestRegexpAnchored.test(d)) throw new InvalidReferenceError(ERR_DIGEST_INVALID_FORMAT);
    throw new InvalidReferenceError(ERR_DIGEST_UNSUPPORTED);
  }
  if (size * 2 !== encoded.length) throw new InvalidReferenceError(ERR_DIGEST_INVALID_LENGTH);
  if (!/^[a-f0-9]+$/.test(encoded)) throw new InvalidReferenceError(ERR_DIGEST_INVALID_FORMAT);
}

/** reference.Parse: parse a (non-normalized) reference string. */
function parse(s: string): ImageRef {
  const m = referenceRegexp.exec(s);
  if (m === null) {
    if (s === '') throw new InvalidReferenceError(ERR_NAME_EMPTY);
    if (referenceRegexp.test(s.toLowerCase())) {
      throw new InvalidReferenceError(`${ERR_REFERENCE_INVALID_FORMAT}: ${ERR_NAME_CONTAINS_UPPERCASE}`);
    }
    throw new InvalidReferenceError(ERR_REFERENCE_INVALID_FORMAT);
  }
  const name = m[1];
  const nameMatch = anchoredNameRegexp.exec(name);
  const ref: ImageRef = nameMatch
    ? { domain: nameMatch[1] ?? '', path: nameMatch[2] }
    : { domain: '', path: name };
  if (ref.path.length > repositoryNameTotalLengthMax) throw new InvalidReferenceError(ERR_NAME_TOO_LONG);
  if (m[2] !== undefined && m[2] !== '') ref.tag = m[2];
  if (m[3] !== undefined && m[3] !== '') {
    validateDigest(m[3]);
    ref.digest = m[3];
  }
  return ref;
}

/** splitDockerDomain (v0.6.0): decide whether the first path element is a registry domain. */
function splitDockerDomain(name: string): [domain: string, remainder: string] {
  const slash = name.indexOf('/');
  if (slash === -1) return [defaultDomain, officialRepoPrefix + name];
  const maybeDomain = name.slice(0, slash);
  const maybeRemote = name.slice(slash + 1);
  let domain: string;
  let remote: string;
  if (maybeDomain === localhost) {
    [domain, remote] = [maybeDomain, maybeRemote];
  } else if (maybeDomain === legacyDefaultDomain) {
    [domain, remote] = [defaultDomain, maybeRemote];
  } else if (/[.:]/.test(maybeDomain)) {
    [domain, remote] = [maybeDomain, maybeRemote];
  } else if (maybeDomain.toLowerCase() !== maybeDomain) {
    // Uppercase namespaces are not allowed on Docker Hub, so this must be a domain.
    [domain, remote] = [maybeDomain, maybeRemote];
  } else {
    return [defaultDomain, name];
  }
  if (domain === defaultDomain && !remote.includes('/')) remote = officialRepoPrefix + remote;
  return [domain, remote];
}

/**
 * ParseNormalizedNamed: parse what a user typed (`nginx`, `bitnami/redis:7`, `localhost:5000/x@sha256:…`)
 * into a fully qualified reference. Throws InvalidReferenceError with docker's exact text.
 */
export function parseNormalizedNamed(s: string): ImageRef {
  if (anchoredIdentifierRegexp.test(s)) {
    throw new InvalidReferenceError(
      `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`,
    );
  }
  const [domain, remainder] = splitDockerDomain(s);
  const tagSep = remainder.indexOf(':');
  const remote = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (remote.toLowerCase() !== remote) {
    throw new InvalidReferenceError(
      `${ERR_REFERENCE_INVALID_FORMAT}: repository name (${remote}) must be lowercase`,
    );
  }
  return parse(`${domain}/${remainder}`);
}

/** The fully qualified repository name without tag/digest: `docker.io/library/nginx`. */
export function repositoryName(ref: ImageRef): string {
  return ref.domain === '' ? ref.path : `${ref.domain}/${ref.path}`;
}

/** FamiliarName: the short repository name docker shows (`nginx`, `bitnami/redis`, `localhost:5000/x`). */
export function familiarName(ref: ImageRef): string {
  if (ref.domain !== defaultDomain) return repositoryName(ref);
  if (ref.path.startsWith(officialRepoPrefix)) {
    const rest = ref.path.slice(officialRepoPrefix.length);
    if (!rest.includes('/')) return rest;
  }
  return ref.path;
}

function suffix(ref: ImageRef): string {
  return (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest !== undefined ? `@${ref.digest}` : '');
}

/** FamiliarString: familiar name plus `:tag` and/or `@digest` as present (`nginx:latest`). */
export function familiarString(ref: ImageRef): string {
  return familiarName(ref) + suffix(ref);
}

/** Reference.String(): the canonical full form (`docker.io/library/nginx:latest`). */
export function fullString(ref: ImageRef): string {
  return repositoryName(ref) + suffix(ref);
}

/** TagNameOnly: add the default tag `latest` when the reference has neither tag nor digest. */
export function tagNameOnly(ref: ImageRef): ImageRef {
  if (ref.tag === undefined && ref.digest === undefined) return { ...ref, tag: 'latest' };
  return ref;
}

/** WithTag: replace the tag (keeps the digest, like reference.WithTag on a canonical ref). */
export function withTag(ref: ImageRef, tag: string): ImageRef {
  if (!anchoredTagRegexp.test(tag)) throw new InvalidReferenceError(ERR_TAG_INVALID_FORMAT);
  return { ...ref, tag };
}

/**
 * ParseDockerRef (moby/containerd daemon side): normalize, drop the tag when a digest is present,
 * then apply TagNameOnly. `busybox:latest@sha256:…` → `docker.io/library/busybox@sha256:…`.
 */
export function parseDockerRef(s: string): ImageRef {
  const ref = parseNormalizedNamed(s);
  if (ref.digest !== undefined && ref.tag !== undefined) {
    return { domain: ref.domain, path: ref.path, digest: ref.digest };
  }
  return tagNameOnly(ref);
}
