// .env and env_file parsing as compose-go's dotenv does: KEY=VALUE lines, export, quotes, comments.

/** Parse dotenv text; a line's value may use ${VAR} of earlier lines or of `lookup` when double-quoted or bare. */
export function parseDotenv(text: string, lookup: (name: string) => string | undefined = () => undefined): [string, string][] {
  const out: [string, string][] = [];
  const seen = new Map<string, string>();
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n].replace(/^\s+/, '');
    if (!line || line.startsWith('#')) continue;
    line = line.replace(/^export\s+/, '');
    const eq = line.search(/[=:]/);
    const key = (eq < 0 ? line : line.slice(0, eq)).trim();
    if (/\s/.test(key)) throw new Error(`line ${n + 1}: key cannot contain a space`);
    if (eq < 0) continue; // a bare name inherits from the environment: nothing to set here
    let rest = line.slice(eq + 1).replace(/^[ \t]+/, '');
    let value: string;
    const q = rest[0];
    if (q === '"' || q === "'") {
      // a quoted value may span lines until its closing quote
      let body = rest.slice(1);
      while (!closes(body, q) && n + 1 < lines.length) body += '\n' + lines[++n];
      const end = closes(body, q);
      if (!end) throw new Error(`line ${n + 1}: unterminated quoted value ${rest}`);
      value = body.slice(0, end - 1);
      if (q === '"') value = expand(value.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\'), seen, lookup);
    } else {
      rest = rest.replace(/\s+#.*$/, '');
      value = expand(rest.trim(), seen, lookup);
    }
    seen.set(key, value);
    out.push([key, value]);
  }
  return out;
}

/** Position just past the closing quote (1-based index of it + 1), or 0. */
function closes(body: string, q: string): number {
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && q === '"') {
      i++;
      continue;
    }
    if (body[i] === q) return i + 1;
  }
  return 0;
}

function expand(v: string, seen: Map<string, string>, lookup: (name: string) => string | undefined): string {
  return v.replace(/\$\{([_a-zA-Z][_a-zA-Z0-9]*)(?::?-([^}]*))?\}|\$([_a-zA-Z][_a-zA-Z0-9]*)/g, (_m, a, def, b) => {
    const name = a ?? b;
    const got = seen.get(name) ?? lookup(name);
    return got !== undefined && got !== '' ? got : (def ?? '');
  });
}
