// The host's filesystem: just-bash's InMemoryFs with file times from the simulated clock (not the browser's).
import { InMemoryFs } from 'just-bash';

type Args<K extends keyof InMemoryFs> = InMemoryFs[K] extends (...a: infer A) => unknown ? A : never;

export class HostFs extends InMemoryFs {
  constructor(private readonly now: () => number) {
    super();
  }

  private async stamp(path: string) {
    const t = new Date(this.now());
    try {
      await super.utimes(path, t, t);
    } catch {
      /* removed meanwhile */
    }
  }

  override async writeFile(...a: Args<'writeFile'>): Promise<void> {
    await super.writeFile(...a);
    await this.stamp(a[0]);
  }

  override async appendFile(...a: Args<'appendFile'>): Promise<void> {
    await super.appendFile(...a);
    await this.stamp(a[0]);
  }

  override async mkdir(...a: Args<'mkdir'>): Promise<void> {
    await super.mkdir(...a);
    await this.stamp(a[0]);
  }
}
