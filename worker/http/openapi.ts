import type { StandardSchemaV1 } from '@standard-schema/spec';
import { resolver } from 'hono-openapi';
import { errorBodySchema } from '../../shared/schemas/common';

const json = (schema: StandardSchemaV1) => ({ 'application/json': { schema: resolver(schema) } });

/** OpenAPI response entries built from the same zod schemas the handlers use. */
export function ok(schema: StandardSchemaV1, description = 'OK') {
  return { 200: { description, content: json(schema) } };
}

export function errors(...statuses: (400 | 401 | 403 | 404 | 409 | 429)[]) {
  const text: Record<number, string> = {
    400: 'Invalid input (the message names the field)',
    401: 'Not signed in, or wrong credentials',
    403: 'Signed in, but not allowed',
    404: 'Not found',
    409: 'Refused by a business rule',
    429: 'Too many attempts; see Retry-After',
  };
  return Object.fromEntries(statuses.map((s) => [s, { description: text[s], content: json(errorBodySchema) }]));
}

export const bearer = [{ bearerAuth: [] }];
