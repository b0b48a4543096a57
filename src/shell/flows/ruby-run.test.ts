// ruby runs a Ruby subset for real (own small interpreter, lazy chunk, step-bounded): -e, scripts from a bind mount or a
// build, gem/bundle install from a seeded index, and servers (Sinatra on Puma, un.rb's httpd on WEBrick, a TCPServer
// loop) that curl on the host reaches through -p.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

const session = async () => {
  const s = createSession({ headless: true });
  await s.run('docker pull -q ruby');
  return s;
};

const APP = `require 'sinatra'
require 'json'

set :bind, '0.0.0.0'
visits = 0

get '/' do
  visits += 1
  "Hello from Sinatra! visit #{visits}\\n"
end

get '/hello/:name' do
  content_type :json
  { greeting: "hi #{params[:name]}", q: params['q'] }.to_json
end
`;

describe('ruby', () => {
  it('-e, a script from a bind mount with ARGV and ENV, stdin, and an uncaught error with its exit status', async () => {
    const s = await session();
    const r = await s.run(`docker run --rm -e WHO=ada ruby ruby -e '3.times { |i| puts "#{i}: hi #{ENV["WHO"]}" }' -e 'p ARGV' a b`);
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['0: hi ada\n1: hi ada\n2: hi ada\n["a", "b"]\n', '', 0]);
    await s.run(`mkdir rb && printf 'total = ARGV.map(&:to_i).sum\\nputs "sum=#{total}"\\nFile.write("out.txt", "done\\\\n")\\ndef risky(n) = 10 / n\\nrisky(0)\\n' > rb/sum.rb`);
    const script = await s.run('docker run --rm -v $PWD/rb:/app -w /app ruby ruby sum.rb 1 2 3');
    expect(script.stdout).toBe('sum=6\n');
    expect(script.stderr).toBe("sum.rb:4:in `/': divided by 0 (ZeroDivisionError)\n\tfrom sum.rb:4:in `risky'\n\tfrom sum.rb:5:in `<main>'\n");
    expect(script.exitCode).toBe(1);
    expect((await s.run('cat rb/out.txt')).stdout).toBe('done\n');
    expect((await s.run(`echo 'puts [1, 2].sum' | docker run --rm -i ruby ruby`)).stdout).toBe('3\n');
    const missing = await s.run('docker run --rm ruby ruby nope.rb');
    expect([missing.stderr, missing.exitCode]).toEqual(['ruby: No such file or directory -- nope.rb (LoadError)\n', 1]);
  });

  it("a running script's puts output stays in Ruby's buffer unless $stdout.sync = true; gets reads stdin", async () => {
    const s = await session();
    await s.run(`docker run -d --name buffered ruby ruby -e 'loop { puts "tick"; sleep 1 }'`);
    await s.run(`docker run -d --name synced ruby ruby -e '$stdout.sync = true' -e 'loop { puts "tick"; sleep 1 }'`);
    expect((await s.run('docker logs buffered')).stdout).toBe('');
    expect((await s.run('docker logs synced | head -2')).stdout).toBe('tick\ntick\n');
    expect((await s.run(`echo ada | docker run --rm -i ruby ruby -e 'print "Name? "; puts "Hello, #{gets.chomp}!"'`)).stdout).toBe('Name? Hello, ada!\n');
  });

  it('gem install sinatra rackup puma, then a Sinatra app answers curl through -p and keeps its state; bound to localhost it is unreachable', async () => {
    const s = await session();
    await s.run(`mkdir app && cat > app/app.rb <<'EOF'\n${APP}EOF`);
    const gems = await s.run('docker run --name gems -v $PWD/app:/app ruby gem install sinatra rackup puma');
    expect(gems.stdout).toBe('Fetching ruby2_keywords-0.0.5.gem\nFetching mustermann-3.0.3.gem\nFetching rack-3.1.8.gem\nFetching rack-protection-4.1.1.gem\nFetching rack-session-2.0.0.gem\nFetching tilt-2.4.0.gem\nFetching sinatra-4.1.1.gem\nSuccessfully installed ruby2_keywords-0.0.5\nSuccessfully installed mustermann-3.0.3\nSuccessfully installed rack-3.1.8\nSuccessfully installed rack-protection-4.1.1\nSuccessfully installed rack-session-2.0.0\nSuccessfully installed tilt-2.4.0\nSuccessfully installed sinatra-4.1.1\nFetching rackup-2.2.1.gem\nSuccessfully installed rackup-2.2.1\nFetching nio4r-2.7.4.gem\nFetching puma-6.5.0.gem\nBuilding native extensions. This could take a while...\nSuccessfully installed nio4r-2.7.4\nBuilding native extensions. This could take a while...\nSuccessfully installed puma-6.5.0\n10 gems installed\n');
    await s.run('docker commit gems rubyweb >/dev/null');
    await s.run('docker run -d --name web -p 4567:4567 -v $PWD/app:/app -w /app rubyweb ruby app.rb');
    expect((await s.run('docker logs web')).stdout).toBe('Puma starting in single mode...\n* Puma version: 6.5.0 ("Sky\'s Version")\n* Ruby version: ruby 3.3.6 (2024-11-05 revision 75015d4c1f) [x86_64-linux]\n*  Min threads: 0\n*  Max threads: 5\n*  Environment: development\n*          PID: 1\n* Listening on http://0.0.0.0:4567\nUse Ctrl-C to stop\n');
    expect((await s.run('docker logs web 2>&1 >/dev/null')).stdout).toBe('== Sinatra (v4.1.1) has taken the stage on 4567 for development with backup from Puma\n');
    expect((await s.run('curl -si localhost:4567/')).stdout).toBe('HTTP/1.1 200 OK\r\ncontent-type: text/html;charset=utf-8\r\nx-xss-protection: 1; mode=block\r\nx-content-type-options: nosniff\r\nx-frame-options: SAMEORIGIN\r\ncontent-length: 28\r\n\r\nHello from Sinatra! visit 1\n');
    expect((await s.run('curl -s localhost:4567/')).stdout).toBe('Hello from Sinatra! visit 2\n');
    expect((await s.run("curl -s 'localhost:4567/hello/ada?q=x'")).stdout).toBe('{"greeting":"hi ada","q":"x"}');
    expect((await s.run('curl -s -o /dev/null -w "%{http_code}" localhost:4567/nope')).stdout).toBe('404');
    expect((await s.run('docker logs web 2>&1 | grep GET | sed "s/\\[.*\\]/[T]/"')).stdout).toBe('172.17.0.1 - - [T] "GET / HTTP/1.1" 200 28 0.0005\n172.17.0.1 - - [T] "GET / HTTP/1.1" 200 28 0.0005\n172.17.0.1 - - [T] "GET /hello/ada?q=x HTTP/1.1" 200 29 0.0005\n172.17.0.1 - - [T] "GET /nope HTTP/1.1" 404 434 0.0005\n');
    // without `set :bind` Sinatra's development mode listens on localhost only: the published port reaches nothing
    await s.run(`printf "require 'sinatra'\\nget('/') { 'hi' }\\n" > app/local.rb`);
    await s.run('docker run -d --name local -p 4568:4567 -v $PWD/app:/app -w /app rubyweb ruby local.rb');
    expect((await s.run('docker logs local | grep Listening')).stdout).toBe('* Listening on http://127.0.0.1:4567\n* Listening on http://[::1]:4567\n');
    expect((await s.run('curl -s localhost:4568/')).exitCode).not.toBe(0);
    // without rackup and puma, Sinatra 4 says which gems are missing and exits 1
    await s.run('docker run --name bare -v $PWD/app:/app -w /app ruby gem install sinatra');
    await s.run('docker commit bare rubybare >/dev/null');
    const bare = await s.run('docker run --rm -v $PWD/app:/app -w /app rubybare ruby app.rb');
    expect([bare.stderr, bare.exitCode]).toEqual(["Sinatra could not start, the required gems weren't found!\n\nAdd them to your bundle with:\n\n    bundle add rackup puma\n\nor install them with:\n\n    gem install rackup puma\n\n", 1]);
  });

  it('a Dockerfile FROM ruby:3.3 with a Gemfile, bundle install and CMD ["ruby", "app.rb"] builds and serves through -p', async () => {
    const s = await session();
    await s.run(`mkdir site && cat > site/app.rb <<'EOF'\n${APP}EOF`);
    await s.run(`printf 'source "https://rubygems.org"\\n\\ngem "sinatra"\\ngem "rackup"\\ngem "puma"\\n' > site/Gemfile && printf 'FROM ruby:3.3\\nWORKDIR /app\\nCOPY Gemfile ./\\nRUN bundle install\\nCOPY . .\\nEXPOSE 4567\\nCMD ["ruby", "app.rb"]\\n' > site/Dockerfile`);
    const b = await s.run('cd site && docker build --progress=plain -t sinatra-app . 2>&1 | grep -E "^#[0-9]+ [0-9]+[.][0-9]+ " | sed -E "s/^#[0-9]+ [0-9.]+ //"');
    expect(b.stdout).toBe('Fetching gem metadata from https://rubygems.org/.........\nResolving dependencies...\nUsing bundler 2.5.22\nFetching mustermann 3.0.3\nInstalling mustermann 3.0.3\nFetching nio4r 2.7.4\nInstalling nio4r 2.7.4 with native extensions\nFetching puma 6.5.0\nInstalling puma 6.5.0 with native extensions\nFetching rack 3.1.8\nInstalling rack 3.1.8\nFetching rack-protection 4.1.1\nInstalling rack-protection 4.1.1\nFetching rack-session 2.0.0\nInstalling rack-session 2.0.0\nFetching rackup 2.2.1\nInstalling rackup 2.2.1\nFetching ruby2_keywords 0.0.5\nInstalling ruby2_keywords 0.0.5\nFetching sinatra 4.1.1\nInstalling sinatra 4.1.1\nFetching tilt 2.4.0\nInstalling tilt 2.4.0\nBundle complete! 3 Gemfile dependencies, 11 gems now installed.\nUse `bundle info [gemname]` to see where a bundled gem is installed.\n');
    await s.run('docker run -d --name site -p 8080:4567 sinatra-app');
    expect((await s.run('curl -s localhost:8080/')).stdout).toBe('Hello from Sinatra! visit 1\n');
    expect((await s.run('docker exec site cat Gemfile.lock | tail -3')).stdout).toBe('\nBUNDLED WITH\n   2.5.22\n');
  });

  it('a modular app (class App < Sinatra::Base; run! if app_file == $0) under CMD ["bundle", "exec", "ruby", "app.rb"]', async () => {
    const s = await session();
    await s.run(`mkdir m && cat > m/app.rb <<'EOF'\nrequire 'sinatra/base'\n\nclass App < Sinatra::Base\n  set :bind, '0.0.0.0'\n  get('/') { 'modular' }\n  run! if app_file == $0\nend\nEOF`);
    await s.run(`printf 'source "https://rubygems.org"\\ngem "sinatra"\\ngem "rackup"\\ngem "puma"\\n' > m/Gemfile && printf 'FROM ruby:3.3\\nWORKDIR /app\\nCOPY Gemfile* ./\\nRUN bundle install\\nCOPY . .\\nCMD ["bundle", "exec", "ruby", "app.rb"]\\n' > m/Dockerfile`);
    expect((await s.run('docker build -q -t mod m')).exitCode).toBe(0);
    await s.run('docker run -d --name mod -p 9000:4567 mod');
    await s.run('docker run -d --name mod2 -p 9001:4567 mod ruby app.rb');
    expect((await s.run('curl -s localhost:9000/')).stdout).toBe('modular');
    expect((await s.run('curl -s localhost:9001/')).stdout).toBe('modular');
  });

  it('ruby -run -e httpd needs the webrick gem (not bundled since Ruby 3.0); with it, it serves the folder with WEBrick\'s logs', async () => {
    const s = await session();
    await s.run(`mkdir www && echo '<h1>hello</h1>' > www/index.html && echo notes > www/notes.txt`);
    const bare = await s.run('docker run --rm -v $PWD/www:/srv -w /srv ruby ruby -run -e httpd . -p 8000');
    expect([bare.stderr, bare.exitCode]).toEqual(['webrick is not found. You may need to `gem install webrick` to install webrick.\n', 1]);
    await s.run(`docker run -d --name files -p 8000:8000 -v $PWD/www:/srv -w /srv ruby bash -c 'gem install webrick && ruby -run -e httpd . -p 8000'`);
    const logs = await s.run('docker logs files 2>&1 | sed "s/^\\[[-0-9: ]*\\]/[T]/"');
    expect(logs.stdout).toBe('Fetching webrick-1.9.1.gem\nSuccessfully installed webrick-1.9.1\n1 gem installed\n[T] INFO  WEBrick 1.9.1\n[T] INFO  ruby 3.3.6 (2024-11-05) [x86_64-linux]\n[T] INFO  WEBrick::HTTPServer#start: pid=1 port=8000\n[T] INFO  To access this server, open this URL in a browser:\n[T] INFO      http://127.0.0.1:8000\n[T] INFO      http://[::1]:8000\n');
    const page = await s.run('curl -si localhost:8000/ | grep -v "^Date\\|^Last-Modified"');
    expect(page.stdout).toBe('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nEtag: "1a2b3c-f-675a1c2b"\r\nServer: WEBrick/1.9.1 (Ruby/3.3.6/2024-11-05)\r\nContent-Length: 15\r\nConnection: Keep-Alive\r\n\r\n<h1>hello</h1>\n');
    expect((await s.run('curl -s localhost:8000/notes.txt')).stdout).toBe('notes\n');
    expect((await s.run('curl -s -o /dev/null -w "%{http_code}" localhost:8000/missing')).stdout).toBe('404');
    expect((await s.run('docker logs files 2>&1 | tail -3 | sed "s/\\[.*\\]/[T]/"')).stdout).toBe('[T] ERROR `/missing\' not found.\n172.17.0.1 - - [T] "GET /missing HTTP/1.1" 404 277\n- -> /missing\n');
  });

  it('a TCPServer loop answers each connection with what it writes', async () => {
    const s = await session();
    await s.run(`mkdir tcp && cat > tcp/server.rb <<'EOF'
require 'socket'
server = TCPServer.new(3000)
hits = 0
loop do
  client = server.accept
  request = client.gets
  hits += 1
  body = "hit #{hits}: #{request.split[1]}\\n"
  client.print "HTTP/1.1 200 OK\\r\\nContent-Type: text/plain\\r\\nContent-Length: #{body.bytesize}\\r\\n\\r\\n#{body}"
  client.close
end
EOF`);
    await s.run('docker run -d --name tcp -p 3000:3000 -v $PWD/tcp:/app ruby ruby /app/server.rb');
    expect((await s.run('curl -si localhost:3000/first')).stdout).toBe('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 14\r\n\r\nhit 1: /first\n');
    expect((await s.run('curl -s localhost:3000/again')).stdout).toBe('hit 2: /again\n');
  });
});
