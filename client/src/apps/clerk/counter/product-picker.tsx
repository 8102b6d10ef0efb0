import { useMemo, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/money';
import { SearchIcon } from '../../../lib/ui/icons';
import { searchProducts, type Catalog } from './counter-data';

/** Search (name, SKU, barcode) and the category grid; a tap adds one to the cart. */
export function ProductPicker({ catalog, onAdd, searchRef }: { catalog: Catalog; onAdd(productId: string): void; searchRef: RefObject<HTMLInputElement | null> }) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const shown = useMemo(() => searchProducts(catalog, q, category), [catalog, q, category]);
  const en = i18n.resolvedLanguage === 'en';

  function submit() {
    // Enter on an exact barcode or a single hit adds it: the scanner-less way to ring fast.
    const exact = catalog.byBarcode.get(q.trim());
    const pick = exact ?? (shown.length === 1 ? shown[0] : undefined);
    if (pick) {
      onAdd(pick.id);
      setQ('');
    }
  }

  return (
    <section className="picker" aria-label={t('counter.products')}>
      <div className="picker-search">
        <SearchIcon size={20} />
        <input
          ref={searchRef}
          className="picker-input"
          placeholder={t('counter.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && submit()}
          data-testid="product-search"
          aria-label={t('counter.searchPlaceholder')}
        />
        <kbd className="kbd">F2</kbd>
      </div>
      <div className="chips" role="tablist">
        <button type="button" role="tab" aria-selected={category === null} className={`chip ${category === null ? 'chip-on' : ''}`} onClick={() => setCategory(null)}>
          {t('counter.allCategories')}
        </button>
        {catalog.categories.map((c) => (
          <button key={c.id} type="button" role="tab" aria-selected={category === c.id} className={`chip ${category === c.id ? 'chip-on' : ''}`} onClick={() => setCategory(c.id)} data-testid={`category-${c.id}`}>
            {en ? c.nameEn : c.name}
          </button>
        ))}
      </div>
      {catalog.products.length === 0 ? <p className="empty">{t('counter.catalogLoading')}</p> : null}
      {catalog.products.length > 0 && shown.length === 0 ? <p className="empty">{t('counter.noProducts')}</p> : null}
      <div className="product-grid" data-testid="product-grid">
        {shown.map((p) => (
          <button key={p.id} type="button" className={`product-tile ${p.kind === 'service' ? 'product-service' : ''}`} onClick={() => onAdd(p.id)} data-testid="product-tile" data-product-id={p.id}>
            <span className="product-name">{p.name}</span>
            <span className="product-price money">{formatFen(p.storePriceFen ?? p.listPriceFen)}</span>
            {p.storePriceFen !== null && p.storePriceFen !== p.listPriceFen ? <span className="product-list-price money">{formatFen(p.listPriceFen)}</span> : null}
          </button>
        ))}
      </div>
    </section>
  );
}
