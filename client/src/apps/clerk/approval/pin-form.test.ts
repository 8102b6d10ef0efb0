import { describe, expect, it } from 'vitest';
import { isWeakPin, pinFormError } from './pin-form';

describe('pinFormError', () => {
  it.each<[string, string, string, string, ReturnType<typeof pinFormError>]>([
    ['no password', '', '135790', '135790', 'password'],
    ['five digits', 'pw', '13579', '13579', 'pin'],
    ['letters', 'pw', '13579a', '13579a', 'pin'],
    ['all the same digit', 'pw', '888888', '888888', 'weak'],
    ['a run up', 'pw', '123456', '123456', 'weak'],
    ['a run down', 'pw', '654321', '654321', 'weak'],
    ['pairs', 'pw', '112233', '112233', 'weak'],
    ['typed differently twice', 'pw', '135790', '135791', 'mismatch'],
    ['fine', 'pw', '135790', '135790', null],
    ['the demo HQ PIN', 'pw', '246810', '246810', null],
  ])('%s', (_, pw, pin, again, want) => expect(pinFormError(pw, pin, again)).toBe(want));

  it('only a well-formed PIN can be weak', () => {
    expect(isWeakPin('111111')).toBe(true);
    expect(isWeakPin('11111')).toBe(false);
    expect(isWeakPin('135790')).toBe(false);
  });
});
