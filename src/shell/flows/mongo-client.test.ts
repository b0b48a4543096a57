// mongosh through docker exec: insert, find, show dbs, and collections that outlive the container in the /data/db volume.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

describe('mongo + mongosh', () => {
  it('insertOne, find with a filter, show dbs; the data survives docker rm on the volume', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q mongo');
    await s.run('docker run -d --name mg -v mgdata:/data/db mongo');
    const sh = (js: string, db = '') => s.run(`docker exec mg mongosh ${db} --quiet --eval '${js.replace(/'/g, `'"'"'`)}'`);
    const ins = await sh("db.users.insertOne({name: 'alice', age: 30})");
    expect(ins.stdout).toMatch(/^\{\n {2}acknowledged: true,\n {2}insertedId: ObjectId\('[0-9a-f]{24}'\)\n\}\n$/);
    await sh("db.users.insertMany([{name: 'bob', age: 4}, {name: 'cy', age: 50, tags: ['x']}])");
    const found = await sh('db.users.find({age: {$gt: 10}})');
    expect(found.stdout.replace(/ObjectId\('[0-9a-f]{24}'\)/g, 'ID')).toBe("[\n  {\n    _id: ID,\n    name: 'alice',\n    age: 30\n  },\n  {\n    _id: ID,\n    name: 'cy',\n    age: 50,\n    tags: [ 'x' ]\n  }\n]\n");
    expect((await sh('db.users.countDocuments()')).stdout).toBe('3\n');
    await sh("db.orders.insertOne({total: 5})", 'shop');
    expect((await sh('show dbs')).stdout).toBe('admin   40.00 KiB\nconfig  12.00 KiB\nlocal   40.00 KiB\nshop    40.00 KiB\ntest    40.00 KiB\n');
    const banner = await s.run('docker exec mg mongosh --eval "db.users.countDocuments()"');
    expect(banner.stdout).toMatch(/^Current Mongosh Log ID:\t[0-9a-f]{24}\nConnecting to:\t\tmongodb:\/\/127\.0\.0\.1:27017\/\?directConnection=true&serverSelectionTimeoutMS=2000&appName=mongosh\+2\.3\.4\nUsing MongoDB:\t\t8\.0\.4\nUsing Mongosh:\t\t2\.3\.4\n\nFor mongosh info see: https:\/\/www\.mongodb\.com\/docs\/mongodb-shell\/\n\n3\n$/);
    await s.run('docker rm -f mg');
    await s.run('docker run -d --name mg2 -v mgdata:/data/db mongo');
    expect((await s.run(`docker exec mg2 mongosh --quiet --eval 'db.users.findOne({name: "bob"}).age'`)).stdout).toBe('4\n'); // JavaScript on the result
    expect((await s.run(`docker exec mg2 mongosh --quiet --eval 'db.users.countDocuments({name: "bob"})'`)).stdout).toBe('1\n');
    expect((await s.run('docker exec mg2 ls /data/db')).stdout).toMatch(/^_mdb_catalog\.wt\ncollection-2-\d+\.wt\ncollection-4-\d+\.wt\n$/);
  });

  // V8's words (message-template.h: NotAFunction "% is not a function", the callee as CallPrinter renders it, a call's
  // arguments as (...); NonObjectPropertyLoadWithProperty), which mongosh prints as name: message and exits 1
  it('a method that does not exist, on a collection, a cursor or a value: TypeError as mongosh prints it', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q mongo');
    await s.run('docker run -d --name mg mongo');
    const sh = (js: string) => s.run(`docker exec mg mongosh --quiet --eval '${js.replace(/'/g, `'"'"'`)}'`);
    await sh("db.users.insertOne({name: 'bob', age: 4})");
    for (const [js, err] of [
      ['db.users.fnd()', 'TypeError: db.users.fnd is not a function'],
      ['db.users.fnd({name: "b" + "ob"})', 'TypeError: db.users.fnd is not a function'],
      ['db.users.find({age: {$gt: 1}}).limt(1)', 'TypeError: db.users.find(...).limt is not a function'],
      ['const n = db.users.countDocuments(); n()', 'TypeError: n is not a function'],
      ['db.users.findOne({name: "zed"}).age', "TypeError: Cannot read properties of null (reading 'age')"],
      ['db.users.findOne().pets.length', "TypeError: Cannot read properties of undefined (reading 'length')"],
      ['dbx.users.find()', 'ReferenceError: dbx is not defined'],
    ]) {
      const r = await sh(js);
      expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', err + '\n', 1]);
    }
  });

  it('no server: the connection error', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q mongo');
    const r = await s.run('docker run --rm mongo mongosh --quiet --eval "show dbs"');
    expect(r.stderr).toBe('MongoNetworkError: connect ECONNREFUSED 127.0.0.1:27017\n');
    expect(r.exitCode).toBe(1);
  });
});
