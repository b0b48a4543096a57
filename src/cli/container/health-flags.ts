// docker run/create health-check flags (--health-*, --no-healthcheck) and their HealthConfig, with the client's checks.
// docker/cli: cli/command/container/opts.go (Health-checking flags; parse())
import { defineFlags, type Options } from '../flags';
import type { HealthConfig } from '../../engine/index';
import { parseGoDuration } from '../format/go-duration';
import { OptError } from './net-flags';

export const HEALTH_FLAGS = defineFlags([
  { name: 'health-cmd', type: 'string', usage: 'Command to run to check health' },
  { name: 'health-interval', type: 'duration', usage: 'Time between running the check (ms|s|m|h) (default 0s)' },
  { name: 'health-retries', type: 'int', usage: 'Consecutive failures needed to report unhealthy' },
  { name: 'health-start-interval', type: 'duration', usage: 'Time between running the check during the start period (ms|s|m|h) (default 0s)' },
  { name: 'health-start-period', type: 'duration', usage: 'Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)' },
  { name: 'health-timeout', type: 'duration', usage: 'Maximum time to allow one check to run (ms|s|m|h) (default 0s)' },
  { name: 'no-healthcheck', type: 'bool', usage: 'Disable any container-specified HEALTHCHECK' },
]);

/** The container's HealthConfig from the flags (undefined: none given, the image's applies); client-side errors as OptError. */
export function healthOptions(f: Options<typeof HEALTH_FLAGS>): HealthConfig | undefined {
  const dur = (v: string) => (v ? parseGoDuration(v) : 0); // unset: ''
  const cmd = f.healthCmd;
  const interval = dur(f.healthInterval);
  const timeout = dur(f.healthTimeout);
  const startPeriod = dur(f.healthStartPeriod);
  const startInterval = dur(f.healthStartInterval);
  const retries = f.healthRetries;
  const any = cmd !== '' || interval !== 0 || timeout !== 0 || startPeriod !== 0 || retries !== 0 || startInterval !== 0;
  if (f.noHealthcheck) {
    if (any) throw new OptError('--no-healthcheck conflicts with --health-* options');
    return { Test: ['NONE'] };
  }
  if (!any) return undefined;
  if (interval < 0) throw new OptError('--health-interval cannot be negative');
  if (timeout < 0) throw new OptError('--health-timeout cannot be negative');
  if (retries < 0) throw new OptError('--health-retries cannot be negative');
  if (startPeriod < 0) throw new OptError('--health-start-period cannot be negative');
  if (startInterval < 0) throw new OptError('--health-start-interval cannot be negative');
  const h = {} as HealthConfig; // omitempty fields, in container.HealthConfig's order
  if (cmd) h.Test = ['CMD-SHELL', cmd];
  if (interval) h.Interval = interval;
  if (timeout) h.Timeout = timeout;
  if (startPeriod) h.StartPeriod = startPeriod;
  if (startInterval) h.StartInterval = startInterval;
  if (retries) h.Retries = retries;
  return h;
}
