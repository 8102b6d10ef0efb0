import { describe, expect, it } from 'vitest';
import { screenFor } from './nav';

describe('screenFor', () => {
  it('opens the stores by default and for /hq/stores', () => {
    expect(screenFor('')).toBe('stores');
    expect(screenFor('stores')).toBe('stores');
    expect(screenFor('stores/s1')).toBe('stores');
  });
  it('falls back to the stores for sections not built yet', () => expect(screenFor('audit')).toBe('stores'));
});
