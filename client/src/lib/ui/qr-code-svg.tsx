import { useMemo } from 'react';
import { qrPath } from '../qr-path';

/** Quiet zone around the symbol, in modules (the QR standard asks for 4). */
const QUIET = 4;

/** A QR code drawn as SVG (sharp at any screen density, no canvas). */
export function QrCodeSvg({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const { size, d } = useMemo(() => qrPath(text), [text]);
  const full = size + 2 * QUIET;
  return (
    <svg className="qr-svg" viewBox={`${-QUIET} ${-QUIET} ${full} ${full}`} role="img" aria-label={label} shapeRendering="crispEdges" data-testid={testId} data-code={text}>
      <rect x={-QUIET} y={-QUIET} width={full} height={full} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
