// Paths of the built pages the end-to-end tests open (relative to the preview server's root).
export const LAB = '/';
