// The Ruby subset on its own: full output texts of programs and of Ruby 3.3's errors (error.c's "for main" / "for an
// instance of X" wording, backtick-quoted frames, eval_error.c's "file:line:in `x': msg (Class)" layout).
import { describe, expect, it } from 'vitest';
import { InMemoryFs } from 'just-bash';
import { SyncFiles, withFiles } from './files';
import { runRuby, type RbRunSpec } from './rb-main';

async function rb(code: string, opts: { files?: Record<string, string>; file?: string; argv?: string[]; env?: Record<string, string>; tty?: boolean; mode?: RbRunSpec['mode'] } = {}) {
  const fs = new InMemoryFs();
  for (const [p, t] of Object.entries(opts.files ?? {})) { await fs.mkdir(p.slice(0, p.lastIndexOf('/')) || '/', { recursive: true }); await fs.writeFile(p, t); }
  await fs.mkdir('/app', { recursive: true });
  const files = new SyncFiles();
  const file = opts.file ?? '-e';
  const r = await withFiles(fs, files, () => runRuby({ mode: opts.mode ?? { kind: file === '-e' ? 'eval' : 'script', code, file }, argv: [file, ...(opts.argv ?? [])], cwd: '/app', env: opts.env ?? { HOME: '/root' }, version: '3.3.6', files, stdin: '', tty: !!opts.tty, start: Date.UTC(2024, 10, 6, 10, 0, 0), ip: '172.17.0.2', sleep: () => {} }));
  return { out: r.stdout, err: r.stderr, code: r.exitCode, r };
}

