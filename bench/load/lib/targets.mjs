// The three targets behind one interface:
//   prepare({rooms, clientsPerRoom, perUser}) -> plan: [{ref, identities}] (client c of a room
//     connects as identities[floor(c / perUser)], so no user holds more than perUser sockets);
//   connect(roomIndex, plan room, identity) -> a client from clients.mjs;
//   heap() -> {bytes, gc} (the server's heap in use, after a full GC when that is possible).
// `deflate` (true by default in loadgen.mjs): the clients offer permessage-deflate as Chromium does.
// Sitroom is prepared over its REST API (docs/protocol.md): the admin signs in, bench users are
// created once (bench-u0, bench-u1, ...; reused by later runs) and sign in for bearer tokens, the
// admin creates fresh rooms (so it is their incident commander) and adds the users as participants.
import { randomUUID } from 'node:crypto';
import { JsonFrameClient, SocketIoClient } from './clients.mjs';
import { jvmFullGc } from './proc.mjs';
import { mapLimit } from './util.mjs';

const REST_CONCURRENCY = 8;
const BENCH_PASSWORD = 'bench-user-password-2026';

export function createTarget(name, options) {
  switch (name) {
    case 'sitroom':
      return new SitroomTarget(options);
    case 'relay':
      return new RelayTarget(options);
    case 'socketio':
      return new SocketIoTarget(options);
    default:
      throw new Error(`unknown target ${name} (sitroom, relay, socketio)`);
  }
}

const usersNeeded = (rooms, clientsPerRoom, perUser) => rooms * Math.ceil(clientsPerRoom / perUser);

class SitroomTarget {
  constructor({ url, adminPassword, serverPid, deflate }) {
    this.name = 'sitroom';
    this.deflate = deflate;
    this.persistent = true;
    this.base = url.replace(/\/$/, '');
    this.wsBase = this.base.replace(/^http/, 'ws');
    this.adminPassword = adminPassword;
    this.serverPid = serverPid;
    this.identities = []; // bench-u<i> -> {userId, token, username}, grown on demand
  }

  async request(method, path, body, token) {
    const headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(this.base + path, { method, headers, body: body && JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  async expect(status, method, path, body, token) {
    const answer = await this.request(method, path, body, token);
    if (!status.includes(answer.status)) {
      throw new Error(`${method} ${path} -> ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body;
  }

  async signIn(username, password) {
    return this.expect([200], 'POST', '/api/auth/login', { username, password });
  }

  async adminToken() {
    if (!this.admin) {
      this.admin = (await this.signIn('admin', this.adminPassword)).token;
    }
    return this.admin;
  }

  /** bench-u0 .. bench-u<count-1>: created when missing (409 = made by an earlier run), signed in. */
  async ensureUsers(count) {
    const admin = await this.adminToken();
    const missing = Array.from({ length: Math.max(0, count - this.identities.length) }, (_, i) => this.identities.length + i);
    const made = await mapLimit(missing, REST_CONCURRENCY, async (index) => {
      const username = `bench-u${index}`;
      await this.expect([201, 409], 'POST', '/api/users', { username, displayName: `Bench ${index}`, password: BENCH_PASSWORD }, admin);
      const session = await this.signIn(username, BENCH_PASSWORD);
      return { username, userId: session.user.id, token: session.token, expiresAt: session.expiresAt };
    });
    this.identities.push(...made);
    return this.identities.slice(0, count);
  }

  async prepare({ rooms, clientsPerRoom, perUser, label }) {
    const usersPerRoom = Math.ceil(clientsPerRoom / perUser);
    const users = await this.ensureUsers(usersNeeded(rooms, clientsPerRoom, perUser));
    const admin = await this.adminToken();
    return mapLimit(Array.from({ length: rooms }, (_, r) => r), REST_CONCURRENCY, async (r) => {
      const room = await this.expect([201], 'POST', '/api/rooms', { kind: 'INCIDENT', title: `bench ${label} #${r}`, severity: 'SEV4' }, admin);
      const identities = users.slice(r * usersPerRoom, (r + 1) * usersPerRoom);
      for (const identity of identities) {
        await this.expect([201], 'POST', `/api/rooms/${room.id}/members`, { userId: identity.userId, roles: ['participant'] }, admin);
      }
      return { ref: room.id, identities };
    });
  }

  connect(roomIndex, room, identity) {
    const { url, headers } = this.connection(room, identity);
    return new JsonFrameClient(roomIndex, url, headers, this.deflate);
  }

  /** Where and how a client of this identity connects to the room (for a client in another process). */
  connection(room, identity) {
    return { url: `${this.wsBase}/ws/rooms/${room.ref}`, headers: { authorization: `Bearer ${identity.token}` } };
  }

  /** Heap in use from /q/metrics (sum of jvm_memory_used_bytes{area="heap"}), after jcmd GC.run when the pid is known. */
  async heap() {
    const gc = jvmFullGc(this.serverPid);
    // /q/metrics is for the admin (or a metrics token) outside dev mode.
    const text = await (await fetch(`${this.base}/q/metrics`, { headers: { authorization: `Bearer ${await this.adminToken()}` } })).text();
    let bytes = 0;
    for (const line of text.split('\n')) {
      if (line.startsWith('jvm_memory_used_bytes{') && line.includes('area="heap"')) {
        bytes += Number(line.slice(line.lastIndexOf(' ') + 1));
      }
    }
    return { bytes, gc };
  }
}

/** Relay and Socket.IO need no set-up: rooms are uuids (Sitroom-sized ids), users are names. */
class PeerTarget {
  constructor({ url, deflate }) {
    this.persistent = false;
    this.deflate = deflate;
    this.base = url.replace(/\/$/, '');
  }

  async prepare({ rooms, clientsPerRoom, perUser }) {
    const usersPerRoom = Math.ceil(clientsPerRoom / perUser);
    return Array.from({ length: rooms }, (_, r) => ({
      ref: randomUUID(),
      identities: Array.from({ length: usersPerRoom }, (_, u) => ({ username: `bench-u${r * usersPerRoom + u}` })),
    }));
  }

  /** Heap in use from the peer's GET /stats (after a GC when it runs with --expose-gc). */
  async heap() {
    const stats = await (await fetch(`${this.base}/stats`)).json();
    return { bytes: stats.heapUsed, gc: stats.gc };
  }
}

class RelayTarget extends PeerTarget {
  constructor(options) {
    super(options);
    this.name = 'relay';
  }

  connect(roomIndex, room, identity) {
    const url = `${this.base.replace(/^http/, 'ws')}/rooms/${room.ref}?user=${encodeURIComponent(identity.username)}`;
    return new JsonFrameClient(roomIndex, url, {}, this.deflate);
  }
}

class SocketIoTarget extends PeerTarget {
  constructor(options) {
    super(options);
    this.name = 'socketio';
  }

  connect(roomIndex, room, identity) {
    return new SocketIoClient(roomIndex, this.base, room.ref, identity.username, this.deflate);
  }
}

/**
 * Opens clientsPerRoom clients in every room of the plan, `concurrency` handshakes at a time, and
 * resolves when each has its welcome. Returns the clients, room by room.
 */
export async function connectAll(target, plan, clientsPerRoom, perUser, concurrency) {
  const slots = [];
  plan.forEach((room, r) => {
    for (let c = 0; c < clientsPerRoom; c++) {
      slots.push({ r, room, identity: room.identities[Math.floor(c / perUser)] });
    }
  });
  return mapLimit(slots, concurrency, async ({ r, room, identity }) => {
    const client = target.connect(r, room, identity);
    await client.ready;
    return client;
  });
}
