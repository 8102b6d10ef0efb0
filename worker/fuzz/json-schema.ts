/**
 * Just enough JSON Schema for the fuzzer's oracle: the keywords hono-openapi emits for our zod
 * schemas (type, properties, required, items, min/max*, pattern, enum, const, anyOf, oneOf,
 * additionalProperties, propertyNames, $ref into components). What zod checks beyond JSON Schema
 * (refinements, "delta must not be 0") is not known here: the oracle only says when an input
 * MUST be refused, never that one must be taken.
 */
export type Schema = {
  $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema;
  anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; enum?: unknown[]; const?: unknown; pattern?: string;
  minLength?: number; maxLength?: number; minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number;
  minItems?: number; maxItems?: number; additionalProperties?: boolean | Schema; propertyNames?: Schema; default?: unknown;
};
/** An OpenAPI document (`#/components/schemas/…`) or a standalone JSON Schema (`#/$defs/…`). */
export type Doc = { components?: { schemas?: Record<string, Schema> }; $defs?: Record<string, Schema> };

export function resolve(doc: Doc, s: Schema | undefined): Schema {
  let cur = s ?? {};
  for (let hops = 0; cur.$ref && hops < 20; hops++) {
    const [, where, name] = /^#\/(components\/schemas|\$defs)\/(.+)$/.exec(cur.$ref) ?? [];
    cur = (where === '$defs' ? doc.$defs : doc.components?.schemas)?.[name ?? ''] ?? {};
  }
  return cur;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const TYPES: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  integer: (v) => Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  null: (v) => v === null,
  array: Array.isArray,
  object: isObject,
};

export function valid(doc: Doc, value: unknown, schema: Schema | undefined): boolean {
  const s = resolve(doc, schema);
  const ok = (v: unknown, sub: Schema | undefined) => valid(doc, v, sub);
  if (s.anyOf && !s.anyOf.some((b) => ok(value, b))) return false;
  if (s.oneOf && !s.oneOf.some((b) => ok(value, b))) return false; // zod's unions take the first branch that fits
  if (s.allOf && !s.allOf.every((b) => ok(value, b))) return false;
  if ('const' in s && value !== s.const) return false;
  if (s.enum && !s.enum.includes(value)) return false;
  if (s.type && ![s.type].flat().some((t) => TYPES[t]?.(value))) return false;
  if (typeof value === 'number') {
    if (s.minimum !== undefined && value < s.minimum) return false;
    if (s.maximum !== undefined && value > s.maximum) return false;
    if (s.exclusiveMinimum !== undefined && value <= s.exclusiveMinimum) return false;
    if (s.exclusiveMaximum !== undefined && value >= s.exclusiveMaximum) return false;
  }
  if (typeof value === 'string') {
    if (s.minLength !== undefined && value.length < s.minLength) return false;
    if (s.maxLength !== undefined && value.length > s.maxLength) return false;
    if (s.pattern !== undefined && !new RegExp(s.pattern).test(value)) return false;
  }
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) return false;
    if (s.maxItems !== undefined && value.length > s.maxItems) return false;
    if (s.items && !value.every((v) => ok(v, s.items))) return false;
  }
  if (isObject(value)) {
    if (s.required?.some((k) => !(k in value))) return false;
    for (const [k, v] of Object.entries(value)) {
      const prop = s.properties?.[k];
      if (prop ? !ok(v, prop) : typeof s.additionalProperties === 'object' ? !ok(v, s.additionalProperties) : s.additionalProperties === false) return false;
      if (s.propertyNames && !ok(k, s.propertyNames)) return false;
    }
  }
  return true;
}

/** The branch of a union that `value` takes (the schema itself when it is no union). */
export function branch(doc: Doc, schema: Schema | undefined, value: unknown): Schema {
  const s = resolve(doc, schema);
  const options = s.anyOf ?? s.oneOf;
  if (!options) return s;
  const fit = options.find((b) => valid(doc, value, b)) ?? options.find((b) => resolve(doc, b).type !== 'null') ?? {};
  return branch(doc, fit, value);
}

/** zod trims some strings before checking them: an input is refused only if it fails both ways. */
export function trimmed(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(trimmed);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trimmed(v)]));
  return value;
}

export const mustRefuse = (doc: Doc, value: unknown, schema: Schema | undefined) => !valid(doc, value, schema) && !valid(doc, trimmed(value), schema);
