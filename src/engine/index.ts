// createEngine: the simulated Docker daemon's API. Every command runs in one immer produce, so a failed command changes nothing.
import { dict } from './dict';
import { enableMapSet, produce, type Draft } from 'immer';
import type { Container, EngineState } from './state';
import { collectRemovals } from './removals';
import { isDockerError } from './errors';
import { createRng } from './ids';
import { createIndexes } from './indexes';
import { allContainers, containerById, newContainerTable, withFreshFrozen } from './container-table';
import * as lookup from './lookup';
import type { Filters } from './prune-filter';
import { images, archive, history, push as pushes } from './image';
import { containers, lifecycle, exec, copy, health, execHostPaths, updates, redisRequest, sqlRequest, mongoRequest } from './container';
import { cache as buildcache, builder as build, commit as commits } from './build';
import { defaultNetworking, networks, netops, packets, type PacketRecord, type Trace } from './network';
import { volumes, cpHostReads, type HostNodes } from './storage';
import * as hostOps from './host';

export type * from './state';
export { DockerError, isDockerError, execStartFailed } from './errors'; // execStartFailed: the shell's runtime refuses an exec's missing -w
export type { ErrorKind, ErrorCode } from './errors';
export type { UpdateOptions } from './container';
export type { CreateOptions, RuntimeResult } from './container';
export type { RedisReply, SqlReply, SqlFailure, SqlRequest, SqlResult, SqlTx, MongoOp, MongoReply, MongoDoc } from './container';
export type { PullReport, RemoveRecord } from './image';
export { parseRef, type ParsedRef } from './refs';
export { imageSize, tagsOf, chainIds, imageStack, lowerStack, containerImage } from './image';
export { lookup, listDir, walk, normPath, realPath, diffUpper, tableSize, writeNode, removeNode } from './layers';
export { visibleLogs, resolveExecutable } from './container';
export { versionText } from './container'; // php, ruby and java version flags (the shell's programs print the same)
export { findContainer, findNetwork } from './lookup';
export { containerById, hasContainer, allContainers, containerIds, containerCount, containerChanges } from './container-table'; // the containers of a state
export type { HostNodes, HostRead } from './storage'; // docker cp and exec through a container's mounts
export type { HostWrite } from './container';
export { shortId, sha256Hex } from './ids';
export { dict, own, hasOwn, type Dict } from './dict'; // null-prototype maps for user-typed keys
export { pullableRepos, searchEntries } from './registry';
// the catalog's layer files load on demand: a command that pulls throws ImageDataNeeded until its chunks are loaded (the docker client loads them and runs it again)
export { loadImageData, loadAllImageData, catalogLayerFiles, ImageDataNeeded } from './registry';
// so do the images' programs (databases, redis, services, language runtimes, stress, WordPress): the code chunks a state's running programs need
export { programChunks } from './container';
export { cpArchive, tarSize } from './image';
export { standInContent, standInOf, type StandIn } from './standin';
export { diskUsage, type DiskUsage } from './storage';
export { dueProbe, probeArgv, healthString, healthStatus, type ProbeRun } from './container'; // health checks
export { registryBinds, registryTree, REGISTRY_ROOT } from './registry'; // registry:2 storage files
export { imageManifest, type ImageManifest } from './registry';
// image builds (build/): the job the CLI drives, and what it renders
export type { BuildJob, BuildIO, BuildFailure, Vertex, BuildStatus, PendingRun } from './build';
export type { BuildOptions } from './build';
export type { RunOutput } from './build';
export type { LintWarning } from './build';
export type { HistoryRow } from './image';
export type { CommitOptions } from './build';
export { apparentTarSize, decodeTar, tarToTable } from './image';
export { HOST, cpuAllocation, memoryUsage, memoryLimit, pidCount, cpuWeight, cgroupFiles, loopChild } from './container';
export { liveExecs } from './container'; // exec processes running now (top, ps)
// networking (network/): pure selectors for the CLI, the shell's net tools and the diagrams
export type { NetworkCreateOptions } from './network';
export type { Tables, Table, Chain, TableName } from './network';
export type { Packet, RuleHit } from './network';
export type { Trace, TraceStep, Netns, PacketRecord } from './network';
export type { Listener as NetListener, HttpReply } from './network';
export type { Resolution } from './network';
export { attachedContainers, PREDEFINED, validCidr } from './network';
export { iptablesRules, dockerRules, publishingEndpoint } from './network';
export { ruleSpec, ruleLine, parseRule, runChain } from './network';
export { tracePacket, traceText, samePacket, hostAddresses, nsInterfaces, defaultRouteIface } from './network';
export { resolveName, nameserverOf, containerEtcFiles, usesEmbeddedDns, dnsNames, INTERNET_HOSTS, HOST_RESOLV_CONF, HOST_ETC_HOSTS } from './network';
export { netnsOf, listeners, PROGRAM_PORTS, bindPathsFor } from './network';
export { networkMode, isRunning } from './network';
export { prefixLen, HOST_IF } from './network';
export { ipToInt, intToIp, parseCidr, maskOf, inCidr, broadcastOf } from './network';
export { EPHEMERAL } from './network';
// volumes (storage/): pure selectors for the CLI (system df, inspect) and the runtime
export { daemonUp, daemonConfig, cliInstalled, readDaemonJson, DOCKER_UNITS, DOCKER_GID, DOCKERD_ARGV, type UnitResult } from './host'; // a host that began without Docker
export type { VolumeCreateOptions } from './storage';
export type { Filters as VolumeFilters } from './prune-filter';
export { volumeUsage, volumeUsers, mountpointOf, parseFilters, ANONYMOUS_LABEL } from './storage';

