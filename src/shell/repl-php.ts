// PHP's interactive shell (`php -a`): whether the lines typed so far make an input to run, and the prompt that says
// what is still open (ext/readline/readline_cli.c cli_is_valid_code and cli_get_prompt, with the default "\b \> ").

type State = 'body' | 'sstring' | 'dstring' | 'sesc' | 'desc' | 'line' | 'block' | 'hstart' | 'heredoc' | 'outside';

/** `valid`: the code ends a statement outside any block (php runs it); `prompt`: the prompt for the next line. */
export function phpOpen(code: string): { valid: boolean; prompt: string } {
  let valid = true;
  let beforeComment = true;
  let brackets = 0; // { }
  let parens = 0; // ( )
  let st: State = 'body';
  let tag = '';
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    switch (st) {
      case 'body':
        if (c === '{') (brackets++, (valid = false));
        else if (c === '}') {
          if (brackets > 0) brackets--;
          valid = brackets === 0;
        } else if (c === '(') (parens++, (valid = false));
        else if (c === ')') {
          if (parens > 0) parens--;
          valid = false;
        } else if (c === ';') valid = parens === 0 && brackets === 0;
        else if (c === ' ' || c === '\r' || c === '\n' || c === '\t') continue;
        else if (c === "'") st = 'sstring';
        else if (c === '"') st = 'dstring';
        else if (c === '#') {
          if (code[i + 1] === '[') valid = false;
          else st = 'line';
        } else if (c === '/' && code[i + 1] === '/') (i++, (st = 'line'));
        else if (c === '/' && code[i + 1] === '*') {
          beforeComment = valid;
          valid = false;
          st = 'block';
          i++;
        } else if (c === '?' && code[i + 1] === '>') (i++, (st = 'outside'));
        else if (c === '<') {
          valid = false;
          if (i + 2 < code.length && code[i + 1] === '<' && code[i + 2] === '<') {
            i += 2;
            st = 'hstart';
            tag = '';
          }
        } else valid = false;
        break;
      case 'sstring':
        st = c === '\\' ? 'sesc' : c === "'" ? 'body' : st;
        break;
      case 'sesc':
        st = 'sstring';
        break;
      case 'dstring':
        st = c === '\\' ? 'desc' : c === '"' ? 'body' : st;
        break;
      case 'desc':
        st = 'dstring';
        break;
      case 'line':
        if (c === '\n') st = 'body';
        break;
      case 'block':
        if (code[i - 1] === '*' && c === '/') (st = 'body'), (valid = beforeComment);
        break;
      case 'hstart':
        if (c === '\r' || c === '\n') st = tag ? 'heredoc' : 'body';
        else if (c !== ' ' && c !== '\t' && c !== "'") tag += c;
        break;
      case 'heredoc': {
        // the closing label: on a line of its own (after spaces), not followed by a name character
        if (tag && code.slice(i - tag.length + 1, i + 1) === tag && !/[\w\x80-\uffff]/.test(code[i + 1] ?? '')) {
          let p = i - tag.length;
          while (code[p] === ' ' || code[p] === '\t') p--;
          if (code[p] === '\n') st = 'body';
        }
        break;
      }
      case 'outside':
        if (code.slice(i - 4, i + 1) === '<?php') st = 'body';
        break;
    }
  }
  const prompt = (block: string, ch: string) => `${block} ${ch} `;
  const text =
    st === 'sstring' || st === 'sesc' ? prompt('php', "'")
    : st === 'dstring' || st === 'desc' ? prompt('php', '"')
    : st === 'block' ? prompt('/* ', '>')
    : st === 'heredoc' ? prompt('<<<', '>')
    : st === 'outside' ? prompt('   ', '>')
    : parens ? prompt('php', '(')
    : brackets ? prompt('php', '{')
    : prompt('php', '>');
  return { valid: valid && !brackets, prompt: text };
}
