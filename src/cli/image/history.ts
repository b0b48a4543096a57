// docker image history / docker history: one row per image history entry, newest first.
// docker/cli: cli/command/image/history.go, cli/command/formatter/history.go
import { FORMAT_FLAG } from '../flag-texts';
import { defineCommand, StatusError } from '../command';
import { ellipsis, humanDuration, humanSizeWithPrecision, rfc3339Nano } from '../format';
import { renderFormat } from '../format/template';
import type { HistoryRow } from '../../engine/index';

const DEFAULT_TABLE = 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
const HEADER = { ID: 'IMAGE', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', CreatedBy: 'CREATED BY', Size: 'SIZE', Comment: 'COMMENT' };

/** The fields a history template sees (formatter historyContext). */
function item(h: HistoryRow, now: number, human: boolean, trunc: boolean) {
  const createdAt = rfc3339Nano(Math.floor(h.created / 1000) * 1000);
  const createdBy = h.createdBy.replace(/\t/g, ' ');
  return {
    Comment: h.comment,
    CreatedAt: createdAt,
    CreatedBy: trunc ? ellipsis(createdBy, 45) : createdBy,
    CreatedSince: !human ? createdAt : h.created <= 0 ? 'N/A' : `${humanDuration((now - h.created) / 1000)} ago`,
    ID: trunc && h.id !== '<missing>' ? h.id.replace(/^sha256:/, '').slice(0, 12) : h.id,
    Size: human ? humanSizeWithPrecision(h.size, 3) : String(h.size),
  };
}

export default defineCommand({
  name: 'history',
  use: 'history [OPTIONS] IMAGE',
  aliasPaths: ['docker image history', 'docker history'],
  short: 'Show the history of an image',
  completeArgs: ['images'],
  topLevel: { group: 'commands' },
  args: { min: 1, max: 1 },
  flags: [
    FORMAT_FLAG,
    { name: 'human', short: 'H', type: 'bool', usage: 'Print sizes and dates in human readable format', default: true },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only show image IDs' },
  ],
  async run(ctx, [ref], f) {
    const rows = ctx.engine.image.history(ref);
    const items = rows.map((h) => item(h, ctx.engine.now(), f.human, !f.noTrunc));
    const format = f.quiet ? '{{.ID}}' : f.format;
    try {
      ctx.out(renderFormat(format, items, { defaultTableFormat: DEFAULT_TABLE, header: HEADER }));
    } catch (e) {
      throw new StatusError((e as Error).message, 1);
    }
  },
});
