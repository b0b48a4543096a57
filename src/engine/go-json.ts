// Go's encoding/json syntax errors (scanner.go wording), for a daemon.json dockerd refuses to read.

/** Go's quoteChar: how a bad byte is named in the message. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f ? `'\\x${code.toString(16).padStart(2, '0')}'` : `'${c}'`;
}

class Bad extends Error {}

/** null when `text` is valid JSON, otherwise the message Go's json.Unmarshal returns. */
export function goJsonError(text: string): string | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const eof = () => {
    throw new Bad('unexpected end of JSON input');
  };
  const bad = (context: string) => {
    throw new Bad(`invalid character ${quoteChar(text[i])} ${context}`);
  };
  const str = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) eof();
      const c = text[i];
      if (c === '"') return void i++;
      if (c === '\\') {
        i++;
        if (i >= text.length) eof();
        if (!'"\\/bfnrtu'.includes(text[i])) bad('in string escape code');
      } else if (c.charCodeAt(0) < 0x20) bad('in string literal');
      i++;
    }
  };
  const literal = (word: string) => {
    for (let k = 0; k < word.length; k++, i++) {
      if (i >= text.length) eof();
      if (text[i] !== word[k]) bad(`in literal ${word} (expecting ${quoteChar(word[k])})`);
    }
  };
  const num = () => {
    if (text[i] === '-') i++;
    if (i >= text.length) eof();
    if (!/[0-9]/.test(text[i])) bad('in numeric literal');
    while (i < text.length && /[0-9.eE+-]/.test(text[i])) i++;
  };
  const value = (): void => {
    ws();
    if (i >= text.length) eof();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (i >= text.length) eof();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (i >= text.length) eof();
        if (text[i] !== '"') bad('looking for beginning of object key string');
        str();
        ws();
        if (i >= text.length) eof();
        if (text[i] !== ':') bad('after object key');
        i++;
        value();
        ws();
        if (i >= text.length) eof();
        if (text[i] === '}') return void i++;
        if (text[i] !== ',') bad('after object key:value pair');
        i++;
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (i >= text.length) eof();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (i >= text.length) eof();
        if (text[i] === ']') return void i++;
        if (text[i] !== ',') bad('after array element');
        i++;
      }
    }
    if (c === '"') return str();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || /[0-9]/.test(c)) return num();
    bad('looking for beginning of value');
  };
  try {
    value();
    ws();
    if (i < text.length) bad('after top-level value');
    return null;
  } catch (e) {
    if (e instanceof Bad) return e.message;
    throw e;
  }
}
