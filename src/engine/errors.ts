// The engine's error catalogue: DockerError with moby's errdefs kinds, one constructor per kind, and the daemon messages several places share.

/** moby api/errdefs: what kind of failure an error is (the HTTP status the API would answer with). */
export type ErrorKind =
  | 'NotFound' // 404
  | 'Conflict' // 409
  | 'InvalidParameter' // 400
  | 'NotModified' // 304
  | 'Forbidden' // 403
  | 'Unavailable' // 503
  | 'System'; // 500

/** Messages with a name, for callers that must tell them apart without reading the text. */
export type ErrorCode =
  | 'no-such-container'
  | 'no-such-image'
  | 'no-such-network'
  | 'no-such-volume'
  | 'no-such-file-in-container'
  | 'container-not-running'
  | 'manifest-unknown'
  | 'registry-unreachable'
  | 'host-network-connect'
  | 'read-only-mount'
  | 'duplicate-mount-point'
  | 'invalid-mount-mode'
  | 'invalid-volume-spec'
  | 'invalid-filter'
  | 'exec-start-failed';

/** An error the simulated daemon returns: its kind and the daemon's exact message (the client adds `Error response from daemon: `). */
export class DockerError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly code?: ErrorCode,
  ) {
    super(message);
    this.name = 'DockerError';
  }
}

export function isDockerError(e: unknown): e is DockerError {
  return e instanceof DockerError;
}

// errdefs: one constructor per kind, for messages said in one place
export const notFound = (msg: string, code?: ErrorCode) => new DockerError('NotFound', msg, code);
export const conflict = (msg: string, code?: ErrorCode) => new DockerError('Conflict', msg, code);
export const invalid = (msg: string, code?: ErrorCode) => new DockerError('InvalidParameter', msg, code);
export const notModified = (msg: string) => new DockerError('NotModified', msg);
export const forbidden = (msg: string, code?: ErrorCode) => new DockerError('Forbidden', msg, code);
export const unavailable = (msg: string, code?: ErrorCode) => new DockerError('Unavailable', msg, code);
export const system = (msg: string, code?: ErrorCode) => new DockerError('System', msg, code);

// daemon/errors.go and friends: the messages several places return
/** daemon errNoSuchContainer. */
export const noSuchContainer = (ref: string) => notFound(`No such container: ${ref}`, 'no-such-container');
/** daemon/images ErrImageDoesNotExist (the reference in its familiar form). */
export const noSuchImage = (ref: string) => notFound(`No such image: ${ref}`, 'no-such-image');
/** libnetwork ErrNoSuchNetwork as daemon/network.go words it. */
export const noSuchNetwork = (ref: string) => notFound(`network ${ref} not found`, 'no-such-network');
/** volume/service: `get NAME: no such volume`. */
export const noSuchVolume = (name: string) => notFound(`get ${name}: no such volume`, 'no-such-volume');
/** daemon/archive.go: a docker cp path that is not there. */
export const noSuchFileInContainer = (path: string, ref: string) => notFound(`Could not find the file ${path} in container ${ref}`, 'no-such-file-in-container');
/** daemon errNotRunning. */
export const containerNotRunning = (id: string) => conflict(`container ${id} is not running`, 'container-not-running');
/** distribution: a tag or digest the registry does not have. */
export const manifestUnknown = (ref: string) => notFound(`manifest for ${ref} not found: manifest unknown: manifest unknown`, 'manifest-unknown');
/** A registry nobody listens for: Go's dial error inside the registry client's GET /v2/. */
export const registryUnreachable = (domain: string) =>
  unavailable(`Get "https://${domain}/v2/": dial tcp ${domain.replace(/^localhost/, '127.0.0.1')}: connect: connection refused`, 'registry-unreachable');
/** daemon/container_operations.go: host networking has no other networks. */
export const hostNetworkConnect = () => forbidden('container cannot be disconnected from host network or connected to host network', 'host-network-connect');
/** daemon/archive.go ErrVolumeReadonly. */
export const readOnlyMount = () => invalid('mounted volume is marked read-only', 'read-only-mount');
/** volume/mounts: two mounts on one target. */
export const duplicateMountPoint = (dest: string) => invalid(`Duplicate mount point: ${dest}`, 'duplicate-mount-point');
/** volume/mounts linux parser: a mode it does not know. */
export const invalidMountMode = (mode: string) => invalid(`invalid mode: ${mode}`, 'invalid-mount-mode');
/** volume/mounts linux parser: a -v it cannot split (the detail, when there is one, follows after `: `). */
export const invalidVolumeSpec = (raw: string, detail?: string) => invalid(`invalid volume specification: '${raw}'${detail ? `: ${detail}` : ''}`, 'invalid-volume-spec');
/** runc could not start an exec process (its executable is missing or not executable): the CLI exits 126. */
export const execStartFailed = (why: string) => system(`OCI runtime exec failed: exec failed: unable to start container process: ${why}: unknown`, 'exec-start-failed');
/** api/types/filters: a filter key or value the endpoint does not accept (`'key'` or `'key=value'`). */
export const invalidFilter = (what: string) => invalid(`invalid filter '${what}'`, 'invalid-filter');
