import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCloudSync } from '../../../lib/sync/use-cloud-sync';
import { CameraScanner, resolveScan, scanMessageKey, scanMessageValues, useKeyboardScanner, useScanLookup, type ScanResult } from '../scan';
import type { Member } from '../../../../../shared/schemas/member';

export type Scanned = { member?: Member; productId?: string; at: number };

/**
 * One way in for every scan at the counter (USB scanner anywhere on the screen, or the camera):
 * a member code or card picks the member, a barcode adds the product, anything else says why not.
 */
export function useCounterScan(enabled: boolean) {
  const { t } = useTranslation();
  const lookup = useScanLookup(useCloudSync()?.rep);
  const [scanned, setScanned] = useState<Scanned | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [camera, setCamera] = useState(false);

  async function onScan(text: string) {
    if (!lookup) return;
    const r: ScanResult = await resolveScan(text, lookup);
    setMessage({ ok: r.kind === 'member' || r.kind === 'product', text: (t as unknown as (k: string, o: object) => string)(scanMessageKey(r), scanMessageValues(r)) });
    if (r.kind === 'member') setScanned({ member: r.member, at: Date.now() });
    if (r.kind === 'product') setScanned({ productId: r.product.id, at: Date.now() });
  }
  useKeyboardScanner((text) => void onScan(text), { enabled });

  const cameraView = camera ? <CameraScanner onScan={(text) => { setCamera(false); void onScan(text); }} onClose={() => setCamera(false)} /> : null;
  return { scanned, message, clearMessage: () => setMessage(null), openCamera: () => setCamera(true), cameraView, scanText: onScan };
}
