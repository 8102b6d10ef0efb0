import { z } from 'zod';
import { isMemberPublicKey } from '../domain/member-code';

/**
 * PUT /api/me/qr-key: the member's phone registers the public half of its member-code key
 * (docs/decisions/011). Its own file so that importing the member schemas does not pull the
 * Ed25519 code into every app's bundle.
 */
export const memberQrKeyBodySchema = z
  .object({
    publicKey: z.string().refine(isMemberPublicKey, 'must be a base64url Ed25519 public key (32 bytes, 43 characters)'),
  })
  .meta({ id: 'MemberQrKey' });
export type MemberQrKeyBody = z.infer<typeof memberQrKeyBodySchema>;
