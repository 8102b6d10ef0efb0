import { describe, expect, it } from 'vitest';
import { screenFor } from './nav';

describe('screenFor', () => {
  it('opens the home screen by default, and the stores for /hq/stores', () => {
    expect(screenFor('')).toBe('home');
    expect(screenFor('stores')).toBe('stores');
    expect(screenFor('stores/s1')).toBe('stores');
  });
  it('opens the tablets for /hq/devices', () => {
    expect(screenFor('devices')).toBe('devices');
    expect(screenFor('devices/d1')).toBe('devices');
  });
  it('opens the reports for /hq/reports and its tabs', () => expect(screenFor('reports/margin')).toBe('reports'));
  it('opens the audit log for /hq/audit', () => expect(screenFor('audit')).toBe('audit'));
  it('falls back to the home screen for unknown sections', () => expect(screenFor('nope')).toBe('home'));
});
