// The default `docker ps` table written straight from each container's cells, as the template and tabwriter would write it.
// docker/cli: cli/command/formatter/container.go (defaultContainerTableFormat), cli/command/formatter/tabwriter
import { ellipsis, goQuote, humanDurationAgo } from '../format';
import type { Container, EngineState } from '../../engine/index';
import { commandString, statusString } from './status';
import { apiPorts, displayablePorts } from './ports-format';

/** The header row of the default table (its titles, as the header template prints them). */
const HEADER = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'];

/** A container's cells that depend on it alone: its ID, command and ports columns and its name, with their widths. */
interface Cells {
  id: string;
  command: string;
  ports: string;
  name: string;
  commandWidth: number;
  portsWidth: number;
  nameWidth: number;
  /** The IMAGE column as last worked out, and the state's images and tags it was worked out with (frozen tables:
   *  the same objects, the same answer). */
  image?: { images: EngineState['images']; tags: EngineState['tags']; text: string; width: number };
}

/** Cells per committed (frozen) container, truncated and in full: a frozen container never changes. */
const truncated = new WeakMap<Container, Cells | null>();
const full = new WeakMap<Container, Cells | null>();

/** A cell's width as the tabwriter counts it (code points), or -1 when the cell would split into more cells. */
function width(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u === 9 || u === 10 || u === 11) return -1;
    if (u >= 0xdc00 && u <= 0xdfff && i > 0) {
      const p = s.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) n--; // the low half of a pair: one code point
    }
  }
  return n;
}

function makeCells(c: Container, noTrunc: boolean): Cells | null {
  const command = goQuote(noTrunc ? commandString(c) : ellipsis(commandString(c), 20));
  const ports = displayablePorts(apiPorts(c));
  const cells = { id: noTrunc ? c.id : c.id.slice(0, 12), command, ports, name: c.name, commandWidth: width(command), portsWidth: width(ports), nameWidth: width(c.name), image: undefined };
  return cells.commandWidth < 0 || cells.portsWidth < 0 || cells.nameWidth < 0 || width(cells.id) < 0 ? null : cells;
}

function cellsOf(c: Container, noTrunc: boolean): Cells | null {
  if (!Object.isFrozen(c)) return makeCells(c, noTrunc);
  const known = noTrunc ? full : truncated;
  let cells = known.get(c);
  if (cells === undefined) known.set(c, (cells = makeCells(c, noTrunc)));
  return cells;
}

/**
 * The default table (`table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}`
 * through the tabwriter: minwidth 10, padding 3), or null when a cell holds a tab, vertical tab or newline (the
 * tabwriter would split it: the template path handles that). Every line has the same seven cells, so each of the first
 * six columns is one block as wide as its widest cell plus the padding; the names are not padded.
 */
export function defaultPsTable(s: EngineState, list: readonly Container[], noTrunc: boolean, image: (c: Container) => string): string | null {
  const n = list.length;
  const rows: Cells[] = new Array(n);
  const images: string[] = new Array(n);
  const created: string[] = new Array(n);
  const status: string[] = new Array(n);
  const imageWidths: number[] = new Array(n);
  const w = HEADER.map((h) => h.length);
  for (let i = 0; i < n; i++) {
    const c = list[i];
    const cells = cellsOf(c, noTrunc);
    if (!cells) return null;
    rows[i] = cells;
    let known = cells.image;
    if (known?.images !== s.images || known.tags !== s.tags) {
      const text = image(c);
      cells.image = known = { images: s.images, tags: s.tags, text, width: width(text) };
    }
    const img = known.text;
    const iw = known.width;
    const cr = humanDurationAgo((s.clock - c.created) / 1000);
    const st = statusString(s, c); // (ASCII, as the created text)
    if (iw < 0) return null;
    images[i] = img;
    imageWidths[i] = iw;
    created[i] = cr;
    status[i] = st;
    if (cells.id.length > w[0]) w[0] = cells.id.length;
    if (iw > w[1]) w[1] = iw;
    if (cells.commandWidth > w[2]) w[2] = cells.commandWidth;
    if (cr.length > w[3]) w[3] = cr.length;
    if (st.length > w[4]) w[4] = st.length;
    if (cells.portsWidth > w[5]) w[5] = cells.portsWidth;
  }
  for (let j = 0; j < 6; j++) w[j] = Math.max(10, w[j] + 3);
  let out = '';
  for (let j = 0; j < 6; j++) out += HEADER[j] + spaces(w[j] - HEADER[j].length);
  out += HEADER[6] + '\n';
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    out +=
      r.id + spaces(w[0] - r.id.length) +
      images[i] + spaces(w[1] - imageWidths[i]) +
      r.command + spaces(w[2] - r.commandWidth) +
      created[i] + spaces(w[3] - created[i].length) +
      status[i] + spaces(w[4] - status[i].length) +
      r.ports + spaces(w[5] - r.portsWidth) +
      r.name + '\n';
  }
  return out;
}

/** n spaces, each length made once. */
const SPACES: string[] = [];
const spaces = (n: number): string => (n < 256 ? (SPACES[n] ??= ' '.repeat(n)) : ' '.repeat(n));
