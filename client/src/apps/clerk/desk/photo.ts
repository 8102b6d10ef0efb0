import { PHOTO_MAX_PX, PHOTO_TARGET_BYTES, photoDataUrlSchema } from '../../../../../shared/schemas/member-photo';

/** The centre square of a w×h frame, scaled to at most `max` px a side: a face fills an avatar. */
export function squareCrop(w: number, h: number, max = PHOTO_MAX_PX): { sx: number; sy: number; side: number; out: number } {
  const side = Math.min(w, h);
  return { sx: Math.floor((w - side) / 2), sy: Math.floor((h - side) / 2), side, out: Math.max(1, Math.min(side, max)) };
}

/** A data URL is ASCII: its length is what the server measures and D1 stores. */
export const dataUrlBytes = (dataUrl: string): number => dataUrl.length;

export type PhotoProblem = 'notJpeg' | 'tooBig';

/** The server's rule (photoDataUrlSchema), checked before an upload so a bad photo is never queued. */
export function photoProblem(dataUrl: string): PhotoProblem | null {
  const r = photoDataUrlSchema.safeParse(dataUrl);
  if (r.success) return null;
  return r.error.issues.some((i) => i.code === 'too_big') ? 'tooBig' : 'notJpeg';
}

const QUALITIES = [0.82, 0.72, 0.62, 0.52, 0.42] as const;

/**
 * Encodes at falling JPEG quality, then at smaller sizes, until the picture fits the budget
 * (~40 KB). `encode(side, quality)` draws and encodes (a canvas in the browser). Null when even
 * the smallest try is too big (a noisy frame): the caller says the photo was not taken.
 */
export function encodeWithinBudget(encode: (side: number, quality: number) => string, side: number, budget = PHOTO_TARGET_BYTES): string | null {
  const sides = [side, Math.round(side * 0.75), Math.round(side * 0.5)].filter((s, i, all) => s >= 64 && all.indexOf(s) === i);
  for (const s of sides) {
    for (const q of QUALITIES) {
      const url = encode(s, q);
      if (dataUrlBytes(url) <= budget && photoProblem(url) === null) return url;
    }
  }
  return null;
}

/** Two letters (or one CJK character) for a member without a photo. */
export function initials(name: string): string {
  const n = name.trim();
  if (!n) return '?';
  if (/^[\p{Script=Han}]/u.test(n)) return n.slice(0, 1);
  const words = n.split(/\s+/).filter(Boolean);
  return words.length > 1 ? (words[0]![0]! + words[1]![0]!).toUpperCase() : n.slice(0, 2).toUpperCase();
}
