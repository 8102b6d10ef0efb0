import { describe, expect, it } from 'vitest';
import { subPath } from './router';

describe('subPath', () => {
  it('strips the base and trailing slashes', () => {
    expect(subPath('/hq/', '/hq/')).toBe('');
    expect(subPath('/hq/stores', '/hq/')).toBe('stores');
    expect(subPath('/hq/stores/', '/hq/')).toBe('stores');
    expect(subPath('/hq/stores/s1', '/hq/')).toBe('stores/s1');
  });
  it('is empty outside the base', () => expect(subPath('/clerk/', '/hq/')).toBe(''));
});
