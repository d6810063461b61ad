// The room state the peers (relay.mjs, socketio-server.mjs) keep: a per-room seq and hash chain,
// and the event shaped like Sitroom's event frame (same fields, similar size), built once per command.
import { createHash, randomUUID } from 'node:crypto';

const GENESIS = '0'.repeat(64);

export class PeerRoom {
  constructor(roomId) {
    this.roomId = roomId;
    this.seq = 0;
    this.headHash = GENESIS;
  }

  /**
   * Appends a note.added event for a command (in memory only: the peers persist nothing) and
   * returns it as an object; the caller serialises it once for the whole room.
   */
  noteAdded(actor, commandId, text) {
    const seq = ++this.seq;
    const event = {
      type: 'event',
      roomId: this.roomId,
      seq,
      at: new Date().toISOString(),
      kind: 'note.added',
      actor,
      commandId,
      data: { text, visibleTo: null },
    };
    this.headHash = createHash('sha256').update(this.headHash).update(JSON.stringify(event)).digest('hex');
    event.hash = this.headHash;
    return event;
  }
}

/** An actor like Sitroom's: a user id, a display name and the roles in the room. */
export function newActor(displayName) {
  return { userId: randomUUID(), displayName: displayName || 'bench', roles: ['participant'] };
}

/** Checks a command frame; returns an error message or null when it is a usable note.add. */
export function commandProblem(frame) {
  if (!frame || frame.type !== 'command') return 'not a command frame';
  if (typeof frame.commandId !== 'string' || frame.commandId.length < 1 || frame.commandId.length > 64) {
    return 'bad commandId';
  }
  if (frame.name !== 'note.add') return 'unknown command';
  if (!frame.data || typeof frame.data.text !== 'string') return 'data.text missing';
  return null;
}

/** GET /stats for the peers: heap and RSS after a full GC when node runs with --expose-gc. */
export function statsHandler(extra) {
  return (req, res) => {
    if (!req.url.startsWith('/stats')) {
      return false;
    }
    const collected = typeof global.gc === 'function';
    if (collected) {
      global.gc();
    }
    const memory = process.memoryUsage();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ heapUsed: memory.heapUsed, rss: memory.rss, gc: collected, ...extra() }));
    return true;
  };
}
