// Vitest setup: Object.prototype is frozen in every test, so a user-typed key such as __proto__ or constructor that
// reaches a plain object (pollution, or the "override mistake") throws instead of silently changing the page.
Object.freeze(Object.prototype);
