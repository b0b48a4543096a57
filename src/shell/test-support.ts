// Tests' view of a headless host session: each typed line answers [stdout, stderr, exit code].
import { createSession } from './session';

export type LineResult = [string, string, number];

/** A fresh headless session and `line`, which runs one typed line and gives its streams and status. */
export function lineSession() {
  const s = createSession({ headless: true });
  const line = async (l: string): Promise<LineResult> => {
    const r = await s.run(l);
    return [r.stdout, r.stderr, r.exitCode];
  };
  return { s, line };
}
