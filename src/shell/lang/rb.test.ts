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
p x
pp({name: "Ada Lovelace", languages: %w[ruby python go], address: {city: "London", country: "UK"}})`);
    expect(r.out).toBe('a\nb\nc\n\n1.0\n2.0e+20\n1.0e-05\n100000000000000000000\nx1y\n1\n"q\\"t"\n:sym\n:"with space"\n[1, nil, true]\n{:a=>1, "b"=>[2]}\n1..3\nnil\n{:x=>{:y=>1}}\nab   |  3.1|007|ff|+5\n0003.142 s "s" %\nx and 4\n1.23e+04\nnil\n{:name=>"Ada Lovelace",\n :languages=>["ruby", "python", "go"],\n :address=>{:city=>"London", :country=>"UK"}}\n');
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

describe('Ruby classes, modules, blocks and exceptions', () => {
  it('classes with attr_accessor, initialize, to_s, inheritance, super, modules, Comparable, Struct and class methods', async () => {
    const r = await rb(`module Greeter
  def greet = "Hi, #{name}"
end
class Animal
  include Comparable
  attr_reader :name, :age
  @@count = 0
  def initialize(name, age: 1)
    @name, @age = name, age
    @@count += 1
  end
  def self.count = @@count
  def <=>(other) = age <=> other.age
  def to_s
    "#{self.class.name.downcase} #{@name}"
  end
  def speak; "..."; end
end
class Dog < Animal
  include Greeter
  def initialize(name, age: 3)
    super
    @tricks = []
  end
  def speak = "Woof"
  def learn(*tricks, &blk)
    @tricks.concat(tricks)
    blk ? @tricks.map(&blk) : self
  end
end
Point = Struct.new(:x, :y) do
  def dist2 = x * x + y * y
