// The PHP subset interpreter: output, php-cli's error texts (php-src main/main.c php_error_cb, Zend/zend_exceptions.c),
// parse errors as PHP 8 words them, and the library functions learners reach for.
import { describe, expect, it } from 'vitest';
import type { IFileSystem } from 'just-bash';
import { runPhp, type PhpRunSpec } from './php-main';
import { SyncFiles, withFiles } from './files';

/** A filesystem holding `files` (and the folders above them). */
function fakeFs(files: Record<string, string>): IFileSystem {
  const isDir = (p: string) => Object.keys(files).some((f) => f.startsWith(p.replace(/\/$/, '') + '/'));
  return {
    stat: async (p: string) => { if (p in files) return { isDirectory: false }; if (isDir(p)) return { isDirectory: true }; throw new Error('ENOENT'); },
    readdir: async (p: string) => [...new Set(Object.keys(files).filter((f) => f.startsWith(p + '/')).map((f) => f.slice(p.length + 1).split('/')[0]))],
    readFile: async (p: string) => { if (p in files) return files[p]; throw new Error('ENOENT'); },
  } as unknown as IFileSystem;
}

async function php(code: string, { disk, ...opts }: Partial<PhpRunSpec> & { disk?: Record<string, string> } = {}) {
  const files = new SyncFiles();
  const r = await withFiles(fakeFs(disk ?? {}), files, () => runPhp({
    code, file: '/app/index.php', isCode: false, argv: ['index.php'], cwd: '/app', env: { HOME: '/root' }, version: '8.4.1', hostname: 'web', start: Date.UTC(2026, 11, 6, 19, 0, 0), stdin: '', files,
    sleep: () => {}, logErrors: false, displayErrors: true, ...opts,
  }));
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, status: r.status, headers: r.headers, written: Object.fromEntries(files.writes) };
}

