// The keyed lists of the console (actions, decisions): an event about one item rebuilds one row.
import { describe, expect, it } from 'vitest';
import { reuse } from './ui';

describe('reuse', () => {
  const previous = new Map([
    ['a', { signature: 'a1', row: 'row-a' }],
    ['b', { signature: 'b1', row: 'row-b' }],
    ['c', { signature: 'c1', row: 'row-c' }],
  ]);

  it('keeps the rows of unchanged items, wherever they moved, and builds changed and new ones', () => {
    expect(
      reuse(previous, [
        { key: 'c', signature: 'c1' },
        { key: 'a', signature: 'a2' },
        { key: 'd', signature: 'd1' },
        { key: 'b', signature: 'b1' },
      ]),
    ).toEqual(['row-c', null, null, 'row-b']);
  });

  it('builds everything the first time, and nothing when nothing changed', () => {
    expect(reuse(new Map(), [{ key: 'a', signature: 'a1' }])).toEqual([null]);
    expect(reuse(previous, [...previous].map(([key, v]) => ({ key, signature: v.signature })))).toEqual(['row-a', 'row-b', 'row-c']);
  });
});
