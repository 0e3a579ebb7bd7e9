import { deepNesting, isPlainObject, RawJson, replaceAt, setOwn, toJsonText, valueAt, valuePaths, type FuzzValue } from './fuzz-json';
import type { FuzzOperation, FuzzParameter } from './fuzz-operations';
import type { Random } from './fuzz-random';
import { genValue, type FuzzFixtures, type GenContext, type JsonSchema } from './fuzz-schema-values';

/** One request of a fuzz run, replayable as it is. */
export interface FuzzRequest {
  operationId: string;
  /** What was broken on purpose ("valid" when nothing). */
  mutation: string;
  method: string;
  /** Path and query, already percent-encoded where HTTP needs it. */
  path: string;
  headers: Record<string, string>;
  body: Buffer | null;
}

export interface FuzzKeys {
  owner: string;
  manager: string;
  agent: string;
  other: string;
}

/** Idempotency keys the run already used, to replay them and to reuse them with other requests. */
export interface FuzzMemory {
  idempotency: { key: string; path: string; body: string }[];
}

export interface FuzzWorld {
  random: Random;
  fixtures: FuzzFixtures;
  keys: FuzzKeys;
  doc: JsonSchema;
  memory: FuzzMemory;
}

const HUNDRED_KB = 100 * 1024;

/** Percent-encodes what may not appear raw in an HTTP request target (spaces, controls, non-Latin-1). */
export function safeTarget(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code > 0x20 && code < 0x7f) out += ch;
    else out += encodeURIComponent(ch).replace(/%25/g, '%');
  }
  return out;
}

/** Values of the wrong type or out of range, for any field. */
function wrongValue(random: Random): FuzzValue {
  return random.pick<() => FuzzValue>([
    () => null,
    () => true,
    () => false,
    () => 0,
    () => -1,
    () => 1.5,
    () => 1e308,
    () => -1e308,
    () => 2 ** 53 + 2,
    () => -(2 ** 63),
    () => 2_147_483_648,
    () => new RawJson('1e400'),
    () => new RawJson('-1e400'),
    () => new RawJson('123456789012345678901234567890'),
    () => new RawJson('-0'),
    () => new RawJson('1e-400'),
    () => '',
    () => ' ',
    () => '\u0000',
    () => `a\u0000b`,
    () => '\ud800',
    () => '😀'.repeat(80),
    () => 'x'.repeat(HUNDRED_KB),
    () => "'; drop table contacts; --",
    () => '%00',
    () => 'id:',
    () => 'phone:abc',
    () => '+',
    () => '+999999999999999999999999',
    () => 'not-a-date',
    () => '2024-02-30T25:61:00Z',
    () => '-271821-04-20T00:00:00.000Z',
    () => 'NaN',
    () => {
      return {};
    },
    () => [],
    () => [null],
    () => [[[]]],
    () => ({ $ne: 1 }),
    () => ({ and: [{ or: [] }] }),
    () => Array.from({ length: 2_000 }, (_, i) => `t${i}`),
    () => deepNesting(random.int(50, 200), 'array'),
    () => deepNesting(random.int(50, 200), 'object'),
  ])();
}

