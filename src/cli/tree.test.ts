// Each command declares what its positional arguments complete to, so completion needs no table outside its file.
import { expect, it } from 'vitest';
import { leafCommands } from './tree';

it('every command that takes arguments declares their completion', () => {
  const missing = leafCommands()
    .filter(({ def }) => def.args?.max !== 0 && !def.completeArgs && !def.pluginCommands) // a plugin's arguments are its commands
    .map(({ path }) => path);
  expect(missing).toEqual([]);
});
