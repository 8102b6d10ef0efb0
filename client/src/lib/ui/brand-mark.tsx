import { useTranslation } from 'react-i18next';

/** The CloudCard mark (a card with a cloud), drawn inline so it is crisp and themeable. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg className="brand-mark" width={size} height={size} viewBox="0 0 512 512" aria-hidden="true">
      <rect x="0" y="0" width="512" height="512" rx="120" fill="var(--brand)" />
      <rect x="104" y="150" width="304" height="212" rx="30" fill="#fff" />
      <rect x="136" y="186" width="52" height="38" rx="8" fill="#ffd166" />
      <g fill="var(--brand)">
        <circle cx="258" cy="290" r="34" />
        <circle cx="298" cy="270" r="44" />
        <circle cx="342" cy="294" r="30" />
        <rect x="228" y="290" width="144" height="34" rx="17" />
      </g>
    </svg>
  );
}

/** Mark + "云卡 · 收银台" style wordmark. */
export function Brand({ product, size = 32 }: { product?: string; size?: number }) {
  const { t } = useTranslation();
  return (
    <span className="brand">
      <BrandMark size={size} />
      <span className="brand-name">{t('brand.name')}</span>
      {product ? <span className="brand-product">{product}</span> : null}
    </span>
  );
}
