import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronRightIcon } from '../../lib/ui/icons';

/** A tab's or a detail page's header: a back arrow on detail pages, the title, an action on the right. */
export function ScreenHeader({ title, onBack, action, testId }: { title: string; onBack?: () => void; action?: ReactNode; testId?: string }) {
  const { t } = useTranslation();
  return (
    <header className="member-header screen-header">
      {onBack ? (
        <button type="button" className="icon-button screen-back" onClick={onBack} aria-label={t('memberApp.back')} title={t('memberApp.back')} data-testid="screen-back">
          <ChevronRightIcon size={22} />
        </button>
      ) : (
        <span className="screen-header-spacer" />
      )}
      <h1 className="page-title screen-title" data-testid={testId}>
        {title}
      </h1>
      {action ?? <span className="screen-header-spacer" />}
    </header>
  );
}

/** An empty list, said kindly. */
export function Empty({ icon, text, testId }: { icon: ReactNode; text: string; testId?: string }) {
  return (
    <div className="empty" data-testid={testId}>
      <span className="empty-icon">{icon}</span>
      <p>{text}</p>
    </div>
  );
}
