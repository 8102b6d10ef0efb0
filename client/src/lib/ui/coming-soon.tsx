import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A feature tile that is visibly not there yet: greyed, not clickable, with a "coming soon" badge. */
export function ComingSoonTile({ icon, title, description, testId }: { icon: ReactNode; title: string; description?: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <div className="tile tile-disabled" aria-disabled="true" data-testid={testId}>
      <span className="tile-icon" aria-hidden="true">
        {icon}
      </span>
      <span className="tile-text">
        <span className="tile-title">{title}</span>
        {description ? <span className="tile-desc">{description}</span> : null}
      </span>
      <span className="badge badge-muted">{t('common.comingSoon')}</span>
    </div>
  );
}

/** `<SoonBadge/>` for nav items and section headers. */
export function SoonBadge() {
  const { t } = useTranslation();
  return <span className="badge badge-muted">{t('common.comingSoon')}</span>;
}
