import type { IScannerControls } from '@zxing/browser';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import { cameraProblem, type CameraProblem } from './camera-errors';
import './scan.css';

/*
 * The decoder is @zxing/browser (ZXing's maintained TypeScript port; releases through 2026): plain
 * JavaScript, so it is bundled into our own build and precached by the app's service worker like
 * any other chunk: no CDN, works offline. The wasm alternatives (barcode-detector / zxing-wasm)
 * fetch their .wasm from a CDN unless configured, and the service worker's precache list does not
 * take .wasm files. It is loaded only when the camera opens, so the counter's first paint does
 * not carry it.
 */
async function startDecoder(video: HTMLVideoElement, facing: 'environment' | 'user', onText: (text: string, controls: IScannerControls) => void) {
  const [{ BrowserMultiFormatReader }, { BarcodeFormat, DecodeHintType }] = await Promise.all([import('@zxing/browser'), import('@zxing/library')]);
  // Member codes (QR) and the 1D codes on retail goods; fewer formats, faster frames.
  const formats = [BarcodeFormat.QR_CODE, BarcodeFormat.EAN_13, BarcodeFormat.EAN_8, BarcodeFormat.UPC_A, BarcodeFormat.UPC_E, BarcodeFormat.CODE_128, BarcodeFormat.CODE_39];
  const reader = new BrowserMultiFormatReader(new Map([[DecodeHintType.POSSIBLE_FORMATS, formats]]), { delayBetweenScanAttempts: 120 });
  return reader.decodeFromConstraints({ audio: false, video: { facingMode: { ideal: facing } } }, video, (result, _error, controls) => {
    if (result) onText(result.getText(), controls);
  });
}

type State = { kind: 'starting' } | { kind: 'live' } | { kind: 'failed'; problem: CameraProblem; message: string };

/**
 * A modal camera view that reads one QR code or barcode, hands its text to `onScan` and stops the
 * camera. The parent closes it (onScan or onClose) and resolves the text (resolve-scan.ts).
 */
export function CameraScanner({ onScan, onClose }: { onScan: (text: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;
  const [state, setState] = useState<State>({ kind: 'starting' });
  const [facing, setFacing] = useState<'environment' | 'user'>('environment');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    const env = { hasMediaDevices: typeof navigator.mediaDevices?.getUserMedia === 'function', isSecureContext: window.isSecureContext };
    if (!env.hasMediaDevices) return setState({ kind: 'failed', problem: cameraProblem(null, env), message: '' });
    let active = true;
    let controls: IScannerControls | null = null;
    setState({ kind: 'starting' });
    startDecoder(videoRef.current!, facing, (text, c) => {
      if (!active) return;
      active = false;
      c.stop();
      onScanRef.current(text);
    }).then(
      (c) => {
        controls = c;
        if (active) setState({ kind: 'live' });
        else c.stop();
      },
      (err: unknown) => active && setState({ kind: 'failed', problem: cameraProblem(err, env), message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      active = false;
      controls?.stop();
    };
  }, [facing, attempt]);

  return (
    <dialog ref={dialogRef} className="camera-dialog" aria-labelledby="camera-title" onCancel={(e) => { e.preventDefault(); onClose(); }} data-testid="camera-scanner">
      <header className="camera-head">
        <h2 id="camera-title" className="section-title">{t('scan.camera.title')}</h2>
        <Button variant="ghost" onClick={onClose} data-testid="camera-close">{t('scan.camera.close')}</Button>
      </header>
      <div className={`camera-view${facing === 'user' ? ' camera-mirror' : ''}`}>
        <video ref={videoRef} muted playsInline autoPlay aria-hidden="true" />
        {state.kind === 'live' ? <span className="scan-aim" aria-hidden="true" /> : null}
      </div>
      {state.kind === 'failed' ? (
        <div className="camera-problem">
          <Notice kind="error" testId="camera-problem">
            {state.problem === 'failed' ? t('scan.camera.failed', { message: state.message }) : t(`scan.camera.${state.problem}`)}
          </Notice>
          {state.problem !== 'insecure' ? <Button variant="secondary" onClick={() => setAttempt((n) => n + 1)}>{t('scan.camera.retry')}</Button> : null}
        </div>
      ) : (
        <div className="camera-foot">
          <p className="muted" role="status">{state.kind === 'starting' ? t('scan.camera.starting') : t('scan.camera.hint')}</p>
          <Button variant="secondary" onClick={() => setFacing((f) => (f === 'environment' ? 'user' : 'environment'))}>{t('scan.camera.switch')}</Button>
        </div>
      )}
    </dialog>
  );
}
