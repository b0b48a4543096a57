// The registry side (engine entry for registry/): Docker Hub's seed catalog as manifests, schema2 manifests and blobs, registry:2 storage files.
export { lookupSeed, pullableRepos, searchEntries, loadImageData, loadAllImageData, catalogLayerFiles, ImageDataNeeded } from './catalog';
export type { Manifest } from './catalog';
export { blobDigest, configJson, imageManifest } from './manifest';
export type { ImageManifest } from './manifest';
export { resolveRemote, findPushed, localRegistryUp } from './remote';
export { REGISTRY_ROOT, registryBinds, registryTree, servedRepos, writeRegistryVolumes } from './storage';
