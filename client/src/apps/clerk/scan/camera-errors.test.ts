import { describe, expect, it } from 'vitest';
import { cameraProblem, type CameraProblem } from './camera-errors';

const dom = (name: string) => Object.assign(new Error(name), { name });
const ok = { hasMediaDevices: true, isSecureContext: true };

describe('cameraProblem', () => {
  it.each<[string, unknown, { hasMediaDevices: boolean; isSecureContext: boolean }, CameraProblem]>([
    ['http page on the LAN', null, { hasMediaDevices: false, isSecureContext: false }, 'insecure'],
    ['no camera API at all', null, { hasMediaDevices: false, isSecureContext: true }, 'noCamera'],
    ['permission denied', dom('NotAllowedError'), ok, 'denied'],
    ['permission denied (old Chrome)', dom('PermissionDeniedError'), ok, 'denied'],
    ['no camera', dom('NotFoundError'), ok, 'noCamera'],
    ['no camera matches', dom('OverconstrainedError'), ok, 'noCamera'],
    ['camera in use', dom('NotReadableError'), ok, 'busy'],
    ['something else', new TypeError('boom'), ok, 'failed'],
    ['not even an error', 'x', ok, 'failed'],
  ])('%s', (_, err, env, expected) => expect(cameraProblem(err, env)).toBe(expected));
});