function paramValue(op: FuzzOperation, p: FuzzParameter, world: FuzzWorld): string {
  const ctx: GenContext = { random: world.random, fixtures: world.fixtures, root: p.schema, doc: world.doc };
  if (p.name === 'cursor') {
    const own = world.fixtures.cursors[op.path] ?? [];
    return own.length > 0 && world.random.chance(0.5) ? world.random.pick(own) : '';
  }
  const v = genValue(p.schema, ctx, p.name);
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function garbagePathValue(random: Random): string {
  return random.pick<() => string>([
    () => '',
    () => 'id:',
    () => 'phone:abc',
    () => 'phone:',
    () => 'phone:+',
    () => 'phone:%2B0',
    () => `phone:%2B${'9'.repeat(40)}`,
    () => 'email:',
    () => 'email:@',
    () => `email:${'a'.repeat(300)}@example.com`,
    () => 'external:',
    () => `external:${'E'.repeat(300)}`,
    () => 'nope:1',
    () => 'id',
    () => `id:${random.word(1, 40)}`,
    () => `id:${'x'.repeat(200)}`,
    () => 'x'.repeat(490),
    () => 'x'.repeat(600),
    () => '%00',
    () => 'id:%00',
    () => 'phone:%00',
    () => '%ZZ',
    () => '%',
    () => '%E0%A4%A',
    () => '%C0%AF',
    () => '%FF%FE',
    () => '%F0%9F%92%A5',
    () => encodeURIComponent('ĉ名前😀'),
    () => `id:${encodeURIComponent('名前')}`,
    () => '..',
    () => '.',
    () => '%2F',
    () => 'id:%2F..%2F..',
    () => encodeURIComponent("' or 1=1 --"),
    () => encodeURIComponent('id:\u0000'),
    () => '%20',
    () => 'id:%20',
    () => 'phone:1',
    () => 'email:a@b',
    () => '-1',
    () => '0',
    () => '1e400',
    () => 'null',
    () => '__proto__',
    () => 'constructor',
  ])();
}

function garbageQueryValue(random: Random): string {
  return random.pick([
    'abc',
    '-1',
    '0',
    '1e309',
    '1.5',
    '99999999999999999999',
    '',
    '%00',
    '%ZZ',
    'true',
    'maybe',
    'x'.repeat(2000),
    '[]',
    '{}',
    'null',
    'NaN',
    'Infinity',
    '0x10',
    '%205%20',
    '5abc',
    encodeURIComponent('名前'),
    '%FF',
  ]);
}

function badCursor(world: FuzzWorld): string {
  const { random } = world;
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
  const all = Object.values(world.fixtures.cursors).flat();
  const real = all.length > 0 ? random.pick(all) : b64('["2024-01-01T00:00:00.000Z","ct_x"]');
  return random.pick<() => string>([
    () => random.word(1, 40),
    () => b64('[]'),
    () => b64('["x","y"]'),
    () => b64('[1,2]'),
    () => b64('["2024-01-01T00:00:00Z",""]'),
    () => b64('["9999-12-31T23:59:59Z","a"]'),
    () => b64('["-271821-04-20T00:00:00Z","x"]'),
    () => b64('["2024-01-01T00:00:00Z","a",3]'),
    () => b64('{"a":1}'),
    () => b64('{"createdAt":"2024-01-01T00:00:00Z","id":"x","name":null}'),
    () => b64('null'),
    () => b64('"string"'),
    () => b64('[null,null]'),
    () => b64(`["2024-01-01T00:00:00Z","${'x'.repeat(190)}"]`),
    () => b64('["2024-01-01T00:00:00Z","a\\u0000b"]'),
    () => b64('[["a"],{"b":1}]'),
    () => b64('["Ana","ct_1"]'),
    () => b64('[1e400,"x"]'),
    () => b64(`${'['.repeat(5000)}${']'.repeat(5000)}`),
    () => real.slice(0, Math.max(1, real.length - random.int(1, 5))),
    () => real + random.word(1, 3),
    () => real.replace(/[A-Za-z]/, (c) => (c === 'A' ? 'B' : 'A')),
    () => 'x'.repeat(1001),
    () => 'x'.repeat(5000),
    () => '%00',
    () => '%ZZ',
    () => '====',
    () => '+/+/',
  ])();
}

function invalidJsonText(random: Random): Buffer {
  return random.pick<() => Buffer>([
    () => Buffer.from('{'),
    () => Buffer.from('}'),
    () => Buffer.from('{"a":}'),
    () => Buffer.from('{"a":1,}'),
    () => Buffer.from("{'a':1}"),
    () => Buffer.from('nul'),
    () => Buffer.from('undefined'),
    () => Buffer.from('\ufeff{}'),
    () => Buffer.from('{"a":"\\x"}'),
    () => Buffer.from('[1,2'),
    () => Buffer.from('"unterminated'),
    () => Buffer.from('1 2'),
    () => Buffer.from('{"a":1}{"b":2}'),
    () => Buffer.from('{"a":NaN}'),
    () => Buffer.from('{"a":Infinity}'),
    () => Buffer.from('{"a":01}'),
    () => Buffer.from('\u0000'),
    () => Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
    () => Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
    () => Buffer.from('{"a":"b"'.repeat(1000)),
    () => Buffer.from(`${'['.repeat(100_000)}`),
  ])();
}

function wrongContentType(random: Random): string {
  return random.pick([
    'text/plain',
    'text/csv',
    'application/xml',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'application/jsonx',
    'application/vnd.api+json',
    'APPLICATION/JSON',
    '*/*',
    'garbage',
    ';;;',
    'application/octet-stream',
    'text/html; charset=utf-8',
  ]);
}

function garbageAuth(world: FuzzWorld): string | null {
  const { random, keys } = world;
  return random.pick<() => string | null>([
    () => null,
    () => '',
    () => 'Bearer',
    () => 'Bearer ',
    () => 'Basic dXNlcjpwYXNz',
    () => `Bearer ${'k'.repeat(8_000)}`,
    () => 'Bearer a b',
    () => `bearer ${keys.owner}`,
    () => `Bearer   ${keys.owner}  `,
    () => `Bearer ${keys.other}`,
    () => `Bearer ${keys.agent}`,
    () => `Bearer ${keys.manager}`,
    () => `Bearer ${keys.owner.slice(0, -1)}`,
    () => `Token ${keys.owner}`,
    () => 'Bearer \u00e9\u00e9',
    () => `Bearer ${keys.owner},Bearer x`,
    () => `Bearer ${keys.owner}%00`,
    () => keys.owner,
  ])();
}

function garbageCsv(random: Random): Buffer {
  return random.pick<() => Buffer>([
    () => Buffer.from(''),
    () => Buffer.from('\n\n\n'),
    () => Buffer.from('firstName,phone\n"Ana,+447700900001\n'),
    () => Buffer.from('firstName,phone\nAna\n'),
    () => Buffer.from('firstName,firstName\nA,B\n'),
    () => Buffer.from('unknownColumn\nx\n'),
    () => Buffer.from(`${Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',')}\n`),
    () => Buffer.from(`firstName\n${'x'.repeat(HUNDRED_KB)}\n`),
    () => Buffer.from([0xff, 0xfe, 0x00, 0x01]),
    () => Buffer.from('firstName,phone,email\n\u0000,\u0000,\u0000\n'),
    () => Buffer.from('{"not":"csv"}'),
    () => Buffer.from('firstName;phone\nAna;+447700900001\n'),
    () => Buffer.from(`phone\n${Array.from({ length: 300 }, () => 'abc').join('\n')}\n`),
  ])();
}

function validCsv(random: Random): Buffer {
  const rows = Array.from({ length: random.int(1, 5) }, () => `${random.word(3, 8)},+447500${String(random.int(0, 999_999)).padStart(6, '0')},fz${random.word(3, 8)}@example.com`);
  return Buffer.from(`firstName,phone,email\n${rows.join('\n')}\n`);
}

function keyFor(world: FuzzWorld): string {
  return world.random.weighted<string>([
    [6, world.keys.owner],
    [2, world.keys.manager],
    [2, world.keys.agent],
  ]);
}

function fillPath(op: FuzzOperation, world: FuzzWorld, garbleOne: boolean): string {
  const garbled = garbleOne && op.pathParams.length > 0 ? world.random.pick(op.pathParams).name : null;
  return op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const p = op.pathParams.find((x) => x.name === name) ?? { name, required: true, schema: {} };
    return name === garbled ? garbagePathValue(world.random) : encodeURIComponent(paramValue(op, p, world));
  });
}

