import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { describeError, errorKeys } from './errors';
import { en, zhCN } from './locales';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng: 'zh-CN', fallbackLng: 'zh-CN' });
});

describe('describeError', () => {
  it('translates known codes', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(describeError(new ApiError(401, 'INVALID_CREDENTIALS', 'Wrong username or password'), i18n)).toBe('用户名或密码错误');
  });
  it('says how long to wait when rate limited', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(describeError(new ApiError(429, 'RATE_LIMITED', 'Too many', 840), i18n)).toBe('尝试次数过多，请 14 分钟后再试');
    await i18n.changeLanguage('en');
    expect(describeError(new ApiError(429, 'RATE_LIMITED', 'Too many', 42), i18n)).toBe('Too many attempts; try again in 42 s');
  });
  it('prefers the wording for the context', async () => {
    await i18n.changeLanguage('en');
    expect(describeError(new ApiError(429, 'RATE_LIMITED', 'x', 30), i18n, 'otp')).toBe('A code was just sent; request another in 30 s');
  });
  it('falls back to the server message for unknown codes and non-API errors', async () => {
    await i18n.changeLanguage('en');
    expect(describeError(new ApiError(409, 'PUNCH_EXHAUSTED', 'No uses left'), i18n)).toBe('Something went wrong: No uses left');
    expect(describeError(new Error('boom'), i18n)).toBe('Something went wrong: boom');
  });
});

describe('errorKeys', () => {
  it('lists the context key first', () => expect(errorKeys('X', 'otp')).toEqual(['errors.otp.X', 'errors.X']));
});
