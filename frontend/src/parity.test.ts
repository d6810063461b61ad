/// <reference types="node" />
// Parity with the server: every fixture that ParityFixturesTest.java writes holds a member's snapshot
// at seq n, every frame that member's socket received after it up to seq m, and the snapshot at m.
// Folding the frames into the first snapshot with the client's reducers must give the second one,
// exactly, for every member of every random history (incidents and exercises, every role).
//
// Compared: every field but the transport ones, `seq` and `headHash` (the head of the log moves with
// events this member may not see; neither is derived). `can` is compared too: the fixtures carry the
// `can` frames the socket sent, and applying them must give the snapshot's list (the snapshot's
// `can` is not derived from events; it arrives by its own frame).
//
// Fixtures come from `PARITY_FIXTURES` (default ../target/parity-fixtures, written by
// `./mvnw test -Dtest=ParityFixturesTest`). Without them the suite is skipped, unless
// PARITY_FIXTURES was set, which then fails: CI sets it after the Maven run.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type RoomView, applyCan, applyEvent, readAt } from './state';
import type { CanFrame, RoomEvent, RoomSnapshot, WelcomeFrame } from './types';

interface Fixture {
  name: string;
  kind: string;
  viewer: { userId: string; displayName: string; rolesBefore: string[]; rolesAfter: string[] };
  n: number;
  m: number;
  /** The server's clock when the snapshot at m was taken. */
  now: string;
  commands: Record<string, number>;
  before: RoomSnapshot;
  frames: (RoomEvent | CanFrame | WelcomeFrame)[];
  after: RoomSnapshot;
}

const explicit = process.env.PARITY_FIXTURES;
const dir = resolve(explicit || '../target/parity-fixtures');
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];

/** The client's view at m: the snapshot at n, every frame after it, read at the server's time then. */
function replay(fixture: Fixture): RoomSnapshot {
  let view: RoomView = {
    room: fixture.before,
    you: { userId: fixture.viewer.userId, displayName: fixture.viewer.displayName, roles: fixture.viewer.rolesBefore },
  };
  for (const frame of fixture.frames) {
    if (frame.type === 'resync') {
      view = { room: frame.room, you: frame.you };
    } else if (frame.type === 'can') {
      view = applyCan(view, frame);
    } else if (frame.type === 'event') {
      view = applyEvent(view, frame);
    }
  }
  return readAt(view.room, Date.parse(fixture.now));
}

function withoutTransport(room: RoomSnapshot): Record<string, unknown> {
  const { seq: _seq, headHash: _headHash, ...rest } = room;
  return rest;
}

if (files.length === 0) {
  if (explicit) {
    describe('parity with the server', () => {
      it(`finds fixtures in ${dir}`, () => {
        expect.fail(`PARITY_FIXTURES=${explicit}: no fixtures in ${dir}; run ./mvnw test -Dtest=ParityFixturesTest first`);
      });
    });
  } else {
    describe.skip(`parity with the server (no fixtures in ${dir}: run ./mvnw test -Dtest=ParityFixturesTest, or set PARITY_FIXTURES)`, () => {
      it('replays the fixtures', () => {});
    });
  }
} else {
  describe(`parity with the server (${files.length} fixtures in ${dir})`, () => {
    it('covers incidents and exercises, and every role', () => {
      const fixtures = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);
      expect(new Set(fixtures.map((f) => f.kind))).toEqual(new Set(['INCIDENT', 'EXERCISE']));
      const roles = new Set(fixtures.flatMap((f) => f.viewer.rolesBefore));
      for (const role of ['incident_commander', 'containment_lead', 'comms_approver', 'legal', 'scribe', 'executive', 'observer', 'facilitator']) {
        expect(roles, `a fixture seen by a ${role}`).toContain(role);
      }
      // The report's release reaches players and the facilitator in some window.
      const released = fixtures.filter((f) => f.frames.some((frame) => frame.type === 'event' && frame.kind === 'report.released'));
      expect(new Set(released.flatMap((f) => f.viewer.rolesBefore)), 'report.released seen by a player').toContain('executive');
      expect(new Set(released.flatMap((f) => f.viewer.rolesBefore)), 'report.released seen by the facilitator').toContain('facilitator');
    });

    for (const file of files) {
      it(file.replace(/\.json$/, ''), () => {
        const fixture = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Fixture;
        expect(fixture.before.seq).toBe(fixture.n);
        expect(fixture.after.seq).toBe(fixture.m);
        const got = withoutTransport(replay(fixture));
        const want = withoutTransport(fixture.after);
        // Section by section, so a mismatch names its section.
        for (const key of new Set([...Object.keys(want), ...Object.keys(got)])) {
          expect(got[key], `${fixture.name}: ${key}`).toEqual(want[key]);
        }
      });
    }
  });
}
