import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { GENESIS, hashEntry, serializeEntry, useSha256Hex, verifyChain, type HashedFields } from './ledger-hash';

function chain(deltas: [number, number, number][]) {
  const out: (HashedFields & { hash: string })[] = [];
  let prev = GENESIS, p = 0, b = 0, pts = 0;
  deltas.forEach(([dp, db, dpts], i) => {
    p += dp; b += db; pts += dpts;
    const e: HashedFields = {
      seq: i + 1, opId: `op${i}`, kind: 'recharge', principalDelta: dp, bonusDelta: db, pointsDelta: dpts, punchDelta: 0,
      principalAfter: p, bonusAfter: b, pointsAfter: pts, storeId: 'store-1', staffId: null, at: 1_700_000_000_000 + i, prevHash: prev,
    };
    const hash = hashEntry(e);
    out.push({ ...e, hash });
    prev = hash;
  });
  return out;
}

describe('ledger hash chain', () => {
  it('serializes in the documented fixed order', () => {
    const [e] = chain([[100000, 20000, 0]]);
    expect(serializeEntry(e!)).toBe(`["cloudcard-ledger-v1",1,"op0","recharge",100000,20000,0,0,100000,20000,0,"store-1",null,1700000000000,"${GENESIS}"]`);
    expect(e!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies an intact chain and reports its sums', () => {
    expect(verifyChain(chain([[1000, 200, 0], [-300, 0, 30], [0, -200, -10]]))).toMatchObject({ ok: true, entries: 3, principalFen: 700, bonusFen: 0, points: 20 });
    expect(verifyChain([])).toMatchObject({ ok: true, entries: 0 });
  });

  it.each([
    ['an edited amount', (c: ReturnType<typeof chain>) => { c[1]!.principalDelta = -200; c[1]!.principalAfter = 800; }, 2, 'hash does not match'],
    ['a deleted entry', (c: ReturnType<typeof chain>) => { c.splice(1, 1); }, 3, 'sequence gap'],
    ['a rewritten entry with a fresh hash', (c: ReturnType<typeof chain>) => { c[0]!.bonusDelta = 900; c[0]!.bonusAfter = 900; c[0]!.hash = hashEntry(c[0]!); }, 2, 'previous-hash'],
    ['a balance that is not the sum of deltas', (c: ReturnType<typeof chain>) => { c[0]!.bonusAfter = 900; c[0]!.hash = hashEntry(c[0]!); }, 1, 'balance after'],
    ['a relinked entry', (c: ReturnType<typeof chain>) => { c[2]!.prevHash = GENESIS; c[2]!.hash = hashEntry(c[2]!); }, 3, 'previous-hash'],
  ])('detects %s', (_label, tamper, atSeq, reason) => {
    const c = chain([[1000, 200, 0], [-300, 0, 30], [0, -200, -10]]);
    tamper(c);
    const r = verifyChain(c);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.atSeq).toBe(atSeq);
      expect(r.reason).toContain(reason);
    }
  });
});

describe('reserved columns (decision 015)', () => {
  const base = chain([[1000, 0, 0]])[0]!;
  it('an entry without them hashes exactly as before (v1); one with them is v2 and hashes them', () => {
    const { hash: _h, ...fields } = base;
    expect(serializeEntry(fields)).toMatch(/^\["cloudcard-ledger-v1",/);
    const reserved = { ...fields, reservedDelta: 300, reservedAfter: 300 };
    expect(serializeEntry(reserved)).toMatch(/^\["cloudcard-ledger-v2",.*,300,300\]$/);
    expect(hashEntry(reserved)).not.toBe(hashEntry({ ...reserved, reservedDelta: 200 }));
  });

  it.each([
    ['reserved sums that hold', 300, 300, true],
    ['a reserved-after that is not the sum', 300, 200, false],
    ['more reserved than the balance', 1500, 1500, false],
    ['reserved below zero', -100, -100, false],
  ])('%s', (_label, delta, after, ok) => {
    const { hash: _h, ...fields } = base;
    const e = { ...fields, reservedDelta: delta, reservedAfter: after };
    expect(verifyChain([{ ...e, hash: hashEntry(e) }]).ok).toBe(ok);
  });
});

describe('the digest', () => {
  it('a native SHA-256 gives every entry of a chain the same hash as the built-in one', () => {
    const c = chain([[100_000, 20_000, 0], [-5_000, -1_000, 60], [0, 0, -60], [12_345, 0, 7]]);
    useSha256Hex((text) => createHash('sha256').update(text, 'utf8').digest('hex'));
    try {
      for (const e of c) expect(hashEntry(e)).toBe(e.hash);
      expect(verifyChain(c).ok).toBe(true);
    } finally {
      useSha256Hex(null);
    }
  });
});
