import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown';

describe('parseInline', () => {
  it('reads strong, emphasis and code', () => {
    expect(parseInline('a **b** *c* `d*e`')).toEqual([
      { t: 'text', v: 'a ' },
      { t: 'strong', c: [{ t: 'text', v: 'b' }] },
      { t: 'text', v: ' ' },
      { t: 'em', c: [{ t: 'text', v: 'c' }] },
      { t: 'text', v: ' ' },
      { t: 'code', v: 'd*e' },
    ]);
  });

  it('leaves unclosed markers and lone stars as text', () => {
    expect(parseInline('2 * 3 and **open')).toEqual([{ t: 'text', v: '2 * 3 and **open' }]);
    expect(parseInline('snake_case_name')).toEqual([{ t: 'text', v: 'snake_case_name' }]);
  });
});

describe('parseMarkdown', () => {
  it('reads paragraphs, joining soft line breaks', () => {
    expect(parseMarkdown('one\ntwo\n\nthree')).toEqual([
      { t: 'p', c: [{ t: 'text', v: 'one two' }] },
      { t: 'p', c: [{ t: 'text', v: 'three' }] },
    ]);
  });

  it('reads lists, with indented continuation lines', () => {
    expect(parseMarkdown('- a\n  more\n- b\n\n1. x\n2. y')).toEqual([
      { t: 'ul', items: [[{ t: 'text', v: 'a more' }], [{ t: 'text', v: 'b' }]] },
      { t: 'ol', items: [[{ t: 'text', v: 'x' }], [{ t: 'text', v: 'y' }]] },
    ]);
  });

  it('reads block quotes holding other blocks, and headings', () => {
    expect(parseMarkdown('## Title\n> said\n>\n> - item')).toEqual([
      { t: 'h', level: 2, c: [{ t: 'text', v: 'Title' }] },
      {
        t: 'quote',
        c: [
          { t: 'p', c: [{ t: 'text', v: 'said' }] },
          { t: 'ul', items: [[{ t: 'text', v: 'item' }]] },
        ],
      },
    ]);
  });

  it('keeps markup as text (rendering never uses innerHTML)', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)>')).toEqual([{ t: 'p', c: [{ t: 'text', v: '<img src=x onerror=alert(1)>' }] }]);
  });
});

describe('links', () => {
  it('links only http(s) addresses, written [text](url) or bare', () => {
    expect(parseInline('see [the ticket](https://example.org/t/1) or https://example.org/x.')).toEqual([
      { t: 'text', v: 'see ' },
      { t: 'link', href: 'https://example.org/t/1', c: [{ t: 'text', v: 'the ticket' }] },
      { t: 'text', v: ' or ' },
      { t: 'link', href: 'https://example.org/x', c: [{ t: 'text', v: 'https://example.org/x' }] },
      { t: 'text', v: '.' },
    ]);
  });

  it('keeps javascript: and other schemes as text', () => {
    expect(parseInline('[click](javascript:alert(1)) [x](data:text/html,hi) [y](/relative)')).toEqual([
      { t: 'text', v: '[click](javascript:alert(1)) [x](data:text/html,hi) [y](/relative)' },
    ]);
  });
});
