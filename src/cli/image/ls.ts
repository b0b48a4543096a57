// docker image ls / docker images: list images, one row per repository:tag, newest first.
// docker/cli: cli/command/image/list.go, cli/command/formatter/image.go
import { FORMAT_FLAG } from '../flag-texts';
import { defineCommand, StatusError } from '../command';
import { formatGoTime, humanDuration, humanSizeWithPrecision } from '../format';
import { renderFormat } from '../format/template';
import { imageSize, parseRef, tagsOf, type EngineState, type Image } from '../../engine/index';
import { hasOwn, own } from '../../engine/index';

interface Row {
  repo: string;
  tag: string;
  digest: string;
  image: Image;
}

/** One row per tag; untagged images once as <none>:<none> (dangling). */
export function imageRows(s: EngineState): Row[] {
  const rows: Row[] = [];
  const imgs = Object.values(s.images).sort((a, b) => b.created - a.created);
  for (const image of imgs) {
    const tags = tagsOf(s, image.id).sort();
    const digestFor = (name: string) => image.repoDigests.find((d) => d.startsWith(name + '@'))?.split('@')[1] ?? '<none>';
    if (tags.length === 0) {
      rows.push({ repo: '<none>', tag: '<none>', digest: image.repoDigests[0]?.split('@')[1] ?? '<none>', image });
      continue;
    }
    for (const t of tags) {
      const r = parseRef(t);
      rows.push({ repo: r.familiarName, tag: r.tag ?? '<none>', digest: digestFor(r.fullName), image });
    }
  }
  return rows;
}

/** Shell-style glob (`*`, `?`) as a RegExp over a whole string. */
function glob(p: string): RegExp {
  return new RegExp('^' + p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '.') + '$');
}

/** --filter dangling=, reference=, before=, since=, label= (daemon/images/image_list.go). */
function applyFilters(rows: Row[], filters: string[], findImage: (ref: string) => Image | undefined): Row[] {
  for (const flt of filters) {
    const i = flt.indexOf('=');
    if (i < 0) throw new StatusError(`bad format of filter (expected name=value)`, 1);
    const [k, v] = [flt.slice(0, i).toLowerCase(), flt.slice(i + 1)];
    if (k === 'dangling') {
      if (v !== 'true' && v !== 'false' && v !== '1' && v !== '0') throw new StatusError(`Error response from daemon: invalid filter 'dangling=${v}'`, 1);
      const want = v === 'true' || v === '1';
      rows = rows.filter((r) => (r.repo === '<none>') === want);
    } else if (k === 'reference') {
      const re = glob(v);
      rows = rows.filter((r) => re.test(r.repo) || re.test(`${r.repo}:${r.tag}`));
    } else if (k === 'before' || k === 'since') {
      const ref = findImage(v);
      if (!ref) throw new StatusError(`Error response from daemon: No such image: ${v}`, 1);
      rows = rows.filter((r) => (k === 'before' ? r.image.created < ref.created : r.image.created > ref.created));
    } else if (k === 'label') {
      const [lk, lv] = v.split('=');
      rows = rows.filter((r) => hasOwn(r.image.config.Labels, lk) && (lv === undefined || own(r.image.config.Labels, lk) === lv));
    } else throw new StatusError(`Error response from daemon: invalid filter '${k}'`, 1);
  }
  return rows;
}

export default defineCommand({
  name: 'ls',
  use: 'ls [OPTIONS] [REPOSITORY[:TAG]]',
  aliases: ['list', 'images'],
  aliasPaths: ['docker image ls', 'docker image list', 'docker images'],
  short: 'List images',
  completeArgs: ['images'],
  topLevel: { name: 'images', group: 'common' },
  args: { max: 1 },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Show all images (default hides intermediate images)' },
    { name: 'digests', type: 'bool', usage: 'Show digests' },
    { name: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
    FORMAT_FLAG,
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only show image IDs' },
  ],
  async run(ctx, args, f) {
    const s = ctx.engine.state;
    let rows = imageRows(s);
    // intermediate images (untagged parents of other images) are hidden unless -a; dangling ones are listed
    const parents = new Set(Object.values(s.images).map((i) => i.parent).filter(Boolean));
    if (!f.all) rows = rows.filter((r) => r.repo !== '<none>' || !parents.has(r.image.id));
    rows = applyFilters(rows, f.filter, ctx.engine.image.find);
    if (args[0]) {
      const want = parseRef(args[0]);
      rows = rows.filter((r) => r.repo === want.familiarName && (!want.tag || r.tag === want.tag));
    }
    const noTrunc = f.noTrunc;
    const id = (img: Image) => (noTrunc ? img.id : img.id.slice(7, 19));
    if (f.quiet) {
      ctx.out(rows.map((r) => id(r.image) + '\n').join(''));
      return;
    }
    const items = rows.map((r) => ({
      Containers: 'N/A',
      CreatedAt: formatGoTime(r.image.created),
      CreatedSince: `${humanDuration((s.clock - r.image.created) / 1000)} ago`,
      Digest: r.digest,
      ID: id(r.image),
      Repository: r.repo,
      SharedSize: 'N/A',
      Size: humanSizeWithPrecision(imageSize(s, r.image), 3),
      Tag: r.tag,
      UniqueSize: 'N/A',
      VirtualSize: humanSizeWithPrecision(imageSize(s, r.image), 3),
    }));
    const header = { Containers: 'CONTAINERS', CreatedAt: 'CREATED AT', CreatedSince: 'CREATED', Digest: 'DIGEST', ID: 'IMAGE ID', Repository: 'REPOSITORY', SharedSize: 'SHARED SIZE', Size: 'SIZE', Tag: 'TAG', UniqueSize: 'UNIQUE SIZE', VirtualSize: 'VIRTUAL SIZE' };
    try {
      // '' is the default table, a template rendered like any --format (docker/cli formatter's default*TableFormat)
      ctx.out(renderFormat(f.format, items, { defaultTableFormat: 'table {{.Repository}}\t{{.Tag}}\t' + (f.digests ? '{{.Digest}}\t' : '') + '{{.ID}}\t{{.CreatedSince}}\t{{.Size}}', header }));
    } catch (e) {
      throw new StatusError((e as Error).message, 1);
    }
  },
});
