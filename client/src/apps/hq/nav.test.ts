import { describe, expect, it } from 'vitest';
import { screenFor } from './nav';

describe('screenFor', () => {
  it('opens the stores by default and for /hq/stores', () => {
    expect(screenFor('')).toBe('stores');
    expect(screenFor('stores')).toBe('stores');
    expect(screenFor('stores/s1')).toBe('stores');
  });
  it('opens the tablets for /hq/devices', () => {
    expect(screenFor('devices')).toBe('devices');
    expect(screenFor('devices/d1')).toBe('devices');
  });
  it('falls back to the stores for sections not built yet', () => expect(screenFor('reports')).toBe('stores'));
  it('opens the audit log for /hq/audit', () => expect(screenFor('audit')).toBe('audit'));
  it('falls back to the stores for unknown sections', () => expect(screenFor('nope')).toBe('stores'));
});
