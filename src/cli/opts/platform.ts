// --platform and --disable-content-trust: values the simulator can honour pass, the others are refused.
import { refuseValue } from '../flags';

/** containerd platforms.Parse spellings of the one platform every simulated image has. */
const HOST_PLATFORM = /^(linux\/)?(amd64|x86_64|x86-64)(\/v[1-4])?$/i;

/**
 * The simulated host and every image in its registry are linux/amd64: asking for that platform (or none) changes
 * nothing, as with a single-platform image on real docker; any other platform is refused rather than ignored.
 */
export function checkPlatform(values: string | string[]): void {
  for (const v of typeof values === 'string' ? [values] : values) {
    for (const p of v.split(',')) if (p && !HOST_PLATFORM.test(p.trim())) throw refuseValue('platform', p.trim(), 'its only platform is linux/amd64');
  }
}

/** Content trust (Notary signing and verification) is not modelled: skipping it, the default, is the only mode. */
export function checkContentTrust(disabled: boolean): void {
  if (!disabled) throw refuseValue('disable-content-trust', 'false', 'it has no content trust');
}
