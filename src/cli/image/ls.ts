// docker image ls / docker images: list images, one row per repository:tag, newest first.
// docker/cli: cli/command/image/list.go, cli/command/formatter/image.go
import { defineCommand } from '../command';
import { humanDuration, humanSizeWithPrecision, tabwrite } from '../format';
import { imageSize, parseRef, tagsOf, type EngineState, type Image } from '../../engine/index';

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

export default defineCommand({
  name: 'ls',
  use: 'ls [OPTIONS] [REPOSITORY[:TAG]]',
  aliases: ['list', 'images'],
  aliasPaths: ['docker image ls', 'docker image list', 'docker images'],
  short: 'List images',
  args: { max: 1 },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Show all images (default hides intermediate images)' },
    { name: 'digests', type: 'bool', usage: 'Show digests' },
    { name: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
    { name: 'format', type: 'string', usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only show image IDs' },
  ],
  async run(ctx, args, f) {
    const s = ctx.engine.state;
    let rows = imageRows(s);
    if (!f.bool('all')) rows = rows.filter((r) => r.repo !== '<none>');
    if (args[0]) {
      const want = parseRef(args[0]);
      rows = rows.filter((r) => r.repo === want.familiarName && (!want.tag || r.tag === want.tag));
    }
    const noTrunc = f.bool('no-trunc');
    const id = (img: Image) => (noTrunc ? img.id : img.id.slice(7, 19));
    if (f.bool('quiet')) {
      ctx.out(rows.map((r) => id(r.image) + '\n').join(''));
      return;
    }
    const digests = f.bool('digests');
    const header = ['REPOSITORY', 'TAG', ...(digests ? ['DIGEST'] : []), 'IMAGE ID', 'CREATED', 'SIZE'];
    const body = rows.map((r) => [r.repo, r.tag, ...(digests ? [r.digest] : []), id(r.image), `${humanDuration((s.clock - r.image.created) / 1000)} ago`, humanSizeWithPrecision(imageSize(s, r.image), 3)]);
    ctx.out(tabwrite([header, ...body]));
  },
});
