import { describe, expect, it } from 'vitest';
import type { Approver } from '../schemas/approval';
import { approvalMessages, approve, makePinRecord, verifyApproval } from './manager-pin';

// Few rounds: the scheme is the same at any count, and the test stays fast.
const ROUNDS = 1_000;

async function manager(pin: string) {
  const record = await makePinRecord(pin, ROUNDS);
  const approver: Approver = { id: 'staff-mgr', name: '店长', role: 'store_manager', salt: record.salt, verifier: record.verifier };
  return { record, approver };
}

describe('manager PIN approvals', () => {
  const msg = approvalMessages.refund({ opId: '01JREFUND0000000000000000A', refundOf: '01JSALE00000000000000000AA', amountFen: 1500 });

  it('the right PIN signs an approval the server accepts', async () => {
    const { record, approver } = await manager('246810');
    const a = await approve(approver, '246810', msg, ROUNDS);
    expect(a?.approvedBy).toBe('staff-mgr');
    expect(await verifyApproval(record, msg, a!.proof)).toBe(true);
  });

  it.each([
    ['wrong PIN', '246811'],
    ['too short', '2468'],
    ['not digits', '24681a'],
    ['empty', ''],
  ])('%s: no approval', async (_, pin) => {
    const { approver } = await manager('246810');
    expect(await approve(approver, pin, msg, ROUNDS)).toBeNull();
  });

  it('an approval is for exactly what was approved', async () => {
    const { record, approver } = await manager('246810');
    const a = (await approve(approver, '246810', msg, ROUNDS))!;
    const other = [
      approvalMessages.refund({ opId: '01JREFUND0000000000000000A', refundOf: '01JSALE00000000000000000AA', amountFen: 15000 }),
      approvalMessages.refund({ opId: '01JREFUND0000000000000000B', refundOf: '01JSALE00000000000000000AA', amountFen: 1500 }),
      approvalMessages.manualDiscount('01JSALE00000000000000000AA', { kind: 'amount', amountFen: 1500, reason: 'x' }),
    ];
    for (const m of other) expect(await verifyApproval(record, m, a.proof)).toBe(false);
  });

  it('the verifier a tablet holds cannot sign: the proof needs the key only the PIN derives', async () => {
    const { record, approver } = await manager('246810');
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(approver.verifier), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const forged = Buffer.from(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(msg))).toString('base64url');
    expect(await verifyApproval(record, msg, forged)).toBe(false);
    expect(record.key).not.toBe(record.verifier);
  });

  it('another manager’s PIN record does not accept the approval', async () => {
    const a = await manager('246810');
    const b = await manager('246810'); // same PIN, different salt
    const proof = (await approve(a.approver, '246810', msg, ROUNDS))!.proof;
    expect(await verifyApproval(b.record, msg, proof)).toBe(false);
  });

  it('a malformed proof is refused, not thrown', async () => {
    const { record } = await manager('246810');
    expect(await verifyApproval(record, msg, '!!!')).toBe(false);
  });

  it('manual discount messages name the order, the kind, the size and the reason', () => {
    expect(approvalMessages.manualDiscount('O1', { kind: 'percent', discountBp: 9000, reason: ' 老客户 ' })).toBe('manual-discount|O1|percent|9000|老客户');
  });
});
