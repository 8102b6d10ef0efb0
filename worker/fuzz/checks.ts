import { errorStatus } from '../../shared/errors';
import type { Answer } from '../rbac/call';
import type { Mutation } from './mutations';

/**
 * What gives away the server's insides: a stack frame, a source path, SQLite or D1 error text,
 * SQL. (Plain English "at most …" is no stack frame: a frame is "at name (file:line:col)".)
 */
const LEAKS: [string, RegExp][] = [
  ['a stack frame', /\bat [\w$.<>[\] ]+ \(.*:\d+:\d+\)|\n\s+at \S/],
  ['a source path', /\.(ts|js|mjs):\d+|node_modules|\/worker\/|\/shared\//],
  ['SQLite text', /SQLITE|D1_ERROR|no such (table|column)|constraint failed/i],
  ['SQL', /\bSELECT |\bINSERT INTO\b|\bUPDATE \w+ SET\b/],
];

/** Problems with one answer, whatever the input: a 5xx, a leak, an error that is not ours. */
export function answerProblems(res: Answer, m: Mutation, control: string | null = null): string[] {
  const out: string[] = [];
  if (res.status >= 500) out.push(`answered ${res.status}`);
  for (const [what, re] of LEAKS) if (re.test(res.text)) out.push(`the body shows ${what}: ${res.text.slice(0, 160)}`);
  if (res.status < 400) return out;
  const error = (res.json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (typeof error?.code !== 'string' || typeof error.message !== 'string' || !error.message) {
    out.push(`not {error:{code,message}}: ${res.text.slice(0, 160)}`);
    return out;
  }
  const status = (errorStatus as Record<string, number>)[error.code];
  if (status === undefined) out.push(`unknown code ${error.code}`);
  else if (status !== res.status) out.push(`code ${error.code} is ${status}, answered ${res.status}`);
  // `control`: the valid sample's own refusal (the poke socket wants a WebSocket): no field to name.
  if (error.code === 'VALIDATION_FAILED' && m.field && error.message !== control && !namesField(error.message, m.field)) out.push(`VALIDATION_FAILED does not name ${m.field}: ${error.message.slice(0, 160)}`);
  return out;
}

/** The message names the field: its full path, its own name, or the top-level field it sits in. */
function namesField(message: string, field: string): boolean {
  const parts = field.split('.');
  const names = [field, parts[0]!, ...parts.filter((p) => !/^\d+$/.test(p))];
  return names.some((n) => message.includes(n));
}
