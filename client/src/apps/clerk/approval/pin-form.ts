import { pinSchema, setPinSchema } from '../../../../../shared/schemas/approval';

/** What is wrong with the "set my approval PIN" form, checked before asking the server. */
export type PinFormError = 'password' | 'pin' | 'mismatch' | 'weak';

/** The server's own rule (shared schema), so the form never accepts what the route refuses. */
export const isWeakPin = (pin: string): boolean => pinSchema.safeParse(pin).success && !setPinSchema.shape.pin.safeParse(pin).success;

export function pinFormError(password: string, pin: string, again: string): PinFormError | null {
  if (!password) return 'password';
  if (!pinSchema.safeParse(pin).success) return 'pin';
  if (isWeakPin(pin)) return 'weak';
  if (pin !== again) return 'mismatch';
  return null;
}
