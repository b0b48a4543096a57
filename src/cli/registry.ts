// The docker command tree: every group and top-level alias the client knows.
import type { CommandDef } from './command';
import { containerAliases, containerGroup } from './container/index';
import { imageAliases, imageGroup } from './image/index';
import version from './system/version';
import inspect from './system/inspect';
import search from './system/search';
import info from './system/info';
import { login, logout } from './registry/login';
import push from './registry/push';
import { systemGroup } from './system/index';
import { builderGroup } from './system/builder';
import { networkGroup } from './network/index';
import { buildxGroup } from './buildx/index';
import { volumeGroup } from './volume/index';
import compose from './compose/index';

export const COMMANDS: CommandDef[] = [...containerAliases, ...imageAliases, version, info, inspect, search, login, logout, push, builderGroup, containerGroup, imageGroup, systemGroup, networkGroup, buildxGroup, volumeGroup, compose];
