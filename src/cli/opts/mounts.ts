// Client-side parsers of storage flag values: `-v` specs (compose loader ParseVolume) and `--mount` CSV fields (MountOpt.Set).
// docker/cli: opts/mount.go, cli/compose/loader/volume.go
import { FlagError } from '../flags';
import type { MountSpec } from '../../engine/index';
import { dict } from '../../engine/index';
import { OptError } from '../container/net-flags';

/** compose loader ParseVolume: the source part of a -v spec ('' = anonymous); its errors are client-side. */
export function volumeSource(spec: string): string {
  if (spec.length === 0) throw new OptError('invalid empty volume spec');
  if (spec.length <= 2) return '';
  const parts: string[] = [];
  let buf = '';
  for (const ch of spec + '\0') {
    if (ch !== ':' && ch !== '\0') {
      buf += ch;
      continue;
    }
    if (!buf) throw new OptError(`invalid spec: ${spec}: empty section between colons`);
    if (parts.length >= 2 && ch === ':') throw new OptError(`invalid spec: ${spec}: too many colons`);
    parts.push(buf);
    buf = '';
  }
  return parts.length === 1 ? '' : parts[0];
}

/** Go encoding/csv for one line: commas separate fields, double quotes protect them. */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') cur += line[++i];
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === '') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** go-units RAMInBytes (binary multiples): `64m`, `1g`, `100k`, `512`. */
function ramInBytes(v: string): number | null {
  const m = /^(\d+(?:\.\d+)*) ?([kmgtp])?i?b?$/i.exec(v);
  if (!m) return null;
  return Math.round(parseFloat(m[1]) * 1024 ** ' kmgtp'.indexOf((m[2] ?? ' ').toLowerCase()));
}

const goBool = (v: string) => (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v) ? true : ['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v) ? false : null);

/** MountOpt.Set: one --mount value as an API mount; errors read like pflag's (`invalid argument "…" for "--mount" flag: …`). */
export function parseMountFlag(value: string): MountSpec {
  const bad = (why: string) => new FlagError(`invalid argument ${JSON.stringify(value)} for "--mount" flag: ${why}`);
  const m: MountSpec = { Type: 'volume' };
  const vol = () => (m.VolumeOptions ??= { Labels: dict(), DriverConfig: {} });
  const bool = (key: string, val: string) => {
    const b = goBool(val);
    if (b === null) throw bad(key === 'volume-nocopy' ? `invalid value for volume-nocopy: ${val}` : `invalid value for ${key}: ${val}`);
    return b;
  };
  for (const field of csvFields(value)) {
    const i = field.indexOf('=');
    const [key, val] = i < 0 ? [field, ''] : [field.slice(0, i), field.slice(i + 1)];
    if (i < 0) {
      if (key === 'readonly' || key === 'ro') m.ReadOnly = true;
      else if (key === 'volume-nocopy') vol().NoCopy = true;
      else if (key === 'bind-nonrecursive') (m.BindOptions ??= {}).NonRecursive = true;
      else throw bad(`invalid field '${field}' must be a key=value pair`);
      continue;
    }
    const kv = (target: Record<string, string>) => {
      const j = val.indexOf('=');
      const k = j < 0 ? val : val.slice(0, j);
      if (k) target[k] = j < 0 ? '' : val.slice(j + 1);
    };
    switch (key) {
      case 'type':
        m.Type = val.toLowerCase();
        break;
      case 'source':
      case 'src':
        m.Source = val;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        m.Target = val;
        break;
      case 'readonly':
      case 'ro':
        m.ReadOnly = bool(key, val);
        break;
      case 'consistency':
        m.Consistency = val.toLowerCase();
        break;
      case 'bind-propagation':
        (m.BindOptions ??= {}).Propagation = val.toLowerCase();
        break;
      case 'bind-nonrecursive':
        (m.BindOptions ??= {}).NonRecursive = bool(key, val);
        break;
      case 'volume-nocopy':
        vol().NoCopy = bool(key, val);
        break;
      case 'volume-label':
        kv(vol().Labels!);
        break;
      case 'volume-driver':
        vol().DriverConfig!.Name = val;
        break;
      case 'volume-opt':
        kv((vol().DriverConfig!.Options ??= dict()));
        break;
      case 'tmpfs-size': {
        const n = ramInBytes(val);
        if (n === null) throw bad(`invalid value for ${key}: ${val}`);
        (m.TmpfsOptions ??= {}).SizeBytes = n;
        break;
      }
      case 'tmpfs-mode':
        if (!/^[0-7]+$/.test(val)) throw bad(`invalid value for ${key}: ${val}`);
        (m.TmpfsOptions ??= {}).Mode = parseInt(val, 8);
        break;
      default:
        throw bad(`unexpected key '${key}' in '${field}'`);
    }
  }
  if (!m.Type) throw bad('type is required');
  if (!m.Target) throw bad('target is required');
  if (m.VolumeOptions && m.Type !== 'volume') throw bad(`cannot mix 'volume-*' options with mount type '${m.Type}'`);
  if (m.BindOptions && m.Type !== 'bind') throw bad(`cannot mix 'bind-*' options with mount type '${m.Type}'`);
  if (m.TmpfsOptions && m.Type !== 'tmpfs') throw bad(`cannot mix 'tmpfs-*' options with mount type '${m.Type}'`);
  return m;
}
