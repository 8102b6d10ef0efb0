import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from './brand-mark';
import { LanguageSwitch } from './language-switch';

type Props = { product: string; title: string; subtitle?: string; features?: readonly string[]; children: ReactNode };

/**
 * The sign-in page of every app: brand panel (wide screens) + a centred form card. `features` are
 * the panel's selling points; on narrow screens the panel collapses to the brand line above the card.
 */
export function LoginLayout({ product, title, subtitle, features, children }: Props) {
  const { t } = useTranslation();
  return (
    <div className="login">
      <aside className="login-aside">
        <Brand product={product} size={40} />
        <div className="login-aside-copy">
          <p className="login-tagline">{t('brand.tagline')}</p>
          {features?.length ? (
            <ul className="login-features">
              {features.map((f) => (
                <li key={f}>
                  <span className="login-check" aria-hidden="true">
                    ✓
                  </span>
                  {f}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <p className="login-aside-foot">© CloudCard 云卡</p>
      </aside>
      <main className="login-main">
        <div className="login-top">
          <span className="login-top-brand">
            <Brand product={product} size={32} />
          </span>
          <LanguageSwitch />
        </div>
        <section className="login-card" aria-labelledby="login-title">
          <h1 id="login-title" className="login-title">
            {title}
          </h1>
          {subtitle ? <p className="login-subtitle">{subtitle}</p> : null}
          {children}
        </section>
      </main>
    </div>
  );
}
