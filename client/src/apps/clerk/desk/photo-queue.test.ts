import { describe, expect, it } from 'vitest';
import { afterFailure, PhotoQueue } from './photo-queue';

describe('afterFailure', () => {
  it.each([
    ['NETWORK', 1, 'retry'],
    ['UNAVAILABLE', 99, 'retry'],
    ['UNAUTHENTICATED', 1, 'retry'],
    ['MEMBER_NOT_FOUND', 1, 'retry'],
    ['MEMBER_NOT_FOUND', 59, 'retry'],
    ['MEMBER_NOT_FOUND', 60, 'drop'],
    ['FORBIDDEN', 1, 'drop'],
    ['VALIDATION_FAILED', 1, 'drop'],
  ])('%s after %i tries → %s', (code, tries, out) => expect(afterFailure(code, tries)).toBe(out));
});

class MemStorage {
  data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
}
const err = (code: string) => Object.assign(new Error(code), { code });
const codeOf = (e: unknown) => (e as { code: string }).code;

describe('PhotoQueue', () => {
  it('keeps a photo across a reload until the server takes it', async () => {
    const storage = new MemStorage();
    const q = new PhotoQueue(storage);
    q.enqueue('m1', 'data:1');
    expect(q.stateOf('m1')).toEqual({ kind: 'pending' });
    await q.flush(async () => Promise.reject(err('NETWORK')), codeOf);
    const reloaded = new PhotoQueue(storage);
    expect(reloaded.pendingPhoto('m1')).toBe('data:1');
    expect(reloaded.get().pending[0]!.tries).toBe(1);
    const sent: string[] = [];
    await reloaded.flush(async (id, url) => void sent.push(`${id}:${url}`), codeOf);
    expect(sent).toEqual(['m1:data:1']);
    expect(reloaded.stateOf('m1')).toEqual({ kind: 'saved', dataUrl: 'data:1' });
    expect(new PhotoQueue(storage).get().pending).toEqual([]);
  });

  it('waits for a late registration, drops what the server refuses, and stops at the first network error', async () => {
    const q = new PhotoQueue(new MemStorage());
    q.enqueue('late', 'a');
    q.enqueue('bad', 'b');
    q.enqueue('ok', 'c');
    const answers: Record<string, string | null> = { late: 'MEMBER_NOT_FOUND', bad: 'FORBIDDEN', ok: null };
    await q.flush(async (id) => (answers[id] ? Promise.reject(err(answers[id]!)) : undefined), codeOf);
    expect([q.stateOf('late'), q.stateOf('bad'), q.stateOf('ok')]).toEqual([{ kind: 'pending' }, { kind: 'failed', code: 'FORBIDDEN' }, { kind: 'saved', dataUrl: 'c' }]);

    q.enqueue('x', 'd');
    const tried: string[] = [];
    await q.flush(async (id) => (tried.push(id), Promise.reject(err('NETWORK'))), codeOf);
    expect(tried).toEqual(['late']);
  });

  it('a newer photo replaces one not yet sent, also while an upload runs', async () => {
    const q = new PhotoQueue(new MemStorage());
    q.enqueue('m', 'old');
    q.enqueue('m', 'older?');
    expect(q.get().pending.map((p) => p.dataUrl)).toEqual(['older?']);
    let release!: () => void;
    const flushing = q.flush(() => new Promise<void>((r) => (release = r)), codeOf);
    q.enqueue('m', 'new');
    release();
    await flushing;
    expect(q.pendingPhoto('m')).toBe('new');
  });

  it('survives storage that throws', async () => {
    const q = new PhotoQueue({ getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('full'); } });
    q.enqueue('m', 'a');
    expect(q.pendingPhoto('m')).toBe('a');
  });
});