end
d = Dog.new("Rex", age: 5)
a = Animal.new("Tom")
puts d, d.speak, a.speak, d.greet, d > a, [d, a].min.name, Animal.count, Dog.ancestors.take(3).inspect, d.is_a?(Animal), Dog.superclass
puts d.learn("sit", "roll") { |t| t.upcase }.inspect, d.respond_to?(:speak), d.respond_to?(:nope)
pt = Point.new(3, 4)
p pt, pt.dist2, pt == Point.new(3, 4), pt.to_a
d.age = 2`);
    expect(r.out).toBe('dog Rex\nWoof\n...\nHi, Rex\ntrue\nTom\n2\n[Dog, Greeter, Animal]\ntrue\nAnimal\n["SIT", "ROLL"]\ntrue\nfalse\n#<struct Point x=3, y=4>\n25\ntrue\n[3, 4]\n');
    expect(r.err).toBe("-e:40:in `<main>': undefined method `age=' for an instance of Dog (NoMethodError)\n");
    expect(r.code).toBe(1);
  });

  it('control flow: if/unless/case/while/until/loop, break/next values, heredocs, ranges in case, multiple assignment', async () => {
    const r = await rb(`def grade(n)
  case n
  when 90.. then "A"
  when 80...90 then "B"
  when Integer then "C"
  else "?"
  end
end
puts [95, 85, 10, "x"].map { |n| grade(n) }.join(" ")
i = 0
i += 1 until i >= 3
puts i unless i.zero?
r = [1, 2, 3, 4].each { |x| break x * 10 if x == 3 }
puts r, [1, 2, 3].map { |x| next 0 if x == 2; x }.inspect
n = 0
loop do
  n += 1
  next if n.odd?
  break if n > 6
  print n
end
puts
a, b = 1, 2
a, b = b, a
first, *rest = [1, 2, 3]
puts a, b, first, rest.inspect, nil&.length.to_s.inspect, "ab"&.length&.succ
text = <<~EOS
  Dear #{first},
    indented
  bye
EOS
puts text
for k in 1..3 do print k end
puts
x = if a > b then "big" else "small" end
puts x, (a > b ? "yes" : "no"), [1, 2, 3].sum.then { _1 rescue 6 }`);
    expect(r.err).toBe('');
    expect(r.out).toBe('A B C ?\n3\n30\n[1, 0, 3]\n246\n\n2\n1\n1\n[2, 3]\n\n3\nDear 1,\n  indented\nbye\n123\nbig\nyes\n6\n'.replace('246\n\n', '246\n'));
  });

  it('exceptions: rescue by class, retry, ensure, custom errors, raise re-raise, and the uncaught error layout with its backtrace', async () => {
    const r = await rb(`class ValidationError < StandardError
  def initialize(msg = "invalid input")
    super
  end
end
def check(x)
  raise ValidationError if x.nil?
  raise ArgumentError, "negative: #{x}" if x.is_a?(Integer) && x < 0
  Integer(x)
end
[nil, -1, "12", "zz"].each do |v|
  begin
    puts check(v)
  rescue ValidationError, ArgumentError => e
    puts "#{e.class}: #{e.message}"
  ensure
    puts "checked #{v.inspect}"
  end
end
tries = 0
begin
  tries += 1
  raise "flaky" if tries < 3
  puts "ok after #{tries}"
rescue
  retry
end
x = Integer("no") rescue "fallback"
puts x
def outer = inner
def inner
  {a: 1}.fetch(:b)
end
outer`, { file: 'app.rb' });
    expect(r.out).toBe('ValidationError: invalid input\nchecked nil\nArgumentError: negative: -1\nchecked -1\n12\nchecked "12"\nArgumentError: invalid value for Integer(): "zz"\nchecked "zz"\nok after 3\nfallback\n');
    expect(r.err).toBe("app.rb:32:in `fetch': key not found: :b (KeyError)\n\tfrom app.rb:32:in `inner'\n\tfrom app.rb:30:in `outer'\n\tfrom app.rb:34:in `<main>'\n");
    expect(r.code).toBe(1);
  });

  it("Ruby 3.3's error texts: NameError, NoMethodError for nil and for a class, TypeError, ZeroDivisionError, a syntax error, and bold on a terminal", async () => {
    expect((await rb('puts x')).err).toBe("-e:1:in `<main>': undefined local variable or method `x' for main (NameError)\n");
    expect((await rb('nil.upcase')).err).toBe("-e:1:in `<main>': undefined method `upcase' for nil (NoMethodError)\n");
    expect((await rb('class Foo; end\nFoo.bar')).err).toBe("-e:2:in `<main>': undefined method `bar' for class Foo (NoMethodError)\n");
    expect((await rb('1 + "2"')).err).toBe("-e:1:in `+': String can't be coerced into Integer (TypeError)\n\tfrom -e:1:in `<main>'\n");
    expect((await rb('"2" + 1')).err).toBe("-e:1:in `+': no implicit conversion of Integer into String (TypeError)\n\tfrom -e:1:in `<main>'\n");
    expect((await rb('def half(n)\n  n / 0\nend\n3.times { |i| half(i) }')).err).toBe("-e:2:in `/': divided by 0 (ZeroDivisionError)\n\tfrom -e:2:in `half'\n\tfrom -e:4:in `block in <main>'\n\tfrom <internal:numeric>:237:in `times'\n\tfrom -e:4:in `<main>'\n");
    expect((await rb('[1, 2].frist')).err).toBe("-e:1:in `<main>': undefined method `frist' for an instance of Array (NoMethodError)\n");
    expect((await rb('def f(a, b = 1) = a\nf')).err).toBe("-e:1:in `f': wrong number of arguments (given 0, expected 1..2) (ArgumentError)\n\tfrom -e:2:in `<main>'\n");
    expect((await rb('raise "boom"', { tty: true })).err).toBe("-e:1:in `<main>': \x1b[1mboom (\x1b[1;4mRuntimeError\x1b[m\x1b[1m)\x1b[m\n");
    const syn = await rb('def f\n  puts 1\n', { file: 'app.rb' });
    expect(syn.err).toBe("app.rb: app.rb:3: syntax error, unexpected end-of-input, expecting `end' (SyntaxError)\n");
    expect(syn.code).toBe(1);
    expect((await rb('exit 3')).code).toBe(3);
    const ab = await rb('abort "bye"');
    expect([ab.err, ab.code]).toEqual(['bye\n', 1]);
  });

  it('require json, ENV, ARGV, files of the container, require_relative and a missing require', async () => {
    const r = await rb(`require 'json'
require_relative 'lib/util'
data = JSON.parse(File.read("data.json"), symbolize_names: true)
puts data[:name], Util.shout(ENV.fetch("GREETING", "hey")), ARGV.inspect, ENV["NOPE"].inspect
File.write("out.json", JSON.pretty_generate({ "n" => data[:n] + 1, "ok" => true }))
puts File.read("out.json"), File.exist?("nope.txt"), [1, "a", nil, 2.5].to_json
File.read("missing.txt")`, { file: 'main.rb', argv: ['x', 'y'], env: { GREETING: 'hola' }, files: { '/app/data.json': '{"name": "ada", "n": 41}', '/app/lib/util.rb': 'module Util\n  def self.shout(s) = s.upcase + "!"\nend\n' } });
    expect(r.out).toBe('ada\nHOLA!\n["x", "y"]\nnil\n{\n  "n": 42,\n  "ok": true\n}\nfalse\n[1,"a",null,2.5]\n');
    expect(r.err).toBe("main.rb:7:in `read': No such file or directory @ rb_sysopen - missing.txt (Errno::ENOENT)\n\tfrom main.rb:7:in `<main>'\n");
    expect((await rb("require 'sinatra'", { file: 'app.rb' })).err).toBe("<internal:/usr/local/lib/ruby/3.3.0/rubygems/core_ext/kernel_require.rb>:136:in `require': cannot load such file -- sinatra (LoadError)\n\tfrom <internal:/usr/local/lib/ruby/3.3.0/rubygems/core_ext/kernel_require.rb>:136:in `require'\n\tfrom app.rb:1:in `<main>'\n");
    expect((await rb('{a: 1}.to_json')).err).toBe("-e:1:in `<main>': undefined method `to_json' for an instance of Hash (NoMethodError)\n");
  });
});

