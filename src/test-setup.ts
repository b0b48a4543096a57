// Vitest setup: Object.prototype is frozen in every test, so a user-typed key such as __proto__ or constructor that
// reaches a plain object (pollution, or the "override mistake") throws instead of silently changing the page.
// The simulated clock for `time` is installed before any test module loads just-bash (shell/sim-time.ts).
// Engine and diagram tests call pull synchronously, so the catalog's layer files are loaded before they run; the docker client
// and shell tests load them on demand, as the site does.
import './shell/sim-time';
import { expect } from 'vitest';

// (not the index's own test: it regenerates the index those loads read)
const testPath = expect.getState().testPath ?? '';
if (/\/src\/(engine|diagrams)\//.test(testPath) && !testPath.endsWith('catalog-index.test.ts')) await (await import('./engine/index')).loadAllImageData();

Object.freeze(Object.prototype);
