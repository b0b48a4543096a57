// Dockerfile variable substitution (buildkit shell/lex.go): expansion forms, quotes, escapes, errors, display names.
import { describe, expect, it } from 'vitest';
import { displayExpand, processWord } from './shell-lex';
import { DockerfileError } from './dockerfile';

const env = { NAME: 'world', EMPTY: '', PATH: '/usr/bin:/bin', FILE: 'archive.tar.gz' };

describe('processWord', () => {
  it.each([
    ['$NAME', 'world'],
    ['${NAME}', 'world'],
    ['hello-$NAME!', 'hello-world!'],
    ['$UNSET', ''],
    ['${UNSET:-fallback}', 'fallback'],
    ['${EMPTY:-fallback}', 'fallback'],
    ['${EMPTY-fallback}', ''],
    ['${UNSET-fallback}', 'fallback'],
    ['${NAME:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${NAME+alt}', 'alt'],
    ['${FILE%.gz}', 'archive.tar'],
    ['${FILE%%.*}', 'archive'],
    ['${FILE#*.}', 'tar.gz'],
    ['${FILE##*.}', 'gz'],
    ['${NAME/o/0}', 'w0rld'],
    ['${PATH//:/ }', '/usr/bin /bin'],
    ['"two words"', 'two words'],
    ["'$NAME'", '$NAME'],
    ['"$NAME"', 'world'],
    ['three\\ words', 'three words'],
    ['"a \\"quoted\\" b"', 'a "quoted" b'],
    ['\\$NAME', '$NAME'],
    ['$', '$'],
    ['${NAME:-$EMPTY}x', 'worldx'],
  ])('%s → %s', (word, want) => {
    expect(processWord(word, env)).toBe(want);
  });

  it('honours the escape directive (backtick)', () => {
    expect(processWord('c:\\dir`$NAME', env, '`')).toBe('c:\\dir$NAME');
  });

  it.each([
    ['"unterminated', 'unexpected end of statement while looking for matching double-quote'],
    ["'unterminated", 'unexpected end of statement while looking for matching single-quote'],
    ['${NAME', "syntax error: missing '}'"],
    ['${}', 'syntax error: bad substitution'],
    ['${UNSET:?must be set}', 'UNSET: must be set'],
    ['${UNSET?}', 'UNSET: is not allowed to be unset'],
    ['${NAME:=x}', 'unsupported modifier (=) in substitution'],
  ])('%s fails: %s', (word, msg) => {
    expect(() => processWord(word, env)).toThrow(new DockerfileError(msg));
  });
});

describe('displayExpand (progress names keep quotes and unset variables)', () => {
  it('expands set variables only, outside single quotes', () => {
    expect(displayExpand('RUN echo "v=$NAME" \'$NAME\' $UNSET ${NAME}', env)).toBe('RUN echo "v=world" \'$NAME\' $UNSET world');
  });
});
