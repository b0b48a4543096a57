// docker system df: disk usage of images, containers, volumes and build cache (-v for the details).
// docker/cli: cli/command/system/df.go, cli/command/formatter/disk_usage.go
import { FORMAT_FLAG } from '../flag-texts';
import { defineCommand, StatusError } from '../command';
import { refuseValue } from '../flags';
import { renderFormat, TemplateError } from '../format/template';
import { containerById, diskUsage, parseRef } from '../../engine/index';
import { humanDuration, humanSize, humanSizeWithPrecision, tabwrite, ellipsis, goQuote } from '../format';
import { commandString, statusString } from '../container/status';
import { imageColumn } from '../container/ls';

const DEFAULT_TABLE = 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}';
const HEADER = { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' };

const pct = (part: number, total: number) => (total > 0 ? `${humanSize(part)} (${Math.floor((part * 100) / total)}%)` : humanSize(part));

export default defineCommand({
  name: 'df',
  use: 'df [OPTIONS]',
  short: 'Show docker disk usage',
  args: { min: 0, max: 0 },
  flags: [
    FORMAT_FLAG,
    { name: 'verbose', short: 'v', type: 'bool', usage: 'Show detailed information on space usage' },
  ],
  async run(ctx, _args, f) {
    const s = ctx.engine.state;
    const du = diskUsage(s);
    const ago = (t: number) => `${humanDuration((s.clock - t) / 1000)} ago`;
    if (!f.verbose) {
      const usedImages = du.images.filter((i) => i.containers > 0);
      const imgReclaim = Math.max(0, du.layersSize - usedImages.reduce((n, i) => n + (i.size - i.shared), 0));
      const ctSize = du.containers.reduce((n, c) => n + c.sizeRw, 0);
      const ctReclaim = du.containers.filter((c) => !c.active).reduce((n, c) => n + c.sizeRw, 0);
      const volSize = du.volumes.reduce((n, v) => n + v.size, 0);
      const volReclaim = du.volumes.filter((v) => v.refCount === 0).reduce((n, v) => n + v.size, 0);
      const bcSize = du.buildCache.reduce((n, b) => n + b.size, 0);
      // formatter/disk_usage.go: one row per type, through the default table or the user's --format
      const rows = [
        ['Images', du.images.length, usedImages.length, humanSize(du.layersSize), pct(imgReclaim, du.layersSize)],
        ['Containers', du.containers.length, du.containers.filter((c) => c.active).length, humanSize(ctSize), pct(ctReclaim, ctSize)],
        ['Local Volumes', du.volumes.length, du.volumes.filter((v) => v.refCount > 0).length, humanSize(volSize), pct(volReclaim, volSize)],
        ['Build Cache', du.buildCache.length, 0, humanSize(bcSize), humanSize(bcSize)],
      ] as const;
      const items = rows.map(([Type, total, active, Size, Reclaimable]) => ({ Active: String(active), Reclaimable, Size, TotalCount: String(total), Type }));
      try {
        ctx.out(renderFormat(f.format, items, { defaultTableFormat: DEFAULT_TABLE, header: HEADER }));
      } catch (e) {
        if (e instanceof TemplateError) throw new StatusError(e.message, 1);
        throw e;
      }
      return;
    }
    // the verbose listing through a user template (disk_usage.go verboseWrite) is not modelled: refused, never dropped
    if (f.format && f.format !== 'table') throw refuseValue('format', f.format, 'only the table form is shown with --verbose');
    const h3 = (n: number) => humanSizeWithPrecision(n, 3);
    const images = du.images.map((i) => {
      const r = i.tags.length ? parseRef([...i.tags].sort()[0]) : null;
      return [r?.familiarName ?? '<none>', r?.tag ?? '<none>', i.image.id.slice(7, 19), ago(i.image.created), h3(i.size), h3(i.shared), h3(i.size - i.shared), String(i.containers)];
    });
    const containers = du.containers.map(({ id, sizeRw }) => {
      const c = containerById(s, id)!;
      return [id.slice(0, 12), imageColumn(c, true), goQuote(ellipsis(commandString(c), 20)), String((c.mounts ?? []).filter((m) => m.type === 'volume').length), h3(sizeRw), ago(c.created), statusString(s, c), c.name];
    });
    const bcSize = du.buildCache.reduce((n, b) => n + b.size, 0);
    ctx.out(
      'Images space usage:\n\n' +
        tabwrite([['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE', 'SHARED SIZE', 'UNIQUE SIZE', 'CONTAINERS'], ...images]) +
        '\nContainers space usage:\n\n' +
        tabwrite([['CONTAINER ID', 'IMAGE', 'COMMAND', 'LOCAL VOLUMES', 'SIZE', 'CREATED', 'STATUS', 'NAMES'], ...containers]) +
        '\nLocal Volumes space usage:\n\n' +
        tabwrite([['VOLUME NAME', 'LINKS', 'SIZE'], ...du.volumes.map((v) => [v.name, String(v.refCount), h3(v.size)])]) +
        `\nBuild cache usage: ${humanSize(bcSize)}\n\n` +
        tabwrite([['CACHE ID', 'CACHE TYPE', 'SIZE', 'CREATED', 'LAST USED', 'USAGE', 'SHARED'], ...du.buildCache.map((b) => [b.id.slice(0, 12), 'regular', h3(b.size), ago(b.created), ago(b.lastUsed), String(b.usage), 'false'])]),
    );
  },
});
