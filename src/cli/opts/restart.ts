// opts.ParseRestartPolicy (docker/cli opts/parse.go, v27): `name[:count]` into a restart policy; the daemon checks the name.
export interface ParsedRestartPolicy {
  Name: string;
  MaximumRetryCount: number;
}

/** Throws the client's format errors; an unknown name passes through for the daemon to refuse. */
export function parseRestartPolicy(policy: string): ParsedRestartPolicy {
  if (policy === '') return { Name: '', MaximumRetryCount: 0 };
  const i = policy.indexOf(':');
  const [k, v] = i < 0 ? [policy, ''] : [policy.slice(0, i), policy.slice(i + 1)];
  if (i >= 0 && k === '') throw new Error('invalid restart policy format: no policy provided before colon');
  let count = 0;
  if (v !== '') {
    if (!/^[+-]?\d+$/.test(v)) throw new Error('invalid restart policy format: maximum retry count must be an integer');
    count = parseInt(v, 10);
  }
  return { Name: k, MaximumRetryCount: count };
}