function validQuery(op: FuzzOperation, world: FuzzWorld): string[] {
  const parts: string[] = [];
  for (const p of op.queryParams) {
    if (!p.required && !world.random.chance(0.5)) continue;
    const v = paramValue(op, p, world);
    if (p.name === 'cursor' && v === '') continue;
    parts.push(`${encodeURIComponent(p.name)}=${encodeURIComponent(v)}`);
  }
  return parts;
}

type Mutation =
  | 'valid'
  | 'body.wrongType'
  | 'body.missingField'
  | 'body.unknownField'
  | 'body.hugeString'
  | 'body.deepNesting'
  | 'body.shapeSwap'
  | 'body.null'
  | 'body.numberOutOfRange'
  | 'body.invalidJson'
  | 'body.nonObjectJson'
  | 'body.protoKeys'
  | 'body.duplicateKeys'
  | 'body.empty'
  | 'body.onBodylessRoute'
  | 'body.garbageCsv'
  | 'contentType.wrong'
  | 'path.garbage'
  | 'query.garbage'
  | 'query.badCursor'
  | 'header.idempotencyKey'
  | 'header.authorization'
  | 'method.unknown';

function mutationsFor(op: FuzzOperation): (readonly [number, Mutation])[] {
  const json = op.body?.contentType === 'application/json';
  const list: (readonly [number, Mutation])[] = [
    [14, 'valid'],
    [8, 'query.garbage'],
    [8, 'header.authorization'],
    [1, 'method.unknown'],
  ];
  if (json) {
    list.push(
      [12, 'body.wrongType'],
      [5, 'body.missingField'],
      [5, 'body.unknownField'],
      [4, 'body.hugeString'],
      [3, 'body.deepNesting'],
      [4, 'body.shapeSwap'],
      [4, 'body.null'],
      [4, 'body.numberOutOfRange'],
      [5, 'body.invalidJson'],
      [3, 'body.nonObjectJson'],
      [2, 'body.protoKeys'],
      [1, 'body.duplicateKeys'],
    );
  }
  if (op.body) list.push([5, 'contentType.wrong'], [4, 'body.empty']);
  if (op.body && !json) list.push([10, 'body.garbageCsv']);
  if (!op.body) list.push([op.method === 'POST' ? 8 : 3, 'body.onBodylessRoute']);
  if (op.pathParams.length > 0) list.push([12, 'path.garbage']);
  if (op.queryParams.some((p) => p.name === 'cursor')) list.push([5, 'query.badCursor']);
  if (op.idempotent) list.push([5, 'header.idempotencyKey']);
  return list;
}

