import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../shared/schemas/member';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { normalizeLookup } from '../../lib/format';
import { Button } from '../../lib/ui/button';
import { IdCardIcon, SearchIcon } from '../../lib/ui/icons';
import { Notice } from '../../lib/ui/notice';
import { TextField } from '../../lib/ui/text-field';
import { MemberResults } from './member-results';

type State =
  | { status: 'idle' }
  | { status: 'searching'; q: string }
  | { status: 'done'; q: string; members: Member[] }
  | { status: 'error'; q: string; error: unknown };

/** Phone, last digits, card number or name → GET /api/members?q= → the matching members. */
export function MemberLookup() {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [input, setInput] = useState('');
  const [state, setState] = useState<State>({ status: 'idle' });

  async function search(e: FormEvent) {
    e.preventDefault();
    const q = normalizeLookup(input);
    if (!q) return;
    setState({ status: 'searching', q });
    try {
      const res = await api.get<{ members: Member[] }>('/api/members', { q, limit: 20 });
      setState((s) => (s.status === 'searching' && s.q === q ? { status: 'done', q, members: res.members } : s));
    } catch (error) {
      setState({ status: 'error', q, error });
    }
  }

  return (
    <section className="card lookup" aria-labelledby="lookup-title">
      <h2 id="lookup-title" className="section-title">
        {t('clerk.lookup.title')}
      </h2>
      <form className="lookup-form" onSubmit={search} role="search">
        <TextField
          className="lookup-field"
          label={t('clerk.lookup.label')}
          placeholder={t('clerk.lookup.placeholder')}
          inputMode="search"
          enterKeyHint="search"
          autoComplete="off"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          leading={<SearchIcon size={22} />}
          data-testid="member-search-input"
        />
        <Button type="submit" size="lg" loading={state.status === 'searching'} data-testid="member-search-submit">
          {t('clerk.lookup.submit')}
        </Button>
      </form>
      {state.status === 'idle' ? (
        <div className="lookup-idle">
          <span className="lookup-idle-icon" aria-hidden="true">
            <IdCardIcon size={32} />
          </span>
          <p className="lookup-idle-title">{t('clerk.lookup.idleTitle')}</p>
          <p className="lookup-hint">{t('clerk.lookup.hint')}</p>
        </div>
      ) : null}
      {state.status === 'error' ? <Notice kind="error">{errorText(state.error, 'memberSearch')}</Notice> : null}
      {state.status === 'done' ? <MemberResults members={state.members} /> : null}
    </section>
  );
}
