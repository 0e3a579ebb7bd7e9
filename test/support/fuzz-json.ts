/** JSON text spliced verbatim into a fuzz body: numbers JSON.stringify cannot write, deep nesting. */
export class RawJson {
  constructor(readonly text: string) {}
}

export type FuzzValue = null | boolean | number | string | RawJson | FuzzValue[] | { [key: string]: FuzzValue };

export function isPlainObject(v: FuzzValue | undefined): v is { [key: string]: FuzzValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof RawJson);
}

/** Sets an own property, also for keys such as `__proto__` that plain assignment would not create. */
export function setOwn(target: { [key: string]: FuzzValue }, key: string, value: FuzzValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** JSON text of a fuzz value; RawJson parts go in as they are. */
export function toJsonText(v: FuzzValue): string {
  if (v instanceof RawJson) return v.text;
  if (Array.isArray(v)) return `[${v.map(toJsonText).join(',')}]`;
  if (isPlainObject(v)) {
    return `{${Object.keys(v)
      .map((k) => `${JSON.stringify(k)}:${toJsonText(v[k])}`)
      .join(',')}}`;
  }
  // Numbers JSON cannot hold (NaN, Infinity) become null in JSON.stringify; fuzzers use RawJson for those.
  return JSON.stringify(v);
}

/** `[[[…]]]` or `{"a":{"a":…}}` nested `depth` levels, as text (building it as values would overflow the stack). */
export function deepNesting(depth: number, kind: 'array' | 'object'): RawJson {
  return kind === 'array'
    ? new RawJson('['.repeat(depth) + ']'.repeat(depth))
    : new RawJson('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
}

/** Every path to a value inside `v` (the root is `[]`). */
export function valuePaths(v: FuzzValue, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (prefix.length > 12) return out;
  if (Array.isArray(v)) v.forEach((item, i) => valuePaths(item, [...prefix, i], out));
  else if (isPlainObject(v)) for (const k of Object.keys(v)) valuePaths(v[k], [...prefix, k], out);
  return out;
}

/** A copy of `root` with the value at `path` replaced (or removed when `value` is undefined). */
export function replaceAt(root: FuzzValue, path: readonly (string | number)[], value: FuzzValue | undefined): FuzzValue | undefined {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root) && typeof head === 'number') {
    const copy = [...root];
    const inner = replaceAt(copy[head], rest, value);
    if (inner === undefined) copy.splice(head, 1);
    else copy[head] = inner;
    return copy;
  }
  if (isPlainObject(root) && typeof head === 'string') {
    const copy: { [key: string]: FuzzValue } = {};
    for (const k of Object.keys(root)) if (k !== head) setOwn(copy, k, root[k]);
    const inner = replaceAt(root[head], rest, value);
    if (inner !== undefined) setOwn(copy, head, inner);
    return copy;
  }
  return root;
}

/** The value at `path`, or undefined. */
export function valueAt(root: FuzzValue, path: readonly (string | number)[]): FuzzValue | undefined {
  let v: FuzzValue | undefined = root;
  for (const p of path) {
    if (Array.isArray(v) && typeof p === 'number') v = v[p];
    else if (isPlainObject(v) && typeof p === 'string') v = v[p];
    else return undefined;
  }
  return v;
}
