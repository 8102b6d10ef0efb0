import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import { encodeWithinBudget, squareCrop } from './photo';
import './desk.css';

type Unavailable = 'noCamera' | 'denied' | 'insecure' | 'failed' | 'tooBig';
type Mode = { kind: 'idle' } | { kind: 'starting' } | { kind: 'live'; stream: MediaStream } | { kind: 'unavailable'; why: Unavailable };

function whyNot(err: unknown): Unavailable {
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError') return 'noCamera';
  return 'failed';
}
const stop = (s: MediaStream) => s.getTracks().forEach((t) => t.stop());

/**
 * The member's photo from the tablet's camera: live preview, capture (centre square, ≤ 320 px,
 * JPEG ≤ ~40 KB), retake. Without a camera (or permission) it says so and the form goes on without.
 */
export function PhotoCapture({ value, onChange }: { value: string | null; onChange(dataUrl: string | null): void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });
  const video = useRef<HTMLVideoElement>(null);
  const live = mode.kind === 'live' ? mode.stream : null;
  // A camera granted after the form was closed must be switched off at once.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (!live) return;
    if (video.current) video.current.srcObject = live;
    return () => stop(live);
  }, [live]);

  async function start() {
    if (!window.isSecureContext) return setMode({ kind: 'unavailable', why: 'insecure' });
    if (!navigator.mediaDevices?.getUserMedia) return setMode({ kind: 'unavailable', why: 'noCamera' });
    setMode({ kind: 'starting' });
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } }, audio: false });
      if (mounted.current) setMode({ kind: 'live', stream });
      else stop(stream);
    } catch (err) {
      if (mounted.current) setMode({ kind: 'unavailable', why: whyNot(err) });
    }
  }

  function capture() {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const crop = squareCrop(v.videoWidth, v.videoHeight);
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d');
    const url = ctx
      ? encodeWithinBudget((side, quality) => {
          canvas.width = canvas.height = side;
          ctx.drawImage(v, crop.sx, crop.sy, crop.side, crop.side, 0, 0, side, side);
          return canvas.toDataURL('image/jpeg', quality);
        }, crop.out)
      : null;
    if (!url) return setMode({ kind: 'unavailable', why: 'tooBig' });
    onChange(url);
    setMode({ kind: 'idle' });
  }

  return (
    <div className="camera" data-testid="photo-capture">
      <span className="field-label">{t('desk.photo.label')}</span>
      <div className="camera-frame">
        {mode.kind === 'live' ? (
          <video ref={video} className="camera-video" autoPlay playsInline muted data-testid="camera-video" />
        ) : value ? (
          <img className="camera-still" src={value} alt={t('desk.photo.preview')} data-testid="photo-preview" />
        ) : (
          <span className="camera-empty">{mode.kind === 'starting' ? t('desk.photo.starting') : t('desk.photo.none')}</span>
        )}
      </div>
      {mode.kind === 'unavailable' ? <Notice kind="info" testId="camera-unavailable">{t(`desk.photo.unavailable.${mode.why}`)}</Notice> : null}
      <div className="camera-actions">
        {mode.kind === 'live' ? (
          <>
            <Button size="lg" onClick={capture} data-testid="photo-take">{t('desk.photo.take')}</Button>
            <Button size="lg" variant="secondary" onClick={() => setMode({ kind: 'idle' })}>{t('desk.photo.cancel')}</Button>
          </>
        ) : (
          <>
            <Button size="lg" variant="secondary" loading={mode.kind === 'starting'} onClick={() => void start()} data-testid="photo-start">
              {value ? t('desk.photo.retake') : t('desk.photo.start')}
            </Button>
            {value ? <Button size="lg" variant="ghost" onClick={() => onChange(null)} data-testid="photo-remove">{t('desk.photo.remove')}</Button> : null}
          </>
        )}
      </div>
    </div>
  );
}
