// docker container ls / docker ps: list containers in docker's table layout.
// docker/cli: cli/command/container/list.go, cli/command/formatter/container.go
import { FORMAT_FLAG } from '../flag-texts';
import { defineCommand, StatusError } from '../command';
import { ellipsis, formatGoTime, goQuote, humanDuration, humanSizeWithPrecision } from '../format';
import { fieldsRead, goStruct, goStructProto, parseTemplate, renderFormat } from '../format/template';
import { containerImage, imageSize, parseRef, shortId, tableSize, type Container, type EngineState } from '../../engine/index';
import { commandString, statusString } from './status';
import { localVolumes, mountNames } from './inspect-mounts';
import { applyPsFilters, impliesAll, parseFilters } from './ps-filter';
import { apiPorts, displayablePorts } from './ports-format';
import { defaultPsTable } from './ps-table';
import { own } from '../../engine/index';

/** The IMAGE column: familiar form, digest stripped, an image ID shown short (formatter/container.go Image()). */
export function imageColumn(c: Container, trunc: boolean, s?: EngineState): string {
  const ref = c.config.Image;
  if (ref === c.imageId || ref === c.imageId.slice(7)) return trunc ? shortId(ref) : ref;
  // a reference that no longer resolves to the container's image shows the image's ID (daemon/list.go refreshImage)
  if (s && !resolvesTo(s, ref, c.imageId)) return trunc ? shortId(c.imageId) : c.imageId;
  const known = trunc ? imageColumns : imageColumnsFull;
  let shown = known.get(ref);
  if (shown === undefined) {
    shown = familiar(ref, trunc);
    if (known.size > 1000) known.clear();
    known.set(ref, shown);
  }
  return shown;
}

function resolvesTo(s: EngineState, ref: string, imageId: string): boolean {
  if (!s.images[imageId]) return false;
  let key = tagKeys.get(ref);
  if (key === undefined) {
    try {
      const r = parseRef(ref);
      key = r.digest ? '' : r.fullTagged;
    } catch {
      key = '';
    }
    if (tagKeys.size > 1000) tagKeys.clear();
    tagKeys.set(ref, key);
  }
  return key === '' || s.tags[key] === imageId;
}

/** The tag key a reference looks up ('' for a digest or what does not parse: always taken as resolving), parsed once. */
const tagKeys = new Map<string, string>();

/** The column text per reference, truncated and in full (most rows of a listing share a few images: each is parsed once). */
const imageColumns = new Map<string, string>();
const imageColumnsFull = new Map<string, string>();

function familiar(ref: string, trunc: boolean): string {
  try {
    const r = parseRef(ref);
    if (!trunc) return r.familiarString;
    return r.familiarName + (r.tag ? ':' + r.tag : '');
  } catch {
    return ref;
  }
}

/** `2B (virtual 187MB)`: the writable layer, and with the image under it (formatter/container.go Size). */
function sizeColumn(s: EngineState, c: Container): string {
  const rw = tableSize(c.upper);
  const img = containerImage(s, c);
  return `${humanSizeWithPrecision(rw, 3)} (virtual ${humanSizeWithPrecision(rw + (img ? imageSize(s, img) : 0), 3)})`;
}

