// php -a's input rules (readline_cli.c cli_is_valid_code): when an input runs, and the prompt while one goes on.
import { describe, expect, it } from 'vitest';
import { phpOpen } from './repl-php';

describe('phpOpen', () => {
  it('runs a statement that ends with ; or } outside any block, and names what is still open in the prompt', () => {
    const cases: [string, boolean, string][] = [
      ['', true, 'php > '],
      ['echo 1;\n', true, 'php > '],
      ['echo 1\n', false, 'php > '],
      ['if (true) {\n', false, 'php { '],
      ['if (true) { echo 1; }\n', true, 'php > '],
      ['foo(1,\n', false, 'php ( '],
      ["echo 'a\n", false, "php ' "],
      ['echo "a\\"\n', false, 'php " '],
      ['echo 1; /* note\n', false, '/*  > '],
      ['echo 1; /* note */\n', true, 'php > '],
      ['echo 1; // note\n', true, 'php > '],
      ['echo <<<EOT\nx\n', false, '<<< > '],
      ['echo <<<EOT\nx\nEOT;\n', true, 'php > '],
      ['?>\n', true, '    > '],
    ];
    for (const [code, valid, prompt] of cases) expect([code, phpOpen(code)]).toEqual([code, { valid, prompt }]);
  });
});