function mutateBody(mutation: Mutation, value: FuzzValue, world: FuzzWorld): FuzzValue | Buffer {
  const { random } = world;
  const paths = valuePaths(value);
  const inner = paths.filter((p) => p.length > 0);
  const anyPath = () => (inner.length > 0 ? random.pick(inner) : []);
  const objectPaths = paths.filter((p) => isPlainObject(valueAt(value, p)));
  switch (mutation) {
    case 'body.wrongType':
      return replaceAt(value, anyPath(), wrongValue(random)) ?? null;
    case 'body.missingField': {
      if (inner.length === 0) return value;
      return replaceAt(value, random.pick(inner), undefined) ?? {};
    }
    case 'body.unknownField': {
      const at = objectPaths.length > 0 ? random.pick(objectPaths) : [];
      const target = valueAt(value, at);
      if (!isPlainObject(target)) return value;
      const copy: { [key: string]: FuzzValue } = {};
      for (const k of Object.keys(target)) setOwn(copy, k, target[k]);
      setOwn(copy, random.pick(['unknownField', 'x', '', ' ', 'ID', 'first_name', '💥', 'a'.repeat(5_000)]), wrongValue(random));
      return replaceAt(value, at, copy) ?? copy;
    }
    case 'body.hugeString':
      return replaceAt(value, anyPath(), 'x'.repeat(HUNDRED_KB) + random.pick(['', '@example.com', '😀'])) ?? null;
    case 'body.deepNesting': {
      const depth = random.pick([100, 1_000, 10_000, 100_000]);
      return replaceAt(value, random.chance(0.2) ? [] : anyPath(), deepNesting(depth, random.chance(0.5) ? 'array' : 'object')) ?? null;
    }
    case 'body.shapeSwap': {
      const p = anyPath();
      const v = valueAt(value, p);
      const swapped: FuzzValue = Array.isArray(v) ? { 0: v[0] ?? null } : isPlainObject(v) ? [v] : [v ?? null];
      return replaceAt(value, random.chance(0.2) ? [] : p, swapped) ?? null;
    }
    case 'body.null':
      return replaceAt(value, random.chance(0.2) ? [] : anyPath(), null) ?? null;
    case 'body.numberOutOfRange':
      return (
        replaceAt(
          value,
          anyPath(),
          random.pick<FuzzValue>([1e308, -1e308, 2 ** 53 + 2, -(2 ** 63), 2_147_483_648, -2_147_483_649, new RawJson('1e400'), new RawJson('-0'), 0.1, -1, 0]),
        ) ?? null
      );
    case 'body.nonObjectJson':
      return random.pick<FuzzValue>([[], [value], 'text', 42, true, null, new RawJson('""')]);
    case 'body.protoKeys': {
      const copy: { [key: string]: FuzzValue } = {};
      if (isPlainObject(value)) for (const k of Object.keys(value)) setOwn(copy, k, value[k]);
      setOwn(copy, random.pick(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']), { polluted: true, toString: 1 });
      return copy;
    }
    case 'body.duplicateKeys': {
      const text = toJsonText(value);
      return Buffer.from(text.startsWith('{') && text.length > 2 ? `{"firstName":1,${text.slice(1, -1)},"firstName":{"a":[]}}` : text);
    }
    case 'body.invalidJson':
      return invalidJsonText(random);
    default:
      return value;
  }
}

/** One request for `op`: well-formed, or broken in one way. */
export function buildFuzzRequest(op: FuzzOperation, world: FuzzWorld): FuzzRequest {
  const { random } = world;
  const mutation = random.weighted(mutationsFor(op));
  const headers: Record<string, string> = { Authorization: `Bearer ${keyFor(world)}`, Accept: 'application/json' };
  let method = op.method;
  let path = fillPath(op, world, mutation === 'path.garbage');
  let query = validQuery(op, world);
  let body: Buffer | null = null;
  let bodyValue: FuzzValue | null = null;

  if (op.body) {
    if (op.body.contentType === 'application/json') {
      const ctx: GenContext = { random, fixtures: world.fixtures, root: op.body.schema, doc: world.doc };
      bodyValue = genValue(op.body.schema, ctx, 'body');
      const mutated = mutateBody(mutation, bodyValue, world);
      body = Buffer.isBuffer(mutated) ? mutated : Buffer.from(toJsonText(mutated), 'utf8');
      headers['Content-Type'] = 'application/json';
    } else {
      body = mutation === 'body.garbageCsv' ? garbageCsv(random) : validCsv(random);
      headers['Content-Type'] = op.body.contentType;
    }
  }

  switch (mutation) {
    case 'body.empty':
      body = random.chance(0.5) ? Buffer.alloc(0) : Buffer.from(random.pick([' ', '\n', '\t\r\n']));
      if (random.chance(0.3)) delete headers['Content-Type'];
      break;
    case 'contentType.wrong':
      if (random.chance(0.2)) delete headers['Content-Type'];
      else headers['Content-Type'] = wrongContentType(random);
      if (random.chance(0.2)) body = Buffer.from('a=1&b=2');
      break;
    case 'body.onBodylessRoute':
      if (op.method === 'POST' && random.chance(0.4)) {
        // A route that documents no JSON body may still read one (CSV import): valid and broken CSV.
        body = random.chance(0.5) ? validCsv(random) : garbageCsv(random);
        headers['Content-Type'] = random.chance(0.9) ? 'text/csv' : 'text/plain';
        break;
      }
      body = random.chance(0.7) ? Buffer.from(toJsonText({ firstName: 'x', limit: 1e308 })) : invalidJsonText(random);
      headers['Content-Type'] = random.chance(0.8) ? 'application/json' : wrongContentType(random);
      break;
    case 'query.garbage': {
      const names = [...op.queryParams.map((p) => p.name), 'unknown', 'limit', 'cursor', '__proto__', 'a[b]', 'x[]'];
      const name = random.pick(names);
      query = random.pick<() => string[]>([
        () => [...query.filter((q) => !q.startsWith(`${name}=`)), `${encodeURIComponent(name)}=${garbageQueryValue(random)}`],
        () => [...query, `${name}=1`, `${name}=2`],
        () => [`${name}[]=1`, `${name}[a]=2`],
        () => ['&&&==&', '='],
        () => ['%'],
        () => [`${name}`],
        () => Array.from({ length: 2000 }, (_, i) => `p${i}=1`),
        () => [`${name}=${'9'.repeat(400)}`],
      ])();
      break;
    }
    case 'query.badCursor':
      query = [...query.filter((q) => !q.startsWith('cursor=')), `cursor=${encodeURIComponent(badCursor(world))}`];
      break;
    case 'header.idempotencyKey': {
      const remembered = world.memory.idempotency.length > 0 && random.chance(0.4) ? random.pick(world.memory.idempotency) : null;
      if (remembered) {
        headers['Idempotency-Key'] = remembered.key;
        // Same key: sometimes the very same request (a replay), sometimes another one (a conflict).
        if (random.chance(0.5) && remembered.path === safeTarget(`${path}${query.length > 0 ? `?${query.join('&')}` : ''}`)) {
          body = Buffer.from(remembered.body);
        }
      } else {
        headers['Idempotency-Key'] = random.pick([
          '',
          ' ',
          'x'.repeat(255),
          'x'.repeat(256),
          'x'.repeat(8_000),
          '\u00e9\u00e8\u00ff',
          `fz-${random.word(8, 16)}`,
          `fz-${random.word(8, 16)}`,
          '%00',
          '"quoted"',
        ]);
      }
      break;
    }
    case 'header.authorization': {
      const auth = garbageAuth(world);
      if (auth === null) delete headers.Authorization;
      else headers.Authorization = auth;
      break;
    }
    case 'method.unknown':
      method = random.pick(['PUT', 'OPTIONS', 'PATCH', 'DELETE', 'POST', 'GET'].filter((m) => m !== op.method));
      break;
    default:
      break;
  }

  if (op.idempotent && mutation !== 'header.idempotencyKey' && random.chance(0.15)) {
    headers['Idempotency-Key'] = `fz-${random.word(10, 20)}`;
  }
  const target = safeTarget(`${path}${query.length > 0 ? `?${query.join('&')}` : ''}`);
  path = target;
  const key = headers['Idempotency-Key'];
  if (key && key.startsWith('fz-') && body && world.memory.idempotency.length < 200) {
    world.memory.idempotency.push({ key, path: target, body: body.toString('utf8') });
  }
  return { operationId: op.operationId, mutation, method, path, headers, body };
}
