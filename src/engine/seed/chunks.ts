// The catalog's layer contents as chunks loaded on demand (dynamic imports): a chunk's layers are what its module exports.
import type { SeedLayer } from './types';

/** Each chunk's module; the bundler splits every one (and what it shares with others) into files of its own. */
const LOADERS: Record<string, () => Promise<Record<string, unknown>>> = {
  'hello': () => import('./hello'),
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
  'images-lang': () => import('./images-lang'),
  'images-wordpress': () => import('./images-wordpress'),
  'images-services': () => import('./images-services'),
  'images-php-ruby-java': () => import('./images-php-ruby-java'),
};

/** The chunk names, in the order the index generator assigns layers to them (the first chunk exporting a layer holds it). */
export const CHUNK_NAMES = Object.keys(LOADERS);

const isLayer = (v: unknown): v is SeedLayer => !!v && typeof v === 'object' && typeof (v as SeedLayer).key === 'string' && Array.isArray((v as SeedLayer).entries);

/** The layers a chunk's module exports (one by one or in lists). */
export async function loadChunk(name: string): Promise<SeedLayer[]> {
  const load = LOADERS[name];
  if (!load) throw new Error(`seed: no chunk ${name}`);
  const mod = await load();
  return Object.values(mod).flatMap((v) => (isLayer(v) ? [v] : Array.isArray(v) ? v.filter(isLayer) : []));
}
