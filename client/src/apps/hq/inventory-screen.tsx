import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Store } from '../../../../shared/schemas/store';
import { useApi, useSession } from '../../lib/app-context';
import { InventoryLedger } from './inventory-ledger';
import { InventoryLevels } from './inventory-levels';
import { InventoryWarnings } from './inventory-warnings';
import { TransferList } from './transfer-list';
import { TransferSuggestions } from './transfer-suggestions';

const TABS = ['levels', 'warnings', 'transfers', 'suggestions', 'ledger'] as const;
export type InventoryTab = (typeof TABS)[number];
export type Viewer = { isHq: boolean; isManager: boolean; storeId: string | null };

/** 库存: levels, 预警中心, 调拨, 调拨建议 and the ledger (decision 025). HQ picks a store (or all); a store's staff see theirs. */
export function InventoryScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useSession()?.user;
  const viewer: Viewer = {
    isHq: user?.kind === 'staff' && user.role === 'hq_admin',
    isManager: user?.kind === 'staff' && (user.role === 'hq_admin' || user.role === 'store_manager'),
    storeId: user?.kind === 'staff' ? user.storeId : null,
  };
  const [tab, setTab] = useState<InventoryTab>('levels');
  const [storeId, setStoreId] = useState<string>(viewer.isHq ? '' : (viewer.storeId ?? ''));
  const stores = useQuery({ queryKey: ['stores'], queryFn: () => api.get<{ stores: Store[] }>('/api/stores') });
  const list = stores.data?.stores ?? [];
  const tabs = TABS.filter((k) => viewer.isManager || (k !== 'warnings' && k !== 'suggestions'));

  return (
    <>
      <div className="page-head page-head-actions">
        <div>
          <h1 className="page-title" data-testid="inventory-heading">{t('hqInventory.heading')}</h1>
          <p className="muted">{viewer.isHq ? t('hqInventory.subtitleHq') : t('hqInventory.subtitleStore')}</p>
        </div>
        {viewer.isHq ? (
          <label className="field inv-store-pick">
            <span className="field-label">{t('hqInventory.store')}</span>
            <select className="select" value={storeId} onChange={(e) => setStoreId(e.target.value)} data-testid="inventory-store">
              <option value="">{t('hqInventory.allStores')}</option>
              {list.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </label>
        ) : null}
      </div>
      <div className="inv-tabs" role="tablist">
        {tabs.map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} className={`inv-tab${tab === k ? ' is-active' : ''}`} onClick={() => setTab(k)} data-testid={`inventory-tab-${k}`}>
            {t(`hqInventory.tabs.${k}`)}
          </button>
        ))}
      </div>
      {tab === 'levels' ? <InventoryLevels storeId={storeId} viewer={viewer} stores={list} /> : null}
      {tab === 'warnings' ? <InventoryWarnings storeId={storeId} /> : null}
      {tab === 'transfers' ? <TransferList storeId={storeId} viewer={viewer} stores={list} /> : null}
      {tab === 'suggestions' ? <TransferSuggestions viewer={viewer} stores={list} /> : null}
      {tab === 'ledger' ? <InventoryLedger storeId={storeId} stores={list} /> : null}
    </>
  );
}