describe('runs are independent', () => {
  it("a program's classes, constants and reopened built-in methods do not reach the next run", async () => {
    const first = await rb('class App < Array; end\nLIMIT = 1\nclass String\n  def shout = upcase + "!"\nend\nputs "a".shout');
    expect(first.out).toBe('A!\n');
    const second = await rb('class App < Hash; end\nLIMIT = 2\nputs App.superclass, LIMIT, "a".respond_to?(:shout)');
    expect([second.out, second.err]).toEqual(['Hash\n2\nfalse\n', '']);
  });
});

describe('Sinatra in the Ruby subset', () => {
  const GEMS = Object.fromEntries(['sinatra-4.1.1', 'rackup-2.2.1', 'puma-6.5.0'].map((g) => [`/usr/local/bundle/gems/${g}/lib/x.rb`, '']));
  const APP = `require 'sinatra'
set :bind, '0.0.0.0'
before { @title = "Shop" }
get '/' do
  @items = %w[tea cake]
  erb :index
end
get('/sq/:n') { (params[:n].to_i ** 2).to_s }
post('/echo') { status 201; "got #{params['msg']}" }
get('/gone') { halt 410, 'bye' }
`;
  const files = { ...GEMS, '/app/app.rb': APP, '/app/views/layout.erb': '<title><%= @title %></title>\n<%= yield %>', '/app/views/index.erb': '<ul>\n<% @items.each do |i| %>\n  <li><%= i.capitalize %></li>\n<% end %>\n</ul>\n' };
  /** The app run again for one request, as the runtime does when curl reaches it. */
  const ask = async (method: string, url: string, body?: string) => {
    const fs = new InMemoryFs();
    for (const [p, t] of Object.entries(files)) { await fs.mkdir(p.slice(0, p.lastIndexOf('/')), { recursive: true }); await fs.writeFile(p, t); }
    const sf = new SyncFiles();
    return withFiles(fs, sf, () => runRuby({ mode: { kind: 'script', code: APP, file: '/app/app.rb' }, argv: ['/app/app.rb'], cwd: '/app', env: {}, version: '3.3.6', files: sf, stdin: '', tty: false, start: 0, ip: '172.17.0.2', sleep: () => {},
      request: { method, url, client: '172.17.0.1', time: Date.UTC(2024, 10, 6, 10, 0, 0), headers: body ? { 'content-type': 'application/x-www-form-urlencoded', host: 'localhost:4567' } : { host: 'localhost:4567' }, ...(body ? { body } : {}) } }));
  };

  it('starts on Puma with its banner, renders ERB views inside the layout, reads params, and sets status with status/halt', async () => {
    const start = await rb(APP, { file: '/app/app.rb', files });
    expect(start.r.serving).toEqual({ host: '0.0.0.0', port: 4567 });
    expect(start.err).toBe('== Sinatra (v4.1.1) has taken the stage on 4567 for development with backup from Puma\n');
    const home = (await ask('GET', '/')).reply!;
    expect([home.status, home.body]).toEqual([200, '<title>Shop</title>\n<ul>\n  <li>Tea</li>\n  <li>Cake</li>\n</ul>\n']);
    expect(home.stderr).toBe('172.17.0.1 - - [06/Nov/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 62 0.0005\n');
    expect((await ask('GET', '/sq/12')).reply!.body).toBe('144');
    const posted = (await ask('POST', '/echo', 'msg=hi+there')).reply!;
    expect([posted.status, posted.reason, posted.body]).toEqual([201, 'Created', 'got hi there']);
    const gone = (await ask('GET', '/gone')).reply!;
    expect([gone.status, gone.body]).toEqual([410, 'bye']);
  });
});
