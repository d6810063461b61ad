import { describe, expect, it } from 'vitest';
import { publicControl } from './panels/publicPage';
import { applyEvent, type RoomView } from './state';
import { ev, icView } from './roomViewFixture';
import { componentStatusText, describeCommand } from './views/components';

const view: RoomView = icView(['note.add', 'room.private', 'room.public'], { public: false });

describe('the public status page in the console', () => {
  it('follows room.made_public and room.made_private', () => {
    const made = applyEvent(view, ev(3, 'room.made_public'));
    expect(made.room.public).toBe(true);
    expect(applyEvent(made, ev(4, 'room.made_private')).room.public).toBe(false);
    expect(view.room.public).toBe(false);
  });

  it('offers the control that applies, only when can lists it', () => {
    expect(publicControl(false, view.room.can)).toBe('room.public');
    expect(publicControl(true, view.room.can)).toBe('room.private');
    expect(publicControl(false, ['note.add'])).toBeNull();
    expect(publicControl(true, ['room.public'])).toBeNull();
  });
});

describe('components', () => {
  const api = { id: 'c1', name: 'API', description: 'Public API', status: 'operational', position: 0, createdAt: '', updatedAt: '' };

  it('describes only what changed, or nothing', () => {
    expect(describeCommand(api, 'API', 'Public API')).toBeNull();
    expect(describeCommand(api, ' Public API v2 ', 'Public API')).toEqual({ componentId: 'c1', name: 'Public API v2' });
    expect(describeCommand(api, 'API', 'Orders and payments')).toEqual({ componentId: 'c1', description: 'Orders and payments' });
  });

  it('names statuses in words, an unknown one as it is', () => {
    expect(componentStatusText('partial_outage')).toBe('Partial outage');
    expect(componentStatusText('on_fire')).toBe('on_fire');
  });
});
