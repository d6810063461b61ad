#!/usr/bin/env node
// Socket.IO rooms, the same semantics as relay.mjs, the idiomatic way: a client connects with
// query {room, user} (websocket transport), is put in the room and gets a 'welcome' {roomId, seq}.
// It sends 'command' {commandId, name:"note.add", data:{text}} with an acknowledgement callback;
// the server builds the Sitroom-shaped event once, broadcasts it with io.to(room).emit('event', ...)
// (Socket.IO encodes a broadcast packet once for all sockets) and acknowledges with
// {type:"result", commandId, ok:true, seq}. No persistence, no authentication, no limits.
// GET /stats answers heap and RSS (after a GC when run with --expose-gc).
//
//   node --expose-gc socketio-server.mjs [--port 18096] [--deflate 0]
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { Server } from 'socket.io';
import { PeerRoom, newActor, commandProblem, statsHandler } from './lib/peer-room.mjs';

const { values: args } = parseArgs({ options: { port: { type: 'string', default: '18096' }, deflate: { type: 'string', default: '1' } } });
const rooms = new Map(); // roomId -> PeerRoom

const stats = statsHandler(() => ({ connections: io.engine.clientsCount, rooms: rooms.size }));
const http = createServer((req, res) => {
  if (!stats(req, res) && !req.url.startsWith('/socket.io')) {
    res.writeHead(404).end();
  }
});
const io = new Server(http, {
  transports: ['websocket'],
  // Accepted when the client offers it, every message compressed (threshold 0, like Sitroom). With
  // it on, engine.io no longer writes a broadcast's pre-encoded frame to every socket (not even to
  // those that did not negotiate it), so runs without compression use a server started --deflate 0.
  perMessageDeflate: args.deflate === '0' ? false : { threshold: 0 },
  httpCompression: false,
  serveClient: false,
  maxHttpBufferSize: 1 << 20,
});

function roomOf(roomId) {
  let room = rooms.get(roomId);
  if (!room) {
    room = new PeerRoom(roomId);
    rooms.set(roomId, room);
  }
  return room;
}

io.on('connection', (socket) => {
  const roomId = String(socket.handshake.query.room || '');
  const room = roomOf(roomId);
  const actor = newActor(String(socket.handshake.query.user || 'bench'));
  socket.join(roomId);
  socket.emit('welcome', { type: 'welcome', roomId, seq: room.seq });
  socket.on('command', (frame, ack) => {
    const reply = typeof ack === 'function' ? ack : () => {};
    const problem = commandProblem(frame);
    if (problem) {
      reply({ type: 'result', commandId: frame && frame.commandId, ok: false, error: { code: 'invalid', message: problem } });
      return;
    }
    const event = room.noteAdded(actor, frame.commandId, frame.data.text);
    io.to(roomId).emit('event', event);
    reply({ type: 'result', commandId: frame.commandId, ok: true, seq: event.seq });
  });
});

http.listen(Number(args.port), '0.0.0.0', () => console.log(`socket.io listening on ${args.port}`));
