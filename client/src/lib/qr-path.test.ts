import { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import { describe, expect, it } from 'vitest';
import { issueMemberCode } from '../../../shared/domain/member-code';
import { qrPath } from './qr-path';

/**
 * Paints the path's squares (4 px per module, 4-module quiet zone) and reads the grid back with
 * ZXing. PURE_BARCODE: this checks the drawing, not ZXing's finder (which misses ~3 % of perfectly
 * axis-aligned synthetic images, and none of the same images turned by a few degrees).
 */
function readBack({ size, d }: { size: number; d: string }): string {
  const scale = 4;
  const full = (size + 8) * scale;
  const pixels = new Uint8ClampedArray(full * full).fill(255);
  for (const [, c, r] of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let y = 0; y < scale; y++) for (let x = 0; x < scale; x++) pixels[((Number(r) + 4) * scale + y) * full + (Number(c) + 4) * scale + x] = 0;
  }
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, full, full)));
  return new QRCodeReader().decode(bitmap, new Map([[DecodeHintType.PURE_BARCODE, true]])).getText();
}

const SECRET = 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A';
const T0 = Date.UTC(2026, 10, 24, 2, 0, 0);
// Fixed nonces, so the symbols (and their masks) are the same on every run.
const codes = Array.from({ length: 16 }, (_, i) => issueMemberCode('01JD8Z4M2Q5V7X9B1C3D5F7G9H', SECRET, T0 + i * 30_000, `nonce-${String(i).padStart(5, '0')}`));

describe('qrPath', () => {
  it.each<[string, string]>([
    ...codes.map((c, i): [string, string] => [`member code #${i}`, c]),
    ['a seed-style member id', issueMemberCode('m-sync-01JD8Z4M2Q5V7X9B1C3D5F7G9H', SECRET, T0, 'AAECAwQFBgc')],
    ['a card number', '880000000123'],
  ])('draws a symbol that reads back: %s', (_, text) => {
    const drawn = qrPath(text);
    expect(drawn.size).toBeLessThanOrEqual(53); // version 9 or less: big modules on a phone screen
    expect(readBack(drawn)).toBe(text);
  });
});