describe('php: output', () => {
  it('inline HTML around <?php ?> and <?= ?>, interpolation, echo of numbers', async () => {
    const r = await php('<ul>\n<?php foreach ([1, 2] as $i): ?>\n  <li><?= $i * 1.5 ?></li>\n<?php endforeach; ?>\n</ul>\n<?php $u = ["name" => "Ada"]; $o = new stdClass; $o->x = 7;\necho "Hi $u[name] {$u[\'name\']} $o->x ${u}\\n";');
    expect(r.stdout).toBe('<ul>\n  <li>1.5</li>\n  <li>3</li>\n</ul>\n\nWarning: Array to string conversion in /app/index.php on line 7\nHi Ada Ada 7 Array\n');
  });

  it('var_dump, print_r, var_export and json_encode print what PHP 8 prints', async () => {
    const r = await php(`<?php
var_dump([1, "a" => 2.0, "b" => [true, null]], 0.1 + 0.7, 1e100);
print_r(["x" => ["y" => 1]]);
echo "\\n";
var_export([1, "k" => 'it\\'s', 2.0]);
echo "\\n", json_encode(["a" => 1, "list" => [1, 2], "url" => "a/b", "f" => 1.0, "é" => "ü"]), "\\n";
echo json_encode([1, 2], JSON_PRETTY_PRINT), "\\n";
class P { public $name = "n"; private $secret = "s"; }
var_dump(new P);
echo json_encode(new P), "\\n";`);
    expect(r.stdout).toBe(`array(3) {
  [0]=>
  int(1)
  ["a"]=>
  float(2)
  ["b"]=>
  array(2) {
    [0]=>
    bool(true)
    [1]=>
    NULL
  }
}
float(0.7999999999999999)
float(1.0E+100)
Array
(
    [x] => Array
        (
            [y] => 1
        )

)

array (
  0 => 1,
  'k' => 'it\\'s',
  1 => 2.0,
)
{"a":1,"list":[1,2],"url":"a\\/b","f":1.0,"\\u00e9":"\\u00fc"}
[
    1,
    2
]
object(P)#1 (2) {
  ["name"]=>
  string(1) "n"
  ["secret"]=>
  string(1) "s"
}
{"name":"n"}
`);
  });

  it('strings, arrays and math functions', async () => {
    const r = await php(`<?php
echo sprintf("%5.1f|%-5s|%05d|%x|%b|%'*8s|%+d", 3.14159, "ab", 42, 255, 5, "r", 7), "\\n";
echo number_format(1234567.891, 2), " ", str_pad("7", 3, "0", STR_PAD_LEFT), " ", ucwords("hello big world"), " ", strlen("héllo"), "\\n";
echo implode(",", explode(" ", "a b c")), " ", strtoupper("abc"), " ", str_repeat("=", 3), " ", substr("abcdef", -2), " ", str_replace("l", "L", "hello"), "\\n";
$a = [3 => "c", 1 => "a", 2 => "b"]; ksort($a); echo implode(",", array_keys($a)), " ";
$l = [5, 3, 8]; sort($l); echo implode(",", $l), " ";
usort($l, fn($x, $y) => $y <=> $x); echo implode(",", $l), "\\n";
echo implode(",", array_map(fn($x) => $x ** 2, range(1, 4))), " ", implode(",", array_filter([1, 0, 2, null])), " ", array_sum([1, 2, 3.5]), " ", count([1, [2, 3]]), "\\n";
var_dump(in_array("2", [1, 2]), in_array("2", [1, 2], true), array_search("b", ["a", "b"]), 10 / 4, 10 / 5, 7 % 3, intdiv(7, 2), 2 ** 10, "10" == "1e1", "abc" == 0, null ?? "d");
echo max([1, 9, 3]), min(4, 2), abs(-5), round(2.456, 2), floor(2.7), " ", json_encode(array_slice([1, 2, 3, 4], 1, 2)), json_encode(array_merge(["a" => 1], ["a" => 2, 3])), "\\n";`);
    expect(r.stdout).toBe(`  3.1|ab   |00042|ff|101|*******r|+7
1,234,567.89 007 Hello Big World 6
a,b,c ABC === ef heLLo
1,2,3 3,5,8 8,5,3
1,4,9,16 1,2 6.5 2
bool(true)
bool(false)
int(1)
float(2.5)
int(2)
int(1)
int(3)
int(1024)
bool(true)
bool(false)
string(1) "d"
9252.462 [2,3]{"a":2,"0":3}
`);
  });

  it('functions, closures, static variables, references, match and classes', async () => {
    const r = await php(`<?php
function counter() { static $n = 0; return ++$n; }
counter(); counter(); echo counter(), "\\n";
function addOne(array &$xs) { $xs[] = 1; }
$xs = []; addOne($xs); addOne($xs); echo count($xs), "\\n";
$total = 0; $add = function ($x) use (&$total) { $total += $x; }; array_map($add, [1, 2, 3]); echo $total, "\\n";
$mul = fn($x) => fn($y) => $x * $y; echo $mul(3)(4), "\\n";
echo match (true) { 5 > 9 => "big", default => "small" }, "\\n";
abstract class Shape { abstract public function area(): float; public function describe(): string { return static::class . " with area " . round($this->area(), 2); } }
class Circle extends Shape { const PI = 3.14159; public function __construct(private float $r) {} public function area(): float { return self::PI * $this->r ** 2; } }
class Square extends Shape { public static int $made = 0; public function __construct(public readonly int $side) { self::$made++; } public function area(): float { return $this->side ** 2; } }
foreach ([new Circle(1), new Square(2), new Square(3)] as $s) echo $s->describe(), "\\n";
echo Square::$made, " ", (new Square(5))->side, "\\n";
[$a, [$b]] = [1, [2]]; ["x" => $x] = ["x" => 3]; echo "$a$b$x\\n";
try { throw new InvalidArgumentException("bad", 4); } catch (RuntimeException | LogicException $e) { echo get_class($e), ":", $e->getMessage(), ":", $e->getCode(), "\\n"; } finally { echo "finally\\n"; }`);
    expect(r.stdout).toBe('3\n2\n6\n12\nsmall\nCircle with area 3.14\nSquare with area 4\nSquare with area 9\n2 5\n123\nInvalidArgumentException:bad:4\nfinally\n');
  });

  it('$argv, getenv, date, PHP_VERSION and include of another file', async () => {
    const r = await php('<?php\nrequire __DIR__ . "/lib.php";\necho greet($argv[1]), " ", PHP_VERSION, " ", phpversion(), " ", getenv("HOME"), " ", date("Y-m-d H:i D", time()), "\\n";', { argv: ['index.php', 'Ada'], disk: { '/app/lib.php': '<?php\nfunction greet($n) { return "Hello, $n!"; }\n' } });
    expect(r.stdout).toBe('Hello, Ada! 8.4.1 8.4.1 /root 2026-12-06 19:00 Sun\n');
  });

  it('DateTime, phpinfo()\'s first lines, and a loop that never ends runs until stopped', async () => {
    const r = await php('<?php\necho (new DateTime("2020-01-01"))->format("D, d M Y"), " ", (new DateTimeImmutable("@0"))->modify("+1 day")->format("Y-m-d"), "\\n";\nphpinfo();');
    expect(r.stdout.split('\n').slice(0, 5).join('\n')).toBe('Wed, 01 Jan 2020 1970-01-02\nphpinfo()\nPHP Version => 8.4.1\n\nSystem => Linux web 6.8.0-49-generic #49-Ubuntu SMP PREEMPT_DYNAMIC Mon Nov  4 02:06:24 UTC 2024 x86_64');
    const files = new SyncFiles();
    const loop = await withFiles(fakeFs({}), files, () => runPhp({ code: 'echo "start\\n"; while (true) {}', file: 'Command line code', isCode: true, argv: ['Standard input code'], cwd: '/', env: {}, version: '8.4.1', hostname: 'h', start: 0, stdin: '', files, sleep: () => {}, logErrors: false, displayErrors: true }));
    expect([loop.stdout, loop.forever]).toEqual(['start\n', true]);
  });

  it('fgets(STDIN) and readline() read stdin line by line; uksort sorts keys with a callback', async () => {
    const r = await php('<?php\n$a = trim(fgets(STDIN));\n$b = readline();\nvar_dump(fgets(STDIN));\n$k = ["b" => 1, "a" => 2]; uksort($k, fn($x, $y) => strcmp($x, $y));\necho "$a|$b|", implode(",", array_keys($k)), "\\n";', { stdin: 'first\nsecond\n' });
    expect(r.stdout).toBe('bool(false)\nfirst|second|a,b\n');
    const w = await php('<?php\n$p = ["a" => 1, "b" => 2];\narray_walk($p, function (&$v, $k) { $v = "$k=$v"; });\n$l = [1, 2, 3, 4];\n$cut = array_splice($l, 1, 2, ["x"]);\necho implode(",", $p), " ", implode(",", $l), " ", implode(",", $cut), "\\n";');
    expect(w.stdout).toBe('a=1,b=2 1,x,4 2,3\n');
  });

  it('file_put_contents writes into the container, file_get_contents reads', async () => {
    const r = await php('<?php\nfile_put_contents("out.txt", "n=" . strlen(file_get_contents("/data/in.txt")));\necho file_exists("out.txt") ? "yes" : "no";', { disk: { '/data/in.txt': 'hello' } });
    expect(r.stdout).toBe('yes');
    expect(r.written).toEqual({ '/app/out.txt': 'n=5' });
  });
});

