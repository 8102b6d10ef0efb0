/** Why the camera could not start, as the clerk should hear it (keys under `scan.camera.`). */
export type CameraProblem = 'insecure' | 'noCamera' | 'denied' | 'busy' | 'failed';

type Env = { hasMediaDevices: boolean; isSecureContext: boolean };

/**
 * getUserMedia's failures by DOMException name (older Chrome/Android names included). Browsers
 * hide navigator.mediaDevices on a page that is not HTTPS (or localhost): a tablet opening the
 * counter by a LAN address over http has no camera at all, and should be told why.
 */
export function cameraProblem(err: unknown, env: Env): CameraProblem {
  if (!env.hasMediaDevices) return env.isSecureContext ? 'noCamera' : 'insecure';
  const name = (err as { name?: unknown } | null)?.name;
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return 'noCamera';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    default:
      return 'failed';
  }
}
