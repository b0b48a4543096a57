// Flag definitions many docker commands share word for word (docker/cli's flagsHelper.FormatHelp / InspectFormatHelp).
import { defineFlags } from './flags';

const TABLE_HELP = "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";
const INSPECT_HELP = "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";

/** `--format` of list commands (ps, images, network ls, …). */
export const FORMAT_FLAG = defineFlags([{ name: 'format', type: 'string', usage: TABLE_HELP }])[0];

/** `-f/--format` of inspect-like commands (inspect, version, info). */
export const INSPECT_FORMAT_FLAG = defineFlags([{ name: 'format', short: 'f', type: 'string', usage: INSPECT_HELP }])[0];

/** `-f/--force` of the prune commands. */
export const PRUNE_FORCE_FLAG = defineFlags([{ name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' }])[0];
