// Image data loads on demand: before a pull loads its chunks the engine stops with ImageDataNeeded and changes nothing;
// the docker client loads them and runs the command again, with the same output as if they had always been there.
import { describe, expect, it } from 'vitest';
import { createEngine, ImageDataNeeded, programChunks } from '../engine/index';
import { cli } from './testing';

describe('catalog chunks load when an image is pulled', () => {
  it('an engine pull before its chunks are loaded throws ImageDataNeeded naming them, and changes nothing', () => {
    const e = createEngine({ seed: 1 });
    const before = e.state;
    let thrown: unknown;
    try {
      e.image.pull('redis:alpine');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ImageDataNeeded);
    expect((thrown as ImageDataNeeded).chunks).toEqual(['images-apps', 'layers-alpine', 'layers-apps']);
    expect(e.state).toBe(before);
  });

  it('docker pull loads them and prints the pull as usual; a second engine then pulls without waiting', async () => {
    const e = createEngine({ seed: 1 });
    const r = await cli('pull busybox', e);
    expect(r).toMatchObject({ exitCode: 0, stderr: '' });
    expect(r.stdout).toMatch(/^Using default tag: latest\nlatest: Pulling from library\/busybox\n[0-9a-f]{12}: Pull complete \nDigest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for busybox:latest\ndocker.io\/library\/busybox:latest\n$/);
    const img = e.image.get('busybox');
    expect(img.history.length).toBeGreaterThan(0);
    expect(Object.keys(e.state.layers[Object.keys(e.state.layers)[0]].files)).toContain('/bin/busybox');
    const other = createEngine({ seed: 2 });
    expect(other.image.pull('busybox').layers.map((l) => l.status)).toEqual(['Pull complete']);
  });

  it('an image outside the catalog (or a tag it lacks) gets the Hub error at once: the index alone answers', async () => {
    const e = createEngine({ seed: 1 });
    expect(() => e.image.pull('postgress')).toThrow("pull access denied for postgress, repository does not exist or may require 'docker login'");
    expect(() => e.image.pull('centos:6')).toThrow('manifest for centos:6 not found: manifest unknown: manifest unknown');
    const r = await cli('pull postgress', e);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe("Error response from daemon: pull access denied for postgress, repository does not exist or may require 'docker login': denied: requested access to the resource is denied");
  });
});

describe("an image's programs load when one first starts", () => {
  it('a start before its program chunk is loaded throws ImageDataNeeded naming it and changes nothing; docker start loads it', async () => {
    const e = createEngine({ seed: 1 });
    expect((await cli('create --name cache redis', e)).exitCode).toBe(0);
    const before = e.state;
    let thrown: unknown;
    try {
      e.container.start('cache');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ImageDataNeeded);
    expect((thrown as ImageDataNeeded).chunks).toEqual(['programs-redis']);
    expect(e.state).toBe(before);
    expect(await cli('start cache', e)).toMatchObject({ exitCode: 0, stdout: 'cache\n', stderr: '' });
    expect(e.container.get('cache').process).toMatchObject({ kind: 'program', program: 'redis-server' });
    expect(e.container.redis(e.container.get('cache').id, ['PING'])).toEqual({ k: 'status', v: 'PONG' });
  });

  it('a state restored elsewhere names the chunks its running programs need', async () => {
    const e = createEngine({ seed: 1 });
    expect((await cli('run -d --name db -e POSTGRES_PASSWORD=pw postgres', e)).exitCode).toBe(0);
    expect((await cli('run -d --name web nginx', e)).exitCode).toBe(0);
    expect(programChunks(e.state)).toEqual(['programs-db']);
  });
});
