import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitRating } from '../../../../shared/schemas/member-profile';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { useResource } from '../../lib/use-resource';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';

const WINDOW_MS = 30 * 86_400_000;

/** 评价: under a visit's receipt, 1–5 stars and a comment, once; the rating shown once given. */
export function VisitRatingCard({ orderId, at }: { orderId: string; at: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const mine = useResource(() => api.get<{ ratings: VisitRating[] }>('/api/ratings', { limit: 200 }), [api]);
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<VisitRating | null>(null);
  const given = sent ?? mine.data?.ratings.find((r) => r.orderId === orderId) ?? null;
  if (mine.status === 'loading' && !mine.data) return null;
  if (!given && Date.now() - at > WINDOW_MS) return <p className="muted rating-window">{t('memberApp.rating.window')}</p>;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      setSent(await api.post<VisitRating>('/api/ratings', { orderId, score, comment }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card rating-card" data-testid="visit-rating">
      <h2 className="section-title">{given ? t('memberApp.rating.yours') : t('memberApp.rating.title')}</h2>
      <div className="stars" role="radiogroup" aria-label={t('memberApp.rating.title')}>
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n} type="button" role="radio" aria-checked={(given?.score ?? score) === n} aria-label={t('memberApp.rating.stars', { count: n })}
            className={`star${n <= (given?.score ?? score) ? ' on' : ''}`} disabled={!!given || busy} onClick={() => setScore(n)} data-testid={`rating-star-${n}`}
          >★</button>
        ))}
      </div>
      {given ? (
        <>
          {given.comment ? <p className="rating-comment" data-testid="rating-comment">{given.comment}</p> : null}
          {sent ? <Notice kind="success" testId="rating-thanks">{t('memberApp.rating.thanks')}</Notice> : null}
        </>
      ) : (
        <>
          <textarea className="field-control rating-text" rows={2} maxLength={300} placeholder={t('memberApp.rating.comment')} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="rating-text" />
          {error ? <Notice kind="error" testId="rating-error">{error}</Notice> : null}
          <Button block disabled={score === 0} loading={busy} onClick={() => void submit()} data-testid="rating-submit">{t('memberApp.rating.submit')}</Button>
        </>
      )}
    </section>
  );
}
