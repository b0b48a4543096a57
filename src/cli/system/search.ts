// docker search: look repositories up on Docker Hub (the simulator's catalog plus search-only rows).
// docker/cli: cli/command/registry/search.go, cli/command/registry/formatter_search.go
import { fromDaemon } from '../daemon-error';
import { defineCommand, StatusError } from '../command';
import { ellipsis } from '../format';
import { renderFormat } from '../format/template';
import { searchEntries } from '../../engine/index';
import { searchHint } from '../catalog-hint';

export default defineCommand({
  name: 'search',
  use: 'search [OPTIONS] TERM',
  short: 'Search Docker Hub for images',
  completeArgs: ['none'],
  group: 'common',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
    { name: 'format', type: 'string', usage: 'Pretty-print search using a Go template' },
    { name: 'limit', type: 'int', usage: 'Max number of search results' },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
  ],
  async run(ctx, [term], f) {
    let minStars = 0;
    let official: boolean | undefined;
    for (const flt of f.filter) {
      const [k, v = ''] = flt.split('=');
      if (k === 'stars') {
        if (!/^\d+$/.test(v)) throw new StatusError(`invalid filter 'stars=${v}'`, 1);
        minStars = parseInt(v, 10);
      } else if (k === 'is-official') official = v === 'true';
      else if (k === 'is-automated') continue;
      else throw new StatusError(`invalid filter '${k}'`, 1);
    }
    const limit = f.changed('limit') ? f.limit : 25;
    if (limit < 1 || limit > 100) throw new StatusError(fromDaemon(`limit ${limit} is outside the range of [1, 100]`), 1);
    const q = term.toLowerCase();
    const hits = searchEntries()
      .filter((e) => e.name.includes(q) || e.description.toLowerCase().includes(q))
      .filter((e) => e.stars >= minStars && (official === undefined || e.official === official))
      // Hub ranks the official image of that name first, then by popularity
      .sort((a, b) => Number(b.name === q) - Number(a.name === q) || Number(b.official) - Number(a.official) || b.stars - a.stars)
      .slice(0, limit);
    const trunc = !f.noTrunc;
    const items = hits.map((e) => ({ Name: e.name, Description: trunc ? ellipsis(e.description.replace(/\n/g, ' '), 45) : e.description, StarCount: String(e.stars), IsOfficial: e.official ? '[OK]' : '', IsAutomated: '' }));
    try {
      // '' is the default table, a template rendered like any --format (docker/cli formatter's default*TableFormat)
      ctx.out(renderFormat(f.format, items, { defaultTableFormat: 'table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}', header: { Name: 'NAME', Description: 'DESCRIPTION', StarCount: 'STARS', IsOfficial: 'OFFICIAL', IsAutomated: 'AUTOMATED' } }));
    } catch (e) {
      throw new StatusError((e as Error).message, 1);
    }
    if (!hits.length) ctx.err(searchHint(term));
  },
});
