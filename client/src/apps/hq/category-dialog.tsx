import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, CategoryInput } from '../../../../shared/schemas/catalog';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';

type Draft = { name: string; nameEn: string; sort: string };
const draftOf = (c?: Category): Draft => ({ name: c?.name ?? '', nameEn: c?.nameEn ?? '', sort: String(c?.sort ?? '') });
const inputOf = (d: Draft): CategoryInput => ({ name: d.name, nameEn: d.nameEn, sort: d.sort.trim() === '' ? 0 : Number(d.sort) });

/** 分类管理 (HQ): rename, reorder, add. A CSV row names its category by one of these names. */
export function CategoryDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const ref = useRef<HTMLDialogElement>(null);
  const list = useQuery({ queryKey: ['catalog', 'categories'], queryFn: () => api.get<{ categories: Category[] }>('/api/catalog/categories') });
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  return (
    <dialog ref={ref} className="hq-dialog catalog-dialog-wide" aria-labelledby="categories-title" data-testid="category-dialog" onCancel={(e) => (e.preventDefault(), onClose())}>
      <div className="form">
        <h2 id="categories-title" className="section-title">{t('hqCatalog.categories.title')}</h2>
        {msg ? <Notice kind={msg.kind} testId="category-msg">{msg.text}</Notice> : null}
        <table className="table">
          <thead><tr><th>{t('hqCatalog.categories.name')}</th><th>{t('hqCatalog.categories.nameEn')}</th><th>{t('hqCatalog.categories.sort')}</th><th /></tr></thead>
          <tbody>
            {(list.data?.categories ?? []).map((c) => <CategoryRow key={c.id} category={c} onDone={setMsg} />)}
            <CategoryRow key={`new-${list.data?.categories.length ?? 0}`} onDone={setMsg} />
          </tbody>
        </table>
        <div className="dialog-foot"><Button variant="secondary" onClick={onClose} data-testid="category-close">{t('hqCatalog.categories.close')}</Button></div>
      </div>
    </dialog>
  );
}

function CategoryRow({ category, onDone }: { category?: Category; onDone: (m: { kind: 'success' | 'error'; text: string }) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [d, setD] = useState(draftOf(category));
  const save = useMutation({
    mutationFn: (body: CategoryInput) => (category ? api.put<Category>(`/api/catalog/categories/${encodeURIComponent(category.id)}`, body) : api.post<Category>('/api/catalog/categories', body)),
    onSuccess: (c) => (onDone({ kind: 'success', text: t('hqCatalog.categories.saved', { name: c.name }) }), void qc.invalidateQueries({ queryKey: ['catalog'] })),
    onError: (e) => onDone({ kind: 'error', text: errorText(e) }),
  });
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setD((x) => ({ ...x, [k]: e.target.value }));
  const changed = !category || JSON.stringify(draftOf(category)) !== JSON.stringify(d);
  const testId = category ? `category-row-${category.id}` : 'category-new';
  return (
    <tr data-testid={testId}>
      <td><input className="field-input" value={d.name} maxLength={20} onChange={set('name')} aria-label={t('hqCatalog.categories.name')} data-testid="category-name" /></td>
      <td><input className="field-input" value={d.nameEn} maxLength={40} onChange={set('nameEn')} aria-label={t('hqCatalog.categories.nameEn')} /></td>
      <td><input className="field-input catalog-sort-input" value={d.sort} inputMode="numeric" onChange={set('sort')} aria-label={t('hqCatalog.categories.sort')} /></td>
      <td>
        <Button className="btn-sm" variant={category ? 'secondary' : 'primary'} disabled={!changed || d.name.trim() === ''} loading={save.isPending} onClick={() => save.mutate(inputOf(d))} data-testid="category-save">
          {category ? t('hqCatalog.categories.save') : t('hqCatalog.categories.add')}
        </Button>
      </td>
    </tr>
  );
}