describe('php: errors as php-cli prints them', () => {
  it('a warning goes to stdout (display_errors) and, with php.ini-development\'s log_errors, to stderr too', async () => {
    const code = '<?php\n$a = [1];\necho $a[5], $a["k"], $nope;\necho "after\\n";';
    const plain = await php(code);
    expect(plain.stdout).toBe('\nWarning: Undefined array key 5 in /app/index.php on line 3\n\nWarning: Undefined array key "k" in /app/index.php on line 3\n\nWarning: Undefined variable $nope in /app/index.php on line 3\nafter\n');
    expect(plain.stderr).toBe('');
    expect(plain.exitCode).toBe(0);
    const logged = await php(code, { logErrors: true });
    expect(logged.stderr).toBe('PHP Warning:  Undefined array key 5 in /app/index.php on line 3\nPHP Warning:  Undefined array key "k" in /app/index.php on line 3\nPHP Warning:  Undefined variable $nope in /app/index.php on line 3\n');
  });

  it('an uncaught exception: "Uncaught …" with its stack trace and "thrown in", exit status 255', async () => {
    const r = await php('<?php\nfunction div($a, $b) {\n  if ($b === 0) throw new DivisionByZeroError("no");\n  return $a / $b;\n}\nfunction outer($x) { return div($x, 0); }\necho outer(10);\n', { logErrors: true });
    const text = 'Uncaught DivisionByZeroError: no in /app/index.php:3\nStack trace:\n#0 /app/index.php(6): div(10, 0)\n#1 /app/index.php(7): outer(10)\n#2 {main}\n  thrown in /app/index.php on line 3\n';
    expect(r.stdout).toBe(`\nFatal error: ${text}`);
    expect(r.stderr).toBe(`PHP Fatal error:  ${text}`);
    expect(r.exitCode).toBe(255);
  });

  it('a call to an undefined function, too few arguments, an unsupported operand and a private property', async () => {
    expect((await php('<?php\nfoo();', { file: 'Command line code', isCode: false })).stdout).toBe('\nFatal error: Uncaught Error: Call to undefined function foo() in Command line code:2\nStack trace:\n#0 {main}\n  thrown in Command line code on line 2\n');
    expect((await php('<?php\nfunction f(int $a, $b) {}\nf(1);')).stdout).toBe('\nFatal error: Uncaught ArgumentCountError: Too few arguments to function f(), 1 passed in /app/index.php on line 3 and exactly 2 expected in /app/index.php:2\nStack trace:\n#0 /app/index.php(3): f(1)\n#1 {main}\n  thrown in /app/index.php on line 2\n');
    expect((await php('<?php\necho "x" + 1;')).stdout).toBe('\nFatal error: Uncaught TypeError: Unsupported operand types: string + int in /app/index.php:2\nStack trace:\n#0 {main}\n  thrown in /app/index.php on line 2\n');
    expect((await php('<?php\nclass U { private $pw = 1; }\necho (new U)->pw;')).stdout).toBe('\nFatal error: Uncaught Error: Cannot access private property U::$pw in /app/index.php:3\nStack trace:\n#0 {main}\n  thrown in /app/index.php on line 3\n');
    expect((await php('<?php\n$x = null;\n$x->go();')).stdout).toBe('\nFatal error: Uncaught Error: Call to a member function go() on null in /app/index.php:3\nStack trace:\n#0 {main}\n  thrown in /app/index.php on line 3\n');
  });

  it('PDO without its driver: "could not find driver" (the image has only pdo_sqlite); mysqli without the extension', async () => {
    const r = await php('<?php\ntry { new PDO("mysql:host=db;dbname=app", "root", "pw"); } catch (PDOException $e) { echo get_class($e), ": ", $e->getMessage(), "\\n"; }\nmysqli_connect("db");');
    expect(r.stdout).toBe('PDOException: could not find driver\n\nFatal error: Uncaught Error: Call to undefined function mysqli_connect() in /app/index.php:3\nStack trace:\n#0 {main}\n  thrown in /app/index.php on line 3\n');
  });

  it('parse errors name the unexpected token as PHP 8 does', async () => {
    const parse = async (code: string) => (await php(code, { code, file: 'Command line code', isCode: true })).stdout;
    expect(await parse('echo "a" echo "b";')).toBe('\nParse error: syntax error, unexpected token "echo", expecting "," or ";" in Command line code on line 1\n');
    expect(await parse('$x = 5\necho $x;')).toBe('\nParse error: syntax error, unexpected token "echo" in Command line code on line 2\n');
    expect(await parse('if (true) {\n  echo 1;')).toBe('\nParse error: syntax error, unexpected end of file in Command line code on line 2\n');
    expect(await parse('if $x {}')).toBe('\nParse error: syntax error, unexpected variable "$x", expecting "(" in Command line code on line 1\n');
    expect(await parse('$a = ;')).toBe('\nParse error: syntax error, unexpected token ";" in Command line code on line 1\n');
    expect((await php('echo 1;', { file: 'Command line code', isCode: true })).exitCode).toBe(0);
    expect((await php('echo 1', { file: 'Command line code', isCode: true })).exitCode).toBe(255);
  });
});

