import type { Rng } from '../../scripts/seed/rng';
import { branch, mustRefuse, type Doc, type Schema } from './json-schema';

/** What is sent: the sample's parts, some replaced. `refuse`: the schema says it must be refused. */
export type Sent = { refuse: boolean; body?: unknown; raw?: string; contentType?: string | null; query?: string; params?: Record<string, string> };
export type Base = { body?: unknown; query?: Record<string, string>; params?: Record<string, string> };

/**
 * One wrong input, made from a fresh valid sample each time (new ULIDs, so an accepted one does
 * not replay an earlier one). `implausible`: a money-like amount no till ever sees, which should be
 * refused too. `field`: what a VALIDATION_FAILED message should name (null: the whole request).
 * `contentType` null: no content-type header at all.
 */
export type Mutation = { label: string; field: string | null; implausible?: boolean; make: (base: Base) => Sent };
export type QueryParam = { name: string; required: boolean; schema: Schema };
type Path = (string | number)[];

const HUGE = 'Number.MAX_SAFE_INTEGER+2';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Money or value that moves (a threshold or a cap of ¥10 trillion only never applies). */
const moneyLike = (name: string) => (/Fen$/.test(name) && !/^(min|max|threshold)/i.test(name)) || ['amount', 'points', 'delta', 'uses', 'quantity'].includes(name);
/** Amounts no till sees; with `timed`, a sale dated 1970 or in the year 33658 (its points expire at once, or never). */
const implausibleValue = (name: string, v: unknown, timed = false) => (moneyLike(name) && (v === 1e15 || v === HUGE)) || (timed && name === 'createdAt' && (v === 0 || v === 1e15));
const STRINGS: [string, string][] = [
  ['10,000 characters', 'a'.repeat(10_000)],
  ['control characters', 'x\u0000\u0007\u001b[2J\u202e\r\n'],
  ['emoji', '😀🧧💳'],
  ['SQL', "'; DROP TABLE members;--"],
  ['empty', ''],
];
const NUMBERS: [string, unknown][] = [['1e15', 1e15], [HUGE, HUGE], ['-1', -1], ['0.5', 0.5], ['0', 0], ['"NaN"', 'NaN'], ['"Infinity"', 'Infinity'], ['"1e3"', '1e3']];
const TYPES: [string, unknown][] = [['a string', 'x'], ['a number', 12345], ['true', true], ['an object', {}], ['an array', []], ['null', null]];
const sameType = (a: unknown, b: unknown) => (Array.isArray(a) ? Array.isArray(b) : a === null ? b === null : typeof a === typeof b && !Array.isArray(b) && b !== null);

function setAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
  const copy = structuredClone(root);
  let cur = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove && Array.isArray(cur)) cur.splice(Number(last), 1);
  else if (remove) delete cur[last];
  else cur[last] = value;
  return copy;
}

/** The fields of a sample with their schemas: what the sample has, and what the schema offers beside it. */
function* fields(doc: Doc, schema: Schema | undefined, value: unknown, path: Path = [], depth = 0): Generator<{ path: Path; schema: Schema; present: boolean }> {
  const s = branch(doc, schema, value);
  if (isObject(value)) {
    for (const k of new Set([...Object.keys(value), ...Object.keys(s.properties ?? {})])) {
      const sub = s.properties?.[k];
      yield { path: [...path, k], schema: branch(doc, sub, value[k]), present: k in value };
      if (depth < 2 && typeof value[k] === 'object' && value[k] !== null) yield* fields(doc, sub, value[k], [...path, k], depth + 1);
    }
  } else if (Array.isArray(value) && value.length > 0) {
    yield { path: [...path, 0], schema: branch(doc, s.items, value[0]), present: true };
    if (depth < 2 && typeof value[0] === 'object' && value[0] !== null) yield* fields(doc, s.items, value[0], [...path, 0], depth + 1);
  }
}

const typeOf = (s: Schema) => [s.type].flat().filter(Boolean) as string[];

