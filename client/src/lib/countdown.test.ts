import { describe, expect, it } from 'vitest';
import { secondsLeft } from './countdown';

describe('secondsLeft', () => {
  it('rounds up partial seconds', () => expect(secondsLeft(60_000, 100)).toBe(60));
  it('is 0 once passed', () => {
    expect(secondsLeft(1000, 1000)).toBe(0);
    expect(secondsLeft(1000, 5000)).toBe(0);
  });
});
