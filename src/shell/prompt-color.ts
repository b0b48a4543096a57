// The host prompt coloured like Ubuntu's bashrc (the terminal and a rebuilt session's transcript both use it).

/** Colour `user@host:path# ` like Ubuntu's bashrc (bold green / bold blue); other prompts stay plain. */
export function colorPrompt(p: string): string {
  if (p.includes('\x1b')) return p;
  const m = /^([^\s@:]+@[^\s:]+):(.*?)([#$] ?)$/.exec(p);
  return m ? `\x1b[1;32m${m[1]}\x1b[0m:\x1b[1;34m${m[2]}\x1b[0m${m[3]}` : p;
}
