// A small, safe Markdown subset for scenario texts (summaries, inject bodies) and notes: paragraphs,
// headings, bullet and numbered lists, block quotes, **strong**, *emphasis*, `code`, and links
// ([text](https://...) or a bare https://... address). The parse is pure; rendering builds DOM nodes
// (never innerHTML), so no text can inject markup. A link is made only to an http(s) address, opens
// with rel="noopener noreferrer"; any other scheme (javascript:, data:, ...) stays plain text.
import { h } from './dom';

export type Inline =
  | { t: 'text'; v: string }
  | { t: 'code'; v: string }
  | { t: 'strong'; c: Inline[] }
  | { t: 'em'; c: Inline[] }
  | { t: 'link'; href: string; c: Inline[] };

/** The address when it is an absolute http(s) URL, else null: the only links ever made. */
export function safeHref(raw: string): string | null {
  if (!/^https?:\/\//i.test(raw)) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** `[text](url)` at the start of `rest`: the text, the address and the length taken. */
const LINK = /^\[([^\]\n]+)\]\(([^)\s]+)\)/;
/** A bare address; trailing punctuation belongs to the sentence, not the link. */
const BARE = /^https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"]/i;

export type Block =
  | { t: 'p'; c: Inline[] }
  | { t: 'h'; level: number; c: Inline[] }
  | { t: 'ul' | 'ol'; items: Inline[][] }
  | { t: 'quote'; c: Block[] };

/** `**a** and *b* with `c`` -> inline nodes. Unclosed markers stay as text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) out.push({ t: 'text', v: buffer });
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    if (text[i] === '[') {
      const link = LINK.exec(text.slice(i));
      const href = link ? safeHref(link[2]!) : null;
      if (link && href) {
        flush();
        out.push({ t: 'link', href, c: parseInline(link[1]!) });
        i += link[0].length;
        continue;
      }
    } else if ((text[i] === 'h' || text[i] === 'H') && (i === 0 || /\s/.test(text[i - 1]!))) {
      const bare = BARE.exec(text.slice(i));
      const href = bare ? safeHref(bare[0]) : null;
      if (bare && href) {
        flush();
        out.push({ t: 'link', href, c: [{ t: 'text', v: bare[0] }] });
        i += bare[0].length;
        continue;
      }
    } else if (text[i] === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ t: 'code', v: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    } else if (text.startsWith('**', i)) {
      const end = text.indexOf('**', i + 2);
      if (end > i + 2) {
        flush();
        out.push({ t: 'strong', c: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    } else if (text[i] === '*' && text[i + 1] !== ' ') {
      const end = text.indexOf('*', i + 1);
      if (end > i + 1 && text[end - 1] !== ' ') {
        flush();
        out.push({ t: 'em', c: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    buffer += text[i];
    i += 1;
  }
  flush();
  return out;
}

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d+[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i += 1;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ t: 'h', level: heading[1]!.length, c: parseInline(heading[2]!) });
      i += 1;
      continue;
    }
    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) {
        inner.push(QUOTE.exec(lines[i]!)![1]!);
        i += 1;
      }
      blocks.push({ t: 'quote', c: parseMarkdown(inner.join('\n')) });
      continue;
    }
    const kind = BULLET.test(line) ? 'ul' : NUMBERED.test(line) ? 'ol' : null;
    if (kind) {
      const marker = kind === 'ul' ? BULLET : NUMBERED;
      const items: string[] = [];
      while (i < lines.length) {
        const current = lines[i]!;
        const item = marker.exec(current);
        if (item) items.push(item[1]!);
        else if (current.trim() && /^\s+/.test(current) && items.length) items[items.length - 1] += ` ${current.trim()}`;
        else break;
        i += 1;
      }
      blocks.push({ t: kind, items: items.map(parseInline) });
      continue;
    }
    const paragraph: string[] = [];
    while (
      i < lines.length &&
      lines[i]!.trim() &&
      !HEADING.test(lines[i]!) &&
      !QUOTE.test(lines[i]!) &&
      !BULLET.test(lines[i]!) &&
      !NUMBERED.test(lines[i]!)
    ) {
      paragraph.push(lines[i]!.trim());
      i += 1;
    }
    blocks.push({ t: 'p', c: parseInline(paragraph.join(' ')) });
  }
  return blocks;
}

function inlineNodes(nodes: Inline[]): (Node | string)[] {
  return nodes.map((n) => {
    switch (n.t) {
      case 'text':
        return n.v;
      case 'code':
        return h('code', {}, n.v);
      case 'strong':
        return h('strong', {}, ...inlineNodes(n.c));
      case 'em':
        return h('em', {}, ...inlineNodes(n.c));
      case 'link':
        return h('a', { href: n.href, rel: 'noopener noreferrer', target: '_blank' }, ...inlineNodes(n.c));
    }
  });
}

function blockNode(b: Block): HTMLElement {
  switch (b.t) {
    case 'p':
      return h('p', {}, ...inlineNodes(b.c));
    case 'h':
      // Scenario headings sit inside a card: never above h4.
      return h(b.level <= 1 ? 'h4' : b.level === 2 ? 'h5' : 'h6', {}, ...inlineNodes(b.c));
    case 'ul':
    case 'ol':
      return h(b.t, {}, ...b.items.map((item) => h('li', {}, ...inlineNodes(item))));
    case 'quote':
      return h('blockquote', {}, ...b.c.map(blockNode));
  }
}

/** The Markdown text as a <div class="md">. */
export function markdown(source: string): HTMLElement {
  return h('div', { class: 'md' }, ...parseMarkdown(source).map(blockNode));
}
