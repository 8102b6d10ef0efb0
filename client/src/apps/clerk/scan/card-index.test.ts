import type { ExperimentalNoIndexDiff } from 'replicache';
import { describe, expect, it } from 'vitest';
import { CardIndex } from './card-index';

const m = (id: string, cardNo: string) => ({ id, cardNo, name: id });

describe('CardIndex', () => {
  it.each<[string, ExperimentalNoIndexDiff, Record<string, string | undefined>]>([
    ['adds', [{ op: 'add', key: 'member/a', newValue: m('a', '880000000001') }], { '880000000001': 'a' }],
    ['changes a card number', [
      { op: 'add', key: 'member/a', newValue: m('a', '880000000001') },
      { op: 'change', key: 'member/a', oldValue: m('a', '880000000001'), newValue: m('a', '880000000009') },
    ], { '880000000001': undefined, '880000000009': 'a' }],
    ['deletes', [
      { op: 'add', key: 'member/a', newValue: m('a', '880000000001') },
      { op: 'del', key: 'member/a', oldValue: m('a', '880000000001') },
    ], { '880000000001': undefined }],
    ['a card moved to another member stays with them when the first leaves', [
      { op: 'add', key: 'member/a', newValue: m('a', '880000000001') },
      { op: 'add', key: 'member/b', newValue: m('b', '880000000001') },
      { op: 'del', key: 'member/a', oldValue: m('a', '880000000001') },
    ], { '880000000001': 'b' }],
    ['ignores rows without a card (an optimistic registration)', [{ op: 'add', key: 'member/c', newValue: m('c', '') }], { '': undefined }],
  ])('%s', (_, diff, expected) => {
    const idx = new CardIndex();
    idx.apply(diff);
    for (const [card, id] of Object.entries(expected)) expect(idx.idFor(card), card).toBe(id);
  });
});
