// Vitest setup: Object.prototype is frozen in every test, so a user-typed key such as __proto__ or constructor that
// reaches a plain object (pollution, or the "override mistake") throws instead of silently changing the page.
// The simulated clock for `time` is installed before any test module loads just-bash (shell/sim-time.ts).
import './shell/sim-time';

Object.freeze(Object.prototype);
