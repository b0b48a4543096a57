// The docker command tree: every group and top-level alias the client knows.
import type { CommandDef } from './command';
import { containerAliases, containerGroup } from './container/index';
import { imageAliases, imageGroup } from './image/index';
import version from './system/version';
import inspect from './system/inspect';
import search from './system/search';
import info from './system/info';
import { networkGroup } from './network/index';

export const COMMANDS: CommandDef[] = [...containerAliases, ...imageAliases, version, info, inspect, search, containerGroup, imageGroup, networkGroup];
