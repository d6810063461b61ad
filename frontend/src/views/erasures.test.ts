import { describe, expect, it } from 'vitest';
import { type ErasureRequest, FILTERS, listPath, rejectionReason, requestVars } from './erasures';

const pending: ErasureRequest = {
  erasureId: 'e1',
  roomId: 'r1',
  roomTitle: 'Ransomware at the plant',
  seq: 12,
  kind: 'note.added',
  reason: 'GDPR art. 17, request 2026-17',
  requestedBy: 'u1',
  requestedByName: 'Lea Legal',
  requestedAt: '2026-12-02T10:00:00.000Z',
  status: 'pending',
  decidedBy: null,
  decidedByName: null,
  decidedAt: null,
  decisionReason: null,
};

describe('the erasure queue', () => {
  it('asks for one status, or for every one', () => {
    expect(FILTERS).toEqual(['pending', 'erased', 'rejected', 'all']);
    expect(listPath('pending')).toBe('/api/admin/erasures?status=pending');
    expect(listPath('rejected')).toBe('/api/admin/erasures?status=rejected');
    expect(listPath('all')).toBe('/api/admin/erasures');
  });

  it('sends a rejection only with a reason, trimmed', () => {
    expect(rejectionReason('  not a personal datum  ')).toBe('not a personal datum');
    expect(rejectionReason('   ')).toBeNull();
    expect(rejectionReason('')).toBeNull();
  });

  it('names a request by its room, entry and kind, never by the content it would erase', () => {
    expect(requestVars(pending)).toEqual({ room: 'Ransomware at the plant', seq: '12', kind: 'note.added' });
  });
});
