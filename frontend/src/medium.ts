// An inject's medium (issue 18, item 4) as event data carries it, checked: pure, shared by the
// reducers (the exercise view) and the participant's feed (the timeline).
import type { InjectMedium } from './types';

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : null;
}

/**
 * An inject's medium from event data (`inject.delivered`'s `medium`), or null: absent, a kind this
 * client does not know, or a required field missing. Null renders the inject as a plain message, so
 * nothing it says is lost.
 */
export function readMedium(value: unknown): InjectMedium | null {
  if (!value || typeof value !== 'object') return null;
  const m = value as Record<string, unknown>;
  switch (m.kind) {
    case 'news': {
      const outlet = text(m.outlet);
      const headline = text(m.headline);
      return outlet && headline ? { kind: 'news', outlet, headline, byline: text(m.byline) } : null;
    }
    case 'social': {
      const author = text(m.author);
      const handle = text(m.handle);
      const likes = count(m.likes);
      const shares = count(m.shares);
      return author && handle && likes !== null && shares !== null
        ? { kind: 'social', author, handle: handle.replace(/^@/, ''), likes, shares, platform: text(m.platform) }
        : null;
    }
    case 'email': {
      const from = text(m.from);
      const to = texts(m.to);
      const subject = text(m.subject);
      const cc = texts(m.cc);
      return from && to.length && subject ? { kind: 'email', from, to, subject, cc: cc.length ? cc : null } : null;
    }
    case 'call': {
      const caller = text(m.caller);
      return caller ? { kind: 'call', caller, callee: text(m.callee), durationSeconds: count(m.durationSeconds) } : null;
    }
    case 'document': {
      const title = text(m.title);
      const filename = text(m.filename);
      return title || filename ? { kind: 'document', title, filename, classification: text(m.classification) } : null;
    }
    default:
      return null;
  }
}
