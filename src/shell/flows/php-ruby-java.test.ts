// php, ruby and eclipse-temurin images: real metadata and sizes, version flags as the real programs print them, code not simulated (said plainly).
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

describe('php, ruby and java images', () => {
  it('pull with their real config; version flags print what the real programs print', async () => {
    const s = createSession({ headless: true });
    for (const i of ['php', 'ruby', 'eclipse-temurin:21']) expect((await s.run(`docker pull -q ${i}`)).exitCode).toBe(0);
    expect((await s.run('docker images --format "{{.Repository}}:{{.Tag}} {{.Size}}"')).stdout).toBe('php:latest 469MB\nruby:latest 979MB\neclipse-temurin:21 457MB\n');
    expect((await s.run(`docker inspect -f '{{json .Config.Entrypoint}} {{json .Config.Cmd}}' php ruby eclipse-temurin:21`)).stdout).toBe('["docker-php-entrypoint"] ["php","-a"]\nnull ["irb"]\n["/__cacert_entrypoint.sh"] ["jshell"]\n');
    expect((await s.run('docker run --rm php -v')).stdout).toBe('PHP 8.4.1 (cli) (built: Nov 21 2024 19:13:32) (NTS)\nCopyright (c) The PHP Group\nZend Engine v4.4.1, Copyright (c) Zend Technologies\n');
    expect((await s.run('docker run --rm php')).stdout).toBe('Interactive shell\n\n');
    expect((await s.run('docker run --rm ruby ruby -v')).stdout).toBe('ruby 3.3.6 (2024-11-05 revision 75015d4c1f) [x86_64-linux]\n');
    const java = await s.run('docker run --rm eclipse-temurin:21 java -version');
    expect(java.stdout).toBe('');
    expect(java.stderr).toBe('openjdk version "21.0.5" 2024-10-15 LTS\nOpenJDK Runtime Environment Temurin-21.0.5+11 (build 21.0.5+11-LTS)\nOpenJDK 64-Bit Server VM Temurin-21.0.5+11 (build 21.0.5+11-LTS, mixed mode, sharing)\n');
    expect((await s.run('docker run --rm eclipse-temurin:21 bash -c "java --version | head -1; javac -version"')).stdout).toBe('openjdk 21.0.5 2024-10-15 LTS\njavac 21.0.5\n');
  });

  it('PHP code runs (src/shell/flows/php.test.ts) and so does Ruby code (ruby-run.test.ts)', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q php');
    await s.run('docker pull -q ruby');
    const php = await s.run(`docker run --rm php php -r 'echo 1;'`);
    expect([php.stdout, php.stderr, php.exitCode]).toEqual(['1', '', 0]);
    // Ruby code runs (the Ruby subset: ruby-run.test.ts)
    const rb = await s.run(`docker run --rm ruby bash -c "ruby -e 'puts 1'"`);
    expect([rb.stdout, rb.stderr, rb.exitCode]).toEqual(['1\n', '', 0]);
  });
});