describe('php: a web request', () => {
  const request = { method: 'GET', url: '/?name=Ada&n=2', headers: { host: 'localhost:8000', 'user-agent': 'curl/8.5.0' }, client: '172.17.0.1', port: 8000, docroot: '/app', script: '/app/index.php', server: 'cli-server' as const };

  it('$_GET, $_SERVER, header() and http_response_code(); warnings are HTML', async () => {
    const r = await php('<?php\nheader("Content-Type: application/json");\nhttp_response_code(201);\necho json_encode(["hi" => $_GET["name"], "m" => $_SERVER["REQUEST_METHOD"], "uri" => $_SERVER["REQUEST_URI"], "sapi" => PHP_SAPI]);\necho $missing;', { request });
    expect(r.status).toBe(201);
    expect(r.headers).toEqual([['X-Powered-By', 'PHP/8.4.1'], ['Content-Type', 'application/json']]);
    expect(r.stdout).toBe('{"hi":"Ada","m":"GET","uri":"\\/?name=Ada&n=2","sapi":"cli-server"}<br />\n<b>Warning</b>:  Undefined variable $missing in <b>/app/index.php</b> on line <b>5</b><br />\n');
  });

  it('a POSTed form fills $_POST; header("Location: …") answers 302', async () => {
    const r = await php('<?php\nif ($_SERVER["REQUEST_METHOD"] === "POST") { header("Location: /thanks?n=" . urlencode($_POST["name"])); exit; }', { request: { ...request, method: 'POST', headers: { ...request.headers, 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=Ada+L' } });
    expect(r.status).toBe(302);
    expect(r.headers).toContainEqual(['Location', '/thanks?n=Ada+L']);
    expect(r.stdout).toBe('');
  });
});
