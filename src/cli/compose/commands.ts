// The compose plugin's commands, in the order `docker compose --help` lists them (alphabetical, as cobra sorts).
import type { CommandDef } from '../command';
import { build, config, pull, push, version } from './config';
import { cp } from './cp';
import { down, rm } from './down';
import { exec, run } from './exec';
import { kill, pause, restart, start, stop, unpause } from './lifecycle';
import { logs } from './logs';
import { images, ls, port, ps, top } from './ps';
import { create, up } from './up';
import { watch } from './watch';

export const COMPOSE_COMMANDS: CommandDef[] = [build, config, cp, create, down, exec, images, kill, logs, ls, pause, port, ps, pull, push, restart, rm, run, start, stop, top, unpause, up, version, watch];
