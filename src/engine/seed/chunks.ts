// The catalog's image data as chunks loaded on demand (dynamic imports): layer files and image histories a module exports.
import type { SeedImage, SeedLayer } from './types';
import * as HELLO from './hello';

/** Each chunk's module; the bundler splits every one (and what it shares with others) into files of its own. */
const LOADERS: Record<string, () => Promise<Record<string, unknown>>> = {
  'hello': async () => HELLO, // hello-world is tiny and its message is always loaded (seed/index.ts)
  'layers-alpine': () => import('./layers-alpine'),
  'layers-debian': () => import('./layers-debian'),
  'layers-ubuntu': () => import('./layers-ubuntu'),
  'layers-centos': () => import('./layers-centos'),
  'layers-oracle': () => import('./layers-oracle'),
  'layers-distros': () => import('./layers-distros'),
  'layers-nginx': () => import('./layers-nginx'),
  'layers-apps': () => import('./layers-apps'),
  'layers-misc': () => import('./layers-misc'),
  'layers-db': () => import('./layers-db'),
  'layers-mysql': () => import('./layers-mysql'),
  'images-base': () => import('./images-base'),
  'images-apps': () => import('./images-apps'),
  'images-misc': () => import('./images-misc'),
  'images-db': () => import('./images-db'),
  'images-mysql': () => import('./images-mysql'),
  'images-distros': () => import('./images-distros'),
  'images-lang': () => import('./images-lang'),
  'images-wordpress': () => import('./images-wordpress'),
  'images-services': () => import('./images-services'),
  'images-php-ruby-java': () => import('./images-php-ruby-java'),
  'images-php-apache': () => import('./images-php-apache'),
};

/** The chunk names, in the order the index generator assigns layers and images to them (the first chunk exporting one holds it). */
export const CHUNK_NAMES = Object.keys(LOADERS);

const isLayer = (v: unknown): v is SeedLayer => !!v && typeof v === 'object' && typeof (v as SeedLayer).key === 'string' && Array.isArray((v as SeedLayer).entries);
const isImage = (v: unknown): v is SeedImage => !!v && typeof v === 'object' && typeof (v as SeedImage).repository === 'string' && Array.isArray((v as SeedImage).history);

/** The layers and images a chunk's module exports (one by one or in lists). */
export async function loadChunk(name: string): Promise<{ layers: SeedLayer[]; images: SeedImage[] }> {
  const load = LOADERS[name];
  if (!load) throw new Error(`seed: no chunk ${name}`);
  const values = Object.values(await load()).flatMap((v) => (Array.isArray(v) ? v : [v]));
  return { layers: values.filter(isLayer), images: values.filter(isImage) };
}

/** The key an image is known by in the index and in its chunk: repository and first tag. */
export const imageKey = (repository: string, tags: string[]): string => `${repository}:${tags[0]}`;
