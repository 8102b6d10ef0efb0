import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { ValidationTargets } from 'hono';
import { validator } from 'hono-openapi';
import { DomainError } from '../../shared/errors';

function fieldName(path: StandardSchemaV1.Issue['path']): string {
  if (!path || path.length === 0) return '(body)';
  return path.map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.');
}

/**
 * zod validation at the boundary. A failure is a 400 VALIDATION_FAILED whose message names each
 * field and whose details list every issue, so a client can point at what to fix.
 */
export function validate<S extends StandardSchemaV1, T extends keyof ValidationTargets>(target: T, schema: S) {
  return validator(target, schema, (result) => {
    if (result.success) return;
    const issues = (result.error as readonly StandardSchemaV1.Issue[]).map((i) => ({
      field: fieldName(i.path),
      message: i.message,
    }));
    const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    throw new DomainError('VALIDATION_FAILED', `Invalid ${target}: ${summary}`, { details: { issues } });
  });
}