describe('the Ruby subset', () => {
  it('prints with puts/print/p/pp/printf/format, inspects values as Ruby 3.3 does', async () => {
    const r = await rb(`puts "a", ["b", ["c"]], nil, 1.0, 2e20, 1e-5, 10 ** 20
print "x", 1, :y, "\\n"
p 1, "q\\"t", :sym, :"with space", [1, nil, true], {a: 1, "b" => [2]}, 1..3, nil
pp({x: {y: 1}})
printf("%-5s|%5.1f|%03d|%x|%+d\\n", "ab", 3.14159, 7, 255, 5)
puts format("%08.3f %s %p %%", 3.14159, :s, "s")
puts "%s and %d" % ["x", 4], "%.2e" % 12345.678
x = p
p x`);
    expect(r.out).toBe('a\nb\nc\n\n1.0\n2.0e+20\n1.0e-05\n100000000000000000000\nx1y\n1\n"q\\"t"\n:sym\n:"with space"\n[1, nil, true]\n{:a=>1, "b"=>[2]}\n1..3\nnil\n{:x=>{:y=>1}}\nab   |  3.1|007|ff|+5\n0003.142 s "s" %\nx and 4\n1.23e+04\nnil\n');
    expect(r.code).toBe(0);
  });

  it('numbers: integer division floors, bignums, floats, rounding and conversions', async () => {
    const r = await rb(`puts 7 / 2, -7 / 2, 7 % 3, -7 % 3, 2 ** 64, 7.fdiv(2), 10.0 / 4, 0.1 + 0.2, 3.7.round, 3.14159.round(2), 2.5.round, -2.5.round, 1234567.89.floor
puts Integer("42") + Float("1.5"), "12abc".to_i, "3.5kg".to_f, 255.to_s(2), 65.chr, "A".ord, 10.digits.inspect, 20.gcd(8), (1..10).sum, 5.clamp(1, 3)
puts 100.0.to_i, 1e3.to_s, 12.0 / 0, -1 / 0.0, 3.zero?, 4.even?, 1_000_000`);
    expect(r.out).toBe('3\n-4\n1\n2\n18446744073709551616\n3.5\n2.5\n0.30000000000000004\n4\n3.14\n3\n-3\n1234567\n43.5\n12\n3.5\n11111111\nA\n65\n[0, 1]\n4\n55\n3\n100\n1000.0\nInfinity\n-Infinity\nfalse\ntrue\n1000000\n');
  });

  it('strings, symbols, arrays, hashes and ranges with their common methods and blocks', async () => {
    const r = await rb(`s = "Hello, World"
puts s.upcase, s.downcase, s.length, s.reverse, s[0, 5], s[-5..], s.sub("World", "Ruby"), s.gsub(/o/) { |m| m.upcase }, s.tr("lo", "01"), s.split(", ").inspect
puts s.include?("World"), s.start_with?("Hell"), s.index("o"), s.count("l"), s.center(16, "*"), s.ljust(14, ".") + "|", "  pad  ".strip, "a-b_c".tr("-_", "  "), s.chars.first(3).inspect, s * 2 if true
puts "snake_case_words".split("_").map(&:capitalize).join, "%05.1f" % 2.25, "abc".succ, "az".next, "ruby" <=> "rubx", "x".frozen?
a = [5, 3, 8, 1]
a << 9
a.push(2).unshift(0)
puts a.inspect, a.sort.inspect, a.max, a.min, a.sum, a.sort.reverse.take(2).inspect, a.select(&:even?).inspect, a.reject { |x| x > 4 }.inspect, a.map { _1 * 2 rescue 0 }.size
puts a.each_slice(3).map(&:sum).inspect, a.partition(&:odd?).inspect, a.group_by(&:odd?).inspect, a.each_with_object([]) { |x, acc| acc << x if x > 4 }.inspect, a.tally.size, [1, [2, [3, nil]]].flatten.compact.inspect
puts a.find { |x| x > 4 }, a.index(8), a.include?(3), a.first, a.last(2).inspect, a.zip(a.map(&:to_s)).first.inspect, a.uniq.length, [3, 1].minmax.inspect, a.inject(:+), a.count(&:odd?), [[1, :a], [2, :b]].to_h.inspect
h = { "apple" => 3, "kiwi" => 1 }
h["fig"] = 2
h.each { |k, v| puts "#{k}=#{v}" }
h.each_with_index { |(k, v), i| print i, k, v, " " }
puts
puts h.keys.inspect, h.values.sum, h.sort_by { |_, v| v }.first.inspect, h.max_by { |_, v| v }.inspect, h.select { |_, v| v > 1 }.inspect, h.map { |k, v| [k, v * 2] }.to_h.inspect, h.fetch("kiwi"), h.key?("nope"), h.to_a.last.inspect, h.transform_values { |v| v * 10 }.inspect, h.min_by(2) { |_, v| v }.inspect, h.sum { |_, v| v }, h.count { |k, _| k.size > 3 }, h.invert[1], h.dig("fig"), h.merge({"fig" => 9}) { |_, a, b| a + b }["fig"]
words = %w[a bb a ccc bb a]
counts = Hash.new(0)
words.each { |w| counts[w] += 1 }
p counts, counts.sort_by { |w, c| [-c, w] }.to_h, words.tally == counts, (1..10).step(3).to_a, (1...4).to_a, ("a".."e").to_a.join, (1..Float::INFINITY rescue 5)
groups = Hash.new { |hash, k| hash[k] = [] }
words.each { |w| groups[w.size] << w }
p groups, :upcase.to_proc.call("x")`);
    expect(r.err).toBe('');
    expect(r.out).toBe(`HELLO, WORLD
hello, world
12
dlroW ,olleH
Hello
World
Hello, Ruby
HellO, WOrld
He001, W1r0d
["Hello", "World"]
true
true
4
3
**Hello, World**
Hello, World..|
pad
a b c
["H", "e", "l"]
Hello, WorldHello, World
SnakeCaseWords
002.2
abd
ba
1
false
[0, 5, 3, 8, 1, 9, 2]
[0, 1, 2, 3, 5, 8, 9]
9
0
28
[9, 8]
[0, 8, 2]
[0, 3, 1, 2]
7
[8, 18, 2]
[[5, 3, 1, 9], [0, 8, 2]]
{false=>[0, 8, 2], true=>[5, 3, 1, 9]}
[5, 8, 9]
7
[1, 2, 3]
5
3
true
0
[9, 2]
[0, "0"]
7
[1, 3]
28
4
{1=>:a, 2=>:b}
apple=3
kiwi=1
fig=2
0apple3 1kiwi1 2fig2 
["apple", "kiwi", "fig"]
6
["kiwi", 1]
["apple", 3]
{"apple"=>3, "fig"=>2}
{"apple"=>6, "kiwi"=>2, "fig"=>4}
1
false
["fig", 2]
{"apple"=>30, "kiwi"=>10, "fig"=>20}
[["kiwi", 1], ["fig", 2]]
6
2
kiwi
2
11
{"a"=>3, "bb"=>2, "ccc"=>1}
{"a"=>3, "bb"=>2, "ccc"=>1}
true
[1, 4, 7, 10]
[1, 2, 3]
"abcde"
1..Infinity
{1=>["a", "a", "a"], 2=>["bb", "bb"], 3=>["ccc"]}
"X"
`);
  });
});