const DEFAULT_TABLE = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';
const HEADER = { ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', CreatedAt: 'CREATED AT', RunningFor: 'CREATED', Ports: 'PORTS', State: 'STATE', Status: 'STATUS', Size: 'SIZE', Names: 'NAMES', Labels: 'LABELS', Mounts: 'MOUNTS', Networks: 'NETWORKS', LocalVolumes: 'LOCAL VOLUMES', Label: () => 'LABEL' };

/** The fields a `docker ps --format` template sees (formatter/container.go ContainerContext), JSON keys sorted. */
/** Fields the format does not read (`read`, from fieldsRead) are left empty: the default table never reads Size. */
export function psItem(s: EngineState, c: Container, noTrunc: boolean, read: (field: string) => boolean = () => true) {
  const labels = c.config.Labels ?? {};
  const col = columnsOf(c, noTrunc);
  return {
    __proto__: CONTEXT,
    Command: read('Command') ? col('Command', () => goQuote(noTrunc ? commandString(c) : ellipsis(commandString(c), 20))) : '',
    CreatedAt: read('CreatedAt') ? col('CreatedAt', () => formatGoTime(c.created)) : '',
    ID: noTrunc ? c.id : c.id.slice(0, 12),
    Image: read('Image') ? imageColumn(c, !noTrunc, s) : '',
    Label: read('Label') ? (k: string) => own(labels, k) ?? '' : noLabel,
    Labels: read('Labels') ? col('Labels', () => Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`).join(',')) : '',
    LocalVolumes: read('LocalVolumes') ? col('LocalVolumes', () => String(localVolumes(c))) : '',
    Mounts: read('Mounts') ? col('Mounts', () => mountNames(c, !noTrunc)) : '',
    Names: c.name,
    Networks: read('Networks') ? col('Networks', () => Object.keys(c.endpoints).sort().join(',')) : '',
    Ports: read('Ports') ? col('Ports', () => displayablePorts(apiPorts(c))) : '', // (ports-format.ts)
    RunningFor: read('RunningFor') ? `${humanDuration((s.clock - c.created) / 1000)} ago` : '',
    Size: read('Size') ? sizeColumn(s, c) : '',
    State: c.state.status,
    Status: read('Status') ? statusString(s, c) : '',
  };
}
const noLabel = (_k: string) => '';

/** Columns that depend on the container alone, worked out once per committed (frozen) container and width. */
const columns = new WeakMap<Container, Map<string, string>>();
function columnsOf(c: Container, noTrunc: boolean): (field: string, make: () => string) => string {
  if (!Object.isFrozen(c)) return (_f, make) => make();
  let m = columns.get(c);
  if (!m) columns.set(c, (m = new Map()));
  const known = m;
  return (field, make) => {
    const key = noTrunc ? field + ' full' : field;
    let v = known.get(key);
    if (v === undefined) known.set(key, (v = make()));
    return v;
  };
}

const CONTEXT_TYPE = '*formatter.ContainerContext';
const CONTEXT = goStructProto(CONTEXT_TYPE);

/** container/list.go buildContainerListOptions (v27.5.1:83-96): a --format is parsed, then run once against an empty
 *  ContainerContext, before any container is listed; an unknown field is an error even when nothing is listed. */
function validateFormat(format: string) {
  let tmpl;
  try {
    tmpl = parseTemplate(format);
  } catch (e) {
    throw new StatusError(`failed to parse template: ${(e as Error).message}`, 1);
  }
  const empty = goStruct({ Command: '""', CreatedAt: '', ID: '', Image: '<no image>', Label: (_name: string) => '', Labels: '', LocalVolumes: '0', Mounts: '', Names: '', Networks: '', Ports: '', RunningFor: '', Size: '0B', State: '', Status: '' }, CONTEXT_TYPE);
  try {
    tmpl.execute(empty);
  } catch (e) {
    throw new StatusError(`failed to execute template: ${(e as Error).message}`, 1);
  }
}

export default defineCommand({
  name: 'ls',
  use: 'ls [OPTIONS]',
  aliases: ['list', 'ps'],
  aliasPaths: ['docker container ls', 'docker container list', 'docker container ps', 'docker ps'],
  short: 'List containers',
  topLevel: { name: 'ps', group: 'common' },
  args: { min: 0, max: 0 },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
    { name: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
    FORMAT_FLAG,
    { name: 'last', short: 'n', type: 'int', usage: 'Show n last created containers (includes all states)', default: -1 },
    { name: 'latest', short: 'l', type: 'bool', usage: 'Show the latest created container (includes all states)' },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display container IDs' },
    { name: 'size', short: 's', type: 'bool', usage: 'Display total file sizes' },
  ],
  async run(ctx, _args, f) {
    const s = ctx.engine.state;
    const last = f.latest ? 1 : f.last;
    const filters = parseFilters(f.filter);
    if (f.format) validateFormat(f.format); // before the daemon is asked
    let list = ctx.engine.container.list(f.all || last > 0 || impliesAll(filters));
    if (last > 0) list = list.slice(0, last);
    list = applyPsFilters(s, list, filters, (ref) => ctx.engine.container.get(ref), ctx.engine.image.find);
    const noTrunc = f.noTrunc;
    if (f.quiet) {
      ctx.out(list.map((c) => (noTrunc ? c.id : c.id.slice(0, 12)) + '\n').join(''));
      return;
    }
    if ((f.format === '' || f.format === 'table') && !f.size) {
      // the default table, written from cached cells (the same bytes as the template below)
      const table = defaultPsTable(s, list, noTrunc, (c) => imageColumn(c, !noTrunc, s));
      if (table !== null) {
        ctx.out(table);
        return;
      }
    }
    // the default table is a template too, rendered like --format (cli/command/formatter/container.go defaultContainerTableFormat)
    try {
      const table = DEFAULT_TABLE + (f.size ? '\t{{.Size}}' : '');
      const read = fieldsRead(f.format, table);
      ctx.out(renderFormat(f.format, list.map((c) => psItem(s, c, noTrunc, read)), { defaultTableFormat: table, header: HEADER }));
    } catch (e) {
      throw new StatusError((e as Error).message, 1);
    }
  },
});