/** Wrong bodies: the whole request (JSON text, content type) and every field (gone, wrong type, odd values). */
export function bodyMutations(doc: Doc, schema: Schema, shape: unknown, opts: { timed?: boolean } = {}): Mutation[] {
  const refuse = (v: unknown) => mustRefuse(doc, v, schema);
  const json = (b: Base) => JSON.stringify(b.body ?? {});
  const whole = (label: string, make: (b: Base) => Sent): Mutation => ({ label, field: null, make });
  const out: Mutation[] = [
    ...['{"a":', 'not json', '{'].map((raw) => whole(`bad JSON ${raw}`, () => ({ refuse: true, raw }))),
    whole('truncated JSON', (b) => ({ refuse: true, raw: json(b).slice(0, -1) })),
    ...['null', '[]', '"text"', '0'].map((raw) => whole(`JSON ${raw}`, () => ({ refuse: refuse(JSON.parse(raw)), raw }))),
    whole('empty body', () => ({ refuse: true, raw: '' })),
    // A body not declared JSON is not read as JSON: it is validated as {}.
    whole('no body, no content type', () => ({ refuse: refuse({}), raw: '', contentType: null })),
    whole('text/plain', (b) => ({ refuse: refuse({}), raw: json(b), contentType: 'text/plain' })),
    whole('multipart', () => ({ refuse: refuse({}), raw: '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--b--\r\n', contentType: 'multipart/form-data; boundary=b' })),
    whole('charset=utf-8', (b) => ({ refuse: refuse(b.body), raw: json(b), contentType: 'application/json; charset=utf-8' })),
    whole('unknown field', (b) => ({ refuse: refuse({ ...(b.body as object), zzUnknown: 'x' }), body: { ...(b.body as object), zzUnknown: 'x' } })),
    whole('__proto__', (b) => ({ refuse: refuse(b.body), raw: json(b) === '{}' ? '{"__proto__":{"isAdmin":true}}' : `{"__proto__":{"isAdmin":true},${json(b).slice(1)}` })),
  ];
  for (const f of fields(doc, schema, shape)) {
    const name = f.path.join('.');
    const leaf = String(f.path.filter((p) => typeof p === 'string').pop() ?? name);
    const current = f.present ? f.path.reduce<any>((v, k) => v?.[k], shape) : undefined;
    const values: [string, unknown][] = TYPES.filter(([, v]) => !f.present || !sameType(current, v));
    if (typeOf(f.schema).some((t) => t === 'integer' || t === 'number') || typeof current === 'number') values.push(...NUMBERS);
    if (typeOf(f.schema).includes('string') || typeof current === 'string') values.push(...STRINGS);
    if (f.present) out.push({ label: `${name} removed`, field: name, make: (b) => { const gone = setAt(b.body, f.path, undefined, true); return { refuse: refuse(gone), body: gone }; } });
    for (const [label, v] of values) {
      out.push({
        label: `${name} = ${label}`, field: name, implausible: implausibleValue(leaf, v, opts.timed),
        make: (b) => {
          const m = setAt(b.body, f.path, v);
          if (v !== HUGE) return { refuse: refuse(m), body: m };
          // JSON can say 9007199254740993; JavaScript cannot hold it, so it goes as text.
          const raw = JSON.stringify(m).replace(`"${HUGE}"`, '9007199254740993');
          return { refuse: refuse(JSON.parse(raw)), raw };
        },
      });
    }
  }
  return out;
}

/** z.coerce.number() reads a query value as Number(value). */
const asQuery = (p: QueryParam, v: string) => (typeOf(p.schema).some((t) => t === 'integer' || t === 'number') ? Number(v) : v);

export function queryMutations(doc: Doc, params: QueryParam[], shape: Record<string, string> = {}): Mutation[] {
  const qs = (q: Record<string, string>) => new URLSearchParams(q).toString();
  const refuse = (q: Record<string, string>) => params.some((p) => (p.name in q ? mustRefuse(doc, asQuery(p, q[p.name]!), p.schema) : p.required));
  const query = (b: Base) => b.query ?? {};
  const out: Mutation[] = [{ label: 'unknown query parameter', field: null, make: (b) => ({ refuse: refuse(query(b)), query: qs({ ...query(b), zz: '1' }) }) }];
  const odd: [string, string][] = [['"abc"', 'abc'], ['-1', '-1'], ['0.5', '0.5'], ['1e15', '1e15'], [HUGE, '9007199254740993'], ['NaN', 'NaN'], ...STRINGS];
  for (const p of params) {
    if (p.name in shape) {
      out.push({ label: `?${p.name} removed`, field: p.name, make: (b) => { const rest = { ...query(b) }; delete rest[p.name]; return { refuse: refuse(rest), query: qs(rest) }; } });
      // Which of two values counts is the server's business; it must only not break.
      out.push({ label: `?${p.name} twice`, field: p.name, make: (b) => ({ refuse: false, query: `${qs(query(b))}&${encodeURIComponent(p.name)}=1` }) });
    }
    for (const [label, v] of odd) {
      out.push({ label: `?${p.name} = ${label}`, field: p.name, implausible: implausibleValue(p.name, label === '1e15' ? 1e15 : v), make: (b) => { const q = { ...query(b), [p.name]: v }; return { refuse: refuse(q), query: qs(q) }; } });
    }
  }
  return out;
}

export function pathMutations(doc: Doc, params: { name: string; schema: Schema }[]): Mutation[] {
  return params.flatMap((p) => STRINGS.filter(([label]) => label !== 'empty').map(([label, v]): Mutation => ({
    label: `:${p.name} = ${label}`, field: p.name, make: (b) => ({ refuse: mustRefuse(doc, v, p.schema), params: { ...b.params, [p.name]: v } }),
  })));
}

/** Every whole-request and implausible-amount mutation, then a seeded draw of the others: at most `cap` in all. */
export function pick(rng: Rng, all: Mutation[], cap: number): Mutation[] {
  const always = (m: Mutation) => m.field === null || Boolean(m.implausible);
  const whole = all.filter(always);
  const rest = all.filter((m) => !always(m));
  for (let i = rest.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  return [...whole, ...rest.slice(0, Math.max(0, cap - whole.length))];
}