export interface EngineOptions {
  /** Seed for ids, names and digests (same seed ⇒ same session). */
  seed?: number;
  /** Simulated start time, ms since epoch. */
  now?: number;
}

export type Listener = (next: EngineState, prev: EngineState) => void;

export { VERSION } from './version'; // daemon version facts (Engine 27)

enableMapSet(); // the container table (container-table.ts) is made of Maps

export function initialState(opts: EngineOptions = {}): EngineState {
  return {
    clock: opts.now ?? Date.parse('2026-11-23T09:00:00Z'),
    rng: createRng(opts.seed ?? 1),
    nextPid: 2000,
    layers: dict(),
    images: dict(),
    tags: dict(),
    containers: newContainerTable(),
    containerSeq: 0,
    registries: dict(),
    buildCache: dict(), // BuildKit build cache (build/)
    volumes: dict(), // local volumes (storage/volumes.ts)
    ...defaultNetworking(opts.seed ?? 1, opts.now ?? Date.parse('2026-11-23T09:00:00Z')), // networks + hostNet (network/networks.ts)
  };
}

/** Thrown to undo a combined command that must run as separate ones (container.createAndStart). */
const SEPARATE = Symbol('separate commands');

export function createEngine(opts: EngineOptions = {}) {
  let state = initialState(opts);
  const indexes = createIndexes(state);
  const listeners = new Set<Listener>();
  /** Containers the last command removed on its own (--rm), for an attached client (removals.ts). */
  let removedLast = new Map<string, Container>();

  const commit = (next: EngineState) => {
    if (next === state) return;
    const prev = state;
    state = next;
    for (const l of listeners) l(next, prev);
  };

  /** Wrap a draft function as an atomic daemon command. */
  const cmd =
    <A extends unknown[], R>(fn: (s: EngineState, ...a: A) => R) =>
    (...a: A): R => {
      let out!: R;
      let gone: Container[] = [];
      // the command records what it changes in the indexes' transaction (indexes.ts), applied once it has committed
      const { result: next, apply } = indexes.run(() => {
        const r = collectRemovals(() =>
          produce(state, (d: Draft<EngineState>) =>
            withFreshFrozen(() => {
              containers.reconcile(d as EngineState);
              out = fn(d as EngineState, ...a);
            }),
          ),
        );
        gone = r.removed;
        return r.result;
      });
      apply(next);
      removedLast = new Map(gone.map((c) => [c.id, c]));
      commit(next);
      return out;
    };

  const createAndStart = cmd((s: EngineState, o: containers.CreateOptions) => {
    const made = containers.create(s, o);
    if (containerById(s, made.id)!.mounts.some((m) => m.type === 'bind')) throw SEPARATE;
    return { ...made, program: containers.start(s, made.id, {}).program };
  });


  const engine = {
    /** The current state (frozen; never mutate). */
    get state(): EngineState {
      return state;
    },
    /** Be told after every state change, with the state before it. */
    subscribe(fn: Listener): () => void {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    /** Replace the whole state (time travel, session import). */
    restore(s: EngineState) {
      indexes.reset(s);
      removedLast = new Map();
      commit(s);
    },
    /** Containers with a health probe due by now, in creation order (shell/health.ts runs them). */
    probesDue(): string[] {
      const ids = indexes.probesDue(state.clock);
      if (ids.length < 2) return ids;
      const seq = (id: string) => containerById(state, id)?.seq ?? 0;
      return ids.sort((x, y) => seq(x) - seq(y));
    },
    /** The indexes' view of the committed state (tests compare it with a fresh scan). */
    indexes: () => ({ held: indexes.snapshot(), fresh: indexes.scan(state) }),
    /** Simulated now, ms since epoch. */
    now: () => state.clock,
    /** Let simulated time pass; processes whose time has come exit. */
    advance: cmd((s, ms: number) => {
      s.clock += Math.max(0, ms);
      containers.reconcile(s);
    }),
    image: {
      /** POST /images/create: pull a reference from the registry. */
      pull: cmd(images.pull),
      /** POST /images/{name}/tag. */
      tag: cmd(images.tag),
      /** DELETE /images/{name}: untag and delete, returning the records the CLI prints. */
      remove: cmd(images.remove),
      /** GET /images/{name}/json: a local image by reference or ID, or undefined. */
      find: (ref: string) => lookup.findImage(state, ref),
      /** Like find, but throws `No such image: …`. */
      get: (ref: string) => lookup.getImage(state, ref),
      /** GET /images/get: a `docker save` tar of the images. */
      save: (refs: string[]) => archive.save(state, refs),
      /** POST /images/{name}/push: send an image to its registry (`user` = who is logged in to Docker Hub). */
      push: cmd(pushes.push),
      /** POST /images/prune: dangling images (all unused ones with `all`). */
      prune: cmd(images.prune),
      /** POST /images/load. */
      load: cmd(archive.load),
      /** POST /images/create?fromSrc: a flat tar as a new image. */
      importTar: cmd(archive.importTar),
      /** GET /images/{name}/history: rows newest first (`<missing>` where no local image is known). */
      history: (ref: string) => history.imageHistory(state, ref),
    },
    build: {
      /** POST /build/prune: drop build cache records. */
      prune: cmd(buildcache.pruneBuildCache),
      /** POST /build: parse and plan the Dockerfile, then run steps until a RUN needs the runtime (job.pending) or the end. */
      start: cmd(build.startBuild),
      /** Resume a build after the runtime ran its pending RUN (or continue a job). */
      continue: cmd(build.continueBuild),
      /** Layer file tables of a chain of diff IDs, top first: the read-only layers a RUN sees. */
      stack: (diffIds: string[]) =>
        images
          .chainIds(diffIds)
          .reverse()
          .map((c) => state.layers[c]?.files ?? {}),
    },
    container: {
      /** POST /commit: a new image from the container's writable layer; returns `sha256:<id>`. */
      commit: cmd(commits.commit),
      /** POST /containers/create. */
      create: cmd(containers.create),
      /** POST /containers/{id}/start: 'runtime' means the shell runtime must execute the process. */
      start: cmd(containers.start),
      /** docker run's create and start as one command, leaving what the two would leave: null when they must stay two
       *  (a bind mount: the client reads the host between them; or either fails: a failed start leaves the created
       *  container, so the caller creates and starts it again in two commands, with the same IDs and the same errors). */
      createAndStart: (o: containers.CreateOptions): { id: string; warnings: string[]; program: string } | null => {
        try {
          return createAndStart(o);
        } catch (e) {
          if (e === SEPARATE || isDockerError(e)) return null;
          throw e;
        }
      },
      /** What a failed start leaves: State.Error and an exit status (daemon/start.go's deferred cleanup). */
      recordStartError: cmd(containers.recordStartError),
      /** The runtime's report of what a script process did. */
      processDone: cmd(containers.processDone),
      /** A health probe the runtime ran: it stands for every probe due by now (container/health.ts). */
      healthProbe: cmd(health.recordProbe),
      /** POST /containers/{id}/stop. */
      stop: cmd(containers.stop),
      /** POST /containers/{id}/kill. */
      kill: cmd(containers.kill),
      /** DELETE /containers/{id}. */
      remove: cmd(containers.remove),
      /** POST /containers/{id}/update: resources and restart policy (docker update). */
      update: cmd(updates.update),
      /** GET /containers/{id}/archive: a path and its subtree (docker cp from a container). */
      readPath: (ref: string, path: string, host?: HostNodes) => indexes.read(() => copy.readPath(state, ref, path, host)),
      /** HEAD /containers/{id}/archive: what is at a path. */
      pathKind: (ref: string, path: string, host?: HostNodes) => indexes.read(() => copy.pathKind(state, ref, path, host)),
      /** The host paths (bind mounts) docker cp reads at a container path, for readPath/pathKind/writePath's `host`. */
      cpHostReads: (ref: string, path: string) => indexes.read(() => cpHostReads(state, lookup.findContainer(state, ref), path)),
      /** The host paths (bind mounts) where the container's executable (or `exe`) may be, for start/execCreate's `host`. */
      execHostPaths: (ref: string, exe?: string) => {
        const c = indexes.read(() => lookup.findContainer(state, ref));
        return execHostPaths(state, c, exe ?? c.path);
      },
      /** PUT /containers/{id}/archive: write files into the container (docker cp to a container). */
      writePath: cmd(copy.writePath),
      /** GET /containers/{id}/export: the flattened root filesystem as a tar. */
      export: (ref: string) => indexes.read(() => archive.exportContainer(state, ref)),
      /** POST /containers/{id}/pause. */
      pause: cmd(lifecycle.pause),
      /** POST /containers/{id}/unpause. */
      unpause: cmd(lifecycle.unpause),
      /** POST /containers/{id}/restart: like start, 'runtime' means the shell runtime must run it. */
      restart: cmd(lifecycle.restart),
      /** POST /containers/{id}/rename. */
      rename: cmd(lifecycle.rename),
      /** POST /containers/prune: remove stopped containers. */
      prune: cmd(lifecycle.prune),
      /** POST /containers/{id}/wait (non-blocking): exit code, or null while running. */
      waitResult: (ref: string) => indexes.read(() => lifecycle.waitResult(state, ref)),
      /** POST /containers/{id}/exec: validate and register an exec process. */
      execCreate: cmd(exec.execCreate),
      /** An exec process ended. */
      execDone: cmd(exec.execDone),
      /** Store the writable layer after a process changed files. */
      setUpper: cmd(exec.setUpper),
      /** The main process is an interactive shell that runs until exited. */
      processInteractive: cmd(exec.processInteractive),
      /** Append terminal output to a tty container's log. */
      appendLog: cmd(exec.appendLog),
      /** A redis-cli command sent to the redis-server in container `id` (its dataset, AOF and dump.rdb change). */
      redis: cmd(redisRequest),
      /** A psql/mysql client's statements for the SQL server in container `id` (postgres, mysqld, mariadbd); tables live in its data directory. */
      sql: cmd(sqlRequest),
      /** One mongosh operation for the mongod in container `id`; collections live in /data/db. */
      mongo: cmd(mongoRequest),
      /** The main process exited with a code (typed `exit`). */
      mainExited: cmd(exec.mainExited),
      /** A container the last command removed on its own (--rm after its process exited): an attached client still
       *  reads its output and exit code. */
      removed: (id: string): Container | undefined => removedLast.get(id),
      /** GET /containers/{id}/json: find by ID, name or unique prefix; throws `No such container`. */
      get: (ref: string) => indexes.read(() => lookup.findContainer(state, ref)),
      /** Containers newest first (GET /containers/json order). */
      list: (all: boolean) =>
        [...allContainers(state)]
          .reverse()
          .filter((c) => all || c.state.status === 'running' || c.state.status === 'paused' || c.state.status === 'restarting'),
    },
    /** Networks (POST /networks/create …) and the host's netfilter/sysctl state they live in. */
    volume: {
      /** POST /volumes/create: a local volume (no name: a 64-hex name and the anonymous label); returns its name. An existing name is left unchanged. */
      create: cmd((s: EngineState, o?: volumes.VolumeCreateOptions) => volumes.create(s, o).name),
      /** DELETE /volumes/{name}: `force` forgives a missing volume; a volume in use is a Conflict. */
      remove: cmd(volumes.remove),
      /** POST /volumes/prune: unused anonymous volumes (`all: ['true']` filter: every unused one); names and bytes freed. */
      prune: cmd(volumes.prune),
      /** GET /volumes: filtered by dangling / name / driver / label (invalid filters throw). */
      list: (filters?: Filters) => volumes.list(state, filters),
      /** GET /volumes/{name}: exact name; throws `get NAME: no such volume`. */
      get: (name: string) => lookup.getVolume(state, name),
      /** The runtime stores what a container's processes wrote into its volumes and tmpfs mounts (once per process or typed line). */
      store: cmd(volumes.storeWrites),
    },
    /** The host around the daemon when a lesson starts without Docker: packages, systemd units, the docker group. */
    host: {
      /** Make this a fresh Ubuntu host without Docker, `user` logged in. */
      bare: cmd(hostOps.bareHost),
      /** apt installed these packages (docker-ce's postinst starts the daemon, reading daemon.json). */
      install: cmd(hostOps.installPackages),
      /** apt removed these packages (docker-ce's prerm stops the daemon). */
      remove: cmd(hostOps.removePackages),
      /** systemctl start; the daemon refuses a bad daemon.json. */
      start: cmd(hostOps.startUnit),
      stop: cmd(hostOps.stopUnit),
      enable: cmd(hostOps.enableUnit),
      /** groupadd / usermod / gpasswd changed the docker group in /etc/group. */
      setDockerGroup: cmd(hostOps.setDockerGroup),
      /** A new login shell (newgrp, su -) carries these groups. */
      setShellGroups: cmd(hostOps.setShellGroups),
      /** newgrp: a nested shell with these groups. */
      enterShell: cmd(hostOps.enterShell),
      /** `exit` from a shell newgrp started; false when the login shell is the current one. */
      leaveShell: cmd(hostOps.leaveShell),
    },
    network: {
      /** POST /networks/create: returns the full network ID. */
      create: cmd(networks.createNetwork),
      /** DELETE /networks/{id}. */
      remove: cmd(networks.removeNetwork),
      /** POST /networks/{id}/connect: attach a container (addressed at once when it runs). */
      connect: cmd(networks.connect),
      /** POST /networks/{id}/disconnect. */
      disconnect: cmd(networks.disconnect),
      /** POST /networks/prune: removed networks' names. */
      prune: cmd(networks.pruneNetworks),
      /** GET /networks/{id}: by full ID, name or unique ID prefix; throws `network X not found`. */
      get: (ref: string) => lookup.getNetwork(state, ref),
      /** Like get, but undefined when missing. */
      find: (ref: string) => lookup.findNetwork(state, ref),
      /** GET /networks. */
      list: () => Object.values(state.networks),
      /** An `iptables` edit on the host; returns iptables' error text instead of applying a bad one. */
      iptablesEdit: cmd(netops.iptablesEdit),
      /** `sysctl -w` on the host. */
      sysctl: cmd(netops.sysctlWrite),
      /** Packets a network tool sent along a traced path: the iptables rules they hit count them (iptables -L -v). */
      countPackets: cmd(netops.countPackets),
      /** `iptables -Z`. */
      zeroCounters: cmd(netops.zeroCounters),
      /** An HTTP request from a namespace: the connection's trace, and the server's reply (which it logs). */
      http: cmd(netops.httpRequest),
      /** A traced packet as plain data for the packet diagram (the state is not changed: the session keeps the packet of each step). */
      packetRecord: (t: Trace): PacketRecord => packets.packetRecord(state, t),
    },
  };
  return engine;
}

export type Engine = ReturnType<typeof createEngine>;
