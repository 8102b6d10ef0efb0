import { create } from 'qrcode';

/**
 * The dark modules of `text`'s QR symbol as one SVG path (a 1×1 square per module). Error
 * correction M: the code is read off a phone screen, which is clean but may carry glare.
 */
export function qrPath(text: string): { size: number; d: string } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  let d = '';
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) if (modules.data[r * modules.size + c]) d += `M${c} ${r}h1v1h-1z`;
  }
  return { size: modules.size, d };
}
