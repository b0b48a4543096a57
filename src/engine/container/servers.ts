// The requests database clients send (psql, mysql, redis-cli, mongosh, a script's redis client): their handlers are in
// the chunks of the servers' programs, which are loaded whenever such a server runs (a client reaches only a running one).
import { lazyModule } from '../lazy';

const sql = lazyModule('programs-db', () => import('./sql/server'));
const mongo = lazyModule('programs-db', () => import('./mongo'));
const redis = lazyModule('programs-redis', () => import('./redis'));

export const sqlRequest: typeof import('./sql/server').sqlRequest = (...a) => sql().sqlRequest(...a);
export const mongoRequest: typeof import('./mongo').mongoRequest = (...a) => mongo().mongoRequest(...a);
export const redisRequest: typeof import('./redis').redisRequest = (...a) => redis().redisRequest(...a);
