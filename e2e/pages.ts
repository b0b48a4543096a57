// Paths of the built pages the end-to-end tests open (relative to the preview server's root).
export const HOME = './';
export const LAB = 'lab.html';
export const DEMO = 'demo.html';
export const EMBED = 'embed.html';
