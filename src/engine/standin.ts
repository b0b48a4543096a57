// Stand-in binaries: image files whose first line names the package and program they stand in for.

/** The first line of a stand-in binary: `\x7fELF dockerlings-stand-in: <package> <program>`. */
export const standInContent = (pkg: string, name: string): string => `\u007fELF dockerlings-stand-in: ${pkg} ${name}\n`;

export interface StandIn {
  pkg: string;
  name: string;
}

/** Read a file's stand-in header (the package may be left out: then it is the program's name); null for real content. */
export function standInOf(content: string): StandIn | null {
  const m = /dockerlings-stand-in:\s*(?:(\S+)\s+)?([\w.+-]+)\s*$/.exec(content.slice(0, content.indexOf('\n') + 1 || undefined).replace(/\n$/, ''));
  return m ? { pkg: m[1] ?? m[2], name: m[2] } : null;
}
