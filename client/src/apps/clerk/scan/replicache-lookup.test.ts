import { Replicache, type WriteTransaction } from 'replicache';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateMemberKeyPair, issueMemberCode } from '../../../../../shared/domain/member-code';
import type { Member } from '../../../../../shared/schemas/member';
import { keys } from '../../../../../shared/sync/keys';
import { replicacheLookup } from './replicache-lookup';
import { resolveScan } from './resolve-scan';
import { SeenNonces } from './seen-nonces';

// A store's view at the size decision 009 measured: 20,000 members, 5,000 products.
const MEMBERS = 20_000;
const PRODUCTS = 5_000;
const phone = generateMemberKeyPair();
const id = (i: number) => `m-${String((i * 7919) % MEMBERS).padStart(6, '0')}`;
const cardNo = (i: number) => `8800${String(i).padStart(8, '0')}`;
const member = (i: number): Member => ({
  id: id(i), phone: `138${String(i).padStart(8, '0')}`, name: `会员${i}`, gender: 'unknown', birthday: null, homeStoreId: 'store-1', tierCode: 'normal',
  cardNo: cardNo(i), status: 'active', joinedAt: 0, principalFen: 0, bonusFen: 0, reservedFen: 0, points: 0, lifetimeSpendFen: 0, lastVisitAt: null,
  lastVisitStoreId: null, qrPublicKey: i === 7 ? phone.publicKey : null,
});

let rep: Replicache<{ load: (tx: WriteTransaction, n: number) => Promise<void> }>;

beforeAll(async () => {
  rep = new Replicache({
    name: `scan-lookup-${Date.now()}`,
    kvStore: 'mem',
    pullInterval: null,
    mutators: {
      async load(tx: WriteTransaction, n: number) {
        for (let i = 0; i < n; i++) await tx.set(keys.member(id(i)), member(i));
        for (let i = 0; i < PRODUCTS; i++) {
          await tx.set(keys.product(`p-${i}`), { id: `p-${i}`, sku: `S${i}`, name: `商品${i}`, kind: 'goods', categoryId: 'c', listPriceFen: 100, storePriceFen: 100, costPriceFen: null, barcode: `69${String(i).padStart(11, '0')}`, unit: '件' });
        }
      },
    },
  });
  await rep.mutate.load(MEMBERS);
}, 60_000);
afterAll(() => rep?.close());

describe('replicacheLookup', () => {
  it('finds members by id and card number and products by barcode', async () => {
    const l = replicacheLookup(rep, { seen: new SeenNonces() });
    expect((await l.memberById(id(5)))?.cardNo).toBe(cardNo(5));
    expect(await l.memberById('m-nobody')).toBeNull();
    expect((await l.memberByCardNo(cardNo(19_999)))?.id).toBe(id(19_999));
    expect(await l.memberByCardNo('880099999999')).toBeNull();
    expect((await l.productByBarcode('6900000004999'))?.id).toBe('p-4999');
    expect(await l.productByBarcode('6999999999999')).toBeNull();
  });

  it('verifies a member code against the synced key, once', async () => {
    const now = Date.now();
    const l = replicacheLookup(rep, { seen: new SeenNonces(() => now), now: () => now });
    const c = issueMemberCode(id(7), phone.secretKey, now);
    expect(await resolveScan(c, l)).toMatchObject({ kind: 'member', via: 'member_code', member: { id: id(7) } });
    expect(await resolveScan(c, l)).toMatchObject({ kind: 'error', code: 'replayed' });
  });

  it('a card-number lookup over 20,000 members takes a few ms (index), a miss scans them all', async () => {
    const l = replicacheLookup(rep);
    const median = async (f: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let k = 0; k < 15; k++) {
        const t0 = performance.now();
        await f();
        times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b)[7]!;
    };
    await vi.waitFor(() => expect(l.indexedCards()).toBe(MEMBERS)); // the watch's first diff: every member
    const hit = await median(async () => expect((await l.memberByCardNo(cardNo(12_345)))?.id).toBe(id(12_345)));
    const miss = await median(async () => expect(await l.memberByCardNo('880099999999')).toBeNull());
    const barcode = await median(async () => expect((await l.productByBarcode('6900000004999'))?.id).toBe('p-4999'));
    console.info(`scan lookups, ${MEMBERS} members / ${PRODUCTS} products (median of 15): card hit ${hit.toFixed(2)} ms, card miss (full scan) ${miss.toFixed(1)} ms, barcode (full scan) ${barcode.toFixed(1)} ms`);
    // Loose bounds: shared machines are noisy; the figures above are what to read.
    expect(hit).toBeLessThan(20);
    expect(miss).toBeLessThan(500);
    l.close();
  });
});
