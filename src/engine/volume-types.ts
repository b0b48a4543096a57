// Volume and mount entity types (moby volume store, container MountPoints, API mount.Mount): plain data.
import type { FileTable } from './fs-types';

/** A local volume (`docker volume create`, `-v name:/path`, an image VOLUME). */
export interface Volume {
  name: string;
  driver: string; // 'local'
  created: number; // ms since epoch
  /** null when created by a container mount without options (inspect shows `null`). */
  labels: Record<string, string> | null;
  options: Record<string, string> | null;
  /** The content of `_data`: paths inside the volume, written absolute ('/index.html'). */
  files: FileTable;
}

/** One mount point of a container (moby volume/mounts MountPoint). */
export interface Mount {
  type: 'volume' | 'bind' | 'tmpfs';
  /** Volume name; '' for bind and tmpfs. */
  name: string;
  /** Host path: the bind source or the volume's Mountpoint; '' for tmpfs. */
  source: string;
  /** Cleaned container path (inspect Destination). */
  destination: string;
  driver: string; // 'local' for volumes, '' otherwise
  mode: string;
  rw: boolean;
  propagation: string;
  /** The spec named its source (`-v name:/x`): `rm -v` and `--rm` keep the volume. */
  named: boolean;
  /** From --tmpfs (HostConfig.Tmpfs): not a MountPoint, so inspect does not list it. */
  tmpfsFlag?: boolean;
  /** A bind of a single host file (`-v $HOME/.bash_history:/root/.bash_history`). */
  file?: boolean;
  /** What a tmpfs holds while the container runs (emptied when it stops). */
  files?: FileTable;
}

/** API mount.Mount (HostConfig.Mounts, from `--mount`), omitempty fields optional. */
export interface MountSpec {
  Type: string;
  Source?: string;
  Target?: string;
  ReadOnly?: boolean;
  Consistency?: string;
  BindOptions?: { Propagation?: string; NonRecursive?: boolean; CreateMountpoint?: boolean };
  VolumeOptions?: { NoCopy?: boolean; Labels?: Record<string, string>; Subpath?: string; DriverConfig?: { Name?: string; Options?: Record<string, string> } };
  TmpfsOptions?: { SizeBytes?: number; Mode?: number };
}

/** The HostConfig fields about storage (Binds lives in HostConfig itself). */
export interface MountHostConfig {
  /** --mount specs (omitted from inspect when none). */
  Mounts?: MountSpec[];
  /** --tmpfs PATH[:OPTIONS] (omitted from inspect when none). */
  Tmpfs?: Record<string, string>;
  VolumesFrom?: string[] | null;
}

/** What the client adds to a create request about storage (besides HostConfig). */
export interface MountCreateOptions {
  /** `-v /path` without a source: anonymous volumes (Config.Volumes). */
  anonymous?: string[];
  /** What the host has at each bind source (the client looked): missing paths are null. Unlisted paths count as directories. */
  hostPaths?: Record<string, 'dir' | 'file' | null>;
}

/** Files processes wrote into a container's volumes and tmpfs mounts (the runtime reports them). */
export interface MountWrites {
  /** Volume name → its whole new content. */
  volumes?: Record<string, FileTable>;
  /** tmpfs destination → its whole new content. */
  tmpfs?: Record<string, FileTable>;
}
