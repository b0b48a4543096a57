// The local image store (engine entry for image/): pull, tag, remove, push, history, save/load/import and tar archives.
export * as archive from './archive';
export * as history from './history';
export type { HistoryRow } from './history';
export * as images from './images';
export { chainIds, containerImage, imageSize, imageStack, lowerStack, pull, releaseHeldImage, tagsOf } from './images';
export type { PullReport, RemoveRecord } from './images';
export * as push from './push';
export { apparentTarSize, cpArchive, decodeTar, tarSize, tarToTable } from './tar';
