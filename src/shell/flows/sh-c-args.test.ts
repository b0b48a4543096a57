// `sh -c SCRIPT NAME ARGS…` as a container's command: $0 is NAME (the shell as invoked when there is none), $1… the rest.
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

describe('sh -c with arguments in a container', () => {
  it('sets $0 and the positional parameters', async () => {
    const all = await steps(["docker pull -q busybox >/dev/null", "docker run --rm busybox sh -c 'echo $0 $# $1' a b", "docker run --rm busybox sh -c 'echo $0 $#'", "docker run --rm busybox /bin/sh -c 'echo $0; for x in \"$@\"; do echo [$x]; done' n 'p q' r"].join('\n'));
    expect(all.slice(1).map((s) => s.stdout)).toEqual(['a 1 b\n', 'sh 0\n', 'n\n[p q]\n[r]\n']);
  });
});
