// The whole registry catalog at once (what the index is generated from, and what seed tests read): SEED_IMAGES, SEED_LAYERS by key, search-only rows.
import type { SeedImage, SeedLayer, SeedSearchResult } from './types';
import { HELLO_WORLD, HELLO_WORLD_LAYER, HELLO_WORLD_MESSAGE } from './hello';
import { DEBIAN_BOOKWORM_SLIM, DEBIAN_JESSIE_SLIM } from './layers-debian';
import { UBUNTU_BIONIC, UBUNTU_NOBLE, UBUNTU_TRUSTY_2014 } from './layers-ubuntu';
import { CENTOS_7 } from './layers-centos';
import { ALPINE_3_18, ALPINE_3_20, BUSYBOX_1_36 } from './layers-alpine';
import { NGINX_ALPINE_COPIES, NGINX_ALPINE_NJS_RUN, NGINX_ALPINE_SLIM_RUN, NGINX_DEBIAN_COPIES, NGINX_DEBIAN_RUN } from './layers-nginx';
import {
  EMPTY_LAYER, HTTPD_APT_LAYER, HTTPD_BUILD_LAYER, HTTPD_FOREGROUND_LAYER, HTTPD_MKDIR_LAYER, REDIS_ALPINE_LAYERS, REDIS_DEBIAN_LAYERS,
} from './layers-apps';
import { MONGO_LAYERS, REGISTRY_LAYERS, STRESS_APT, TRUSTY_2014_LAYERS } from './layers-misc';
import { ALPINE, BUSYBOX, CENTOS, UBUNTU_BIONIC_IMAGE, UBUNTU_LATEST } from './images-base';
import { HTTPD, NGINX, NGINX_ALPINE, REDIS, REDIS_ALPINE } from './images-apps';
import { MONGO_3_2, REGISTRY, STRESS } from './images-misc';
import { SEARCH_ONLY } from './search';
import { MARIADB_LAYERS, MONGO_8_LAYERS, POSTGRES_16_LAYERS, POSTGRES_17_ALPINE_LAYERS, POSTGRES_17_LAYERS, POSTGRES_DEBIAN_COMMON } from './layers-db';
import { GOLANG, LANG_LAYERS, NODE, NODE_20_IMAGE, NODE_ALPINE, PYTHON, PYTHON_312, PYTHON_ALPINE, PYTHON_SLIM } from './images-lang';
import { MARIADB, MONGO_8, POSTGRES_16, POSTGRES_17, POSTGRES_17_ALPINE } from './images-db';
import { MYSQL_80, MYSQL_84, MYSQL_9, MYSQL_LAYERS } from './images-mysql';
import { WORDPRESS, WORDPRESS_LAYERS } from './images-wordpress';
import { DISTRO_IMAGES, DISTRO_LAYERS } from './images-distros';
import { SERVICE_IMAGES, SERVICE_LAYERS } from './images-services';
import { MORE_LANG_IMAGES, MORE_LANG_LAYERS } from './images-php-ruby-java';
import { PHP_APACHE, PHP_APACHE_LAYERS } from './images-php-apache';

export type { SeedEntry, SeedHistory, SeedImage, SeedLayer, SeedSearchResult } from './types';
export { HELLO_WORLD_MESSAGE };

/** Every pullable image; an image with several tags is one entry (`tags: ['18.04', 'bionic']`). */
export const SEED_IMAGES: SeedImage[] = [
  HELLO_WORLD, BUSYBOX, ALPINE, UBUNTU_LATEST, UBUNTU_BIONIC_IMAGE, CENTOS,
  NGINX, NGINX_ALPINE, HTTPD, REDIS, REDIS_ALPINE, MONGO_3_2, REGISTRY, STRESS,
  POSTGRES_17, POSTGRES_16, POSTGRES_17_ALPINE, MARIADB, MONGO_8, MYSQL_9, MYSQL_84, MYSQL_80, WORDPRESS,
  ...DISTRO_IMAGES, ...SERVICE_IMAGES,
  NODE, NODE_20_IMAGE, NODE_ALPINE, PYTHON, PYTHON_312, PYTHON_SLIM, PYTHON_ALPINE, GOLANG,
  ...MORE_LANG_IMAGES,
  PHP_APACHE,
];

const ALL_LAYERS: SeedLayer[] = [
  HELLO_WORLD_LAYER, BUSYBOX_1_36, ALPINE_3_20, ALPINE_3_18,
  DEBIAN_BOOKWORM_SLIM, DEBIAN_JESSIE_SLIM, UBUNTU_NOBLE, UBUNTU_BIONIC, UBUNTU_TRUSTY_2014, CENTOS_7,
  NGINX_DEBIAN_RUN, ...NGINX_DEBIAN_COPIES, NGINX_ALPINE_SLIM_RUN, ...NGINX_ALPINE_COPIES, NGINX_ALPINE_NJS_RUN,
  EMPTY_LAYER, HTTPD_MKDIR_LAYER, HTTPD_APT_LAYER, HTTPD_BUILD_LAYER, HTTPD_FOREGROUND_LAYER,
  ...REDIS_DEBIAN_LAYERS, ...REDIS_ALPINE_LAYERS, ...REGISTRY_LAYERS, ...MONGO_LAYERS, ...TRUSTY_2014_LAYERS, STRESS_APT,
  ...POSTGRES_DEBIAN_COMMON, ...POSTGRES_17_LAYERS, ...POSTGRES_16_LAYERS, ...POSTGRES_17_ALPINE_LAYERS, ...MARIADB_LAYERS, ...MONGO_8_LAYERS,
  ...LANG_LAYERS, ...MYSQL_LAYERS, ...WORDPRESS_LAYERS, ...DISTRO_LAYERS, ...SERVICE_LAYERS,
  ...MORE_LANG_LAYERS,
  ...PHP_APACHE_LAYERS,
];

/** Layers by key. Identical key ⇒ identical layer (same diff ID), which is how images share their base. */
export const SEED_LAYERS: Record<string, SeedLayer> = {};
for (const l of ALL_LAYERS) {
  if (SEED_LAYERS[l.key]) throw new Error(`seed: duplicate layer key ${l.key}`);
  SEED_LAYERS[l.key] = l;
}

/** `docker search` rows for repositories that only exist as search results (the pullable ones carry `search`). */
export const SEED_SEARCH_ONLY: SeedSearchResult[] = SEARCH_ONLY;
