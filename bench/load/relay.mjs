#!/usr/bin/env node
// Bare `ws` relay: the practical ceiling for room fan-out on this machine. No persistence, no
// authentication, no limits. A client connects to ws://host:port/rooms/<room>?user=<name> and gets
// {"type":"welcome","roomId","seq"}. For each {"type":"command","commandId","name":"note.add",
// "data":{"text"}} the relay builds ONE event frame (shaped like Sitroom's: type, roomId, seq, at,
// kind, actor, commandId, data, hash), encodes it once to a Buffer and writes it to every socket of
// the room (the sender included), then answers the sender {"type":"result","commandId","ok":true,"seq"}.
// GET /stats answers heap and RSS (after a GC when run with --expose-gc), for the idle measurement.
//
//   node --expose-gc relay.mjs [--port 18095]
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { WebSocketServer, WebSocket } from 'ws';
import { PeerRoom, newActor, commandProblem, statsHandler } from './lib/peer-room.mjs';

const { values: args } = parseArgs({ options: { port: { type: 'string', default: '18095' } } });
const rooms = new Map(); // roomId -> { room: PeerRoom, sockets: Set<WebSocket> }
let connections = 0;

const stats = statsHandler(() => ({ connections, rooms: rooms.size }));
const http = createServer((req, res) => {
  if (!stats(req, res)) {
    res.writeHead(404).end();
  }
});
// permessage-deflate is accepted when a client offers it (as Sitroom does), every message compressed
// (threshold 0, like Sitroom). ws compresses per socket: the one encoded frame is deflated once for
// each socket that negotiated it. Clients that offer nothing get plain frames.
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: { threshold: 0 }, maxPayload: 1 << 20 });

http.on('upgrade', (req, socket, head) => {
  const url = new URL(req.url, 'http://relay');
  const match = url.pathname.match(/^\/rooms\/([^/]+)$/);
  if (!match) {
    socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => join(ws, decodeURIComponent(match[1]), url.searchParams.get('user')));
});

function roomOf(roomId) {
  let entry = rooms.get(roomId);
  if (!entry) {
    entry = { room: new PeerRoom(roomId), sockets: new Set() };
    rooms.set(roomId, entry);
  }
  return entry;
}

function join(ws, roomId, user) {
  const entry = roomOf(roomId);
  const actor = newActor(user);
  entry.sockets.add(ws);
  connections++;
  ws.send(JSON.stringify({ type: 'welcome', roomId, seq: entry.room.seq }));
  ws.on('message', (data) => receive(ws, entry, actor, data));
  ws.on('close', () => {
    entry.sockets.delete(ws);
    connections--;
  });
}

function receive(ws, entry, actor, data) {
  let frame;
  try {
    frame = JSON.parse(data.toString());
  } catch {
    ws.send(JSON.stringify({ type: 'error', error: { code: 'invalid', message: 'frame is not JSON' } }));
    return;
  }
  if (frame.type === 'ping') {
    ws.send('{"type":"pong"}');
    return;
  }
  const problem = commandProblem(frame);
  if (problem) {
    ws.send(JSON.stringify({ type: 'result', commandId: frame.commandId, ok: false, error: { code: 'invalid', message: problem } }));
    return;
  }
  const event = entry.room.noteAdded(actor, frame.commandId, frame.data.text);
  broadcast(entry.sockets, Buffer.from(JSON.stringify(event)));
  ws.send(JSON.stringify({ type: 'result', commandId: frame.commandId, ok: true, seq: event.seq }));
}

/** Writes one encoded frame to every open socket of the room. */
function broadcast(sockets, frame) {
  for (const socket of sockets) {
    if (socket.readyState === WebSocket.OPEN) {
      socket.send(frame, { binary: false });
    }
  }
}

http.listen(Number(args.port), '0.0.0.0', () => console.log(`relay listening on ${args.port}`));
