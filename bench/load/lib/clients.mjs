// Bench clients with one interface for every target: ready (resolves on the welcome), sendNote,
// close, and a `listener` the current mode sets: event(client, commandId, seq, t),
// result(client, commandId, ok, errorCode, t), closed(client, code). `t` is now() taken when the
// frame has been decoded (for every target alike: Socket.IO decodes before it calls back).
import WebSocket from 'ws';
import { io as socketIo } from 'socket.io-client';
import { now } from './util.mjs';

/**
 * What Chromium offers: `Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits` (ws
 * writes exactly that for clientMaxWindowBits left unset), and it compresses every message it
 * sends, however small (threshold 0). `false` (no offer) is the plain variant.
 */
export const CHROMIUM_DEFLATE = Object.freeze({ threshold: 0 });
export const deflateOffer = (deflate) => (deflate ? { ...CHROMIUM_DEFLATE } : false);

const IGNORE = { event() {}, result() {}, closed() {} };

class BaseClient {
  constructor(roomIndex) {
    this.roomIndex = roomIndex;
    this.listener = IGNORE;
    this.lastSeq = null;
    this.seqErrors = 0; // events not exactly lastSeq + 1: a gap or a duplicate
    this.errorFrames = 0; // {"type":"error"} frames, e.g. rate_limited
    this.closed = false;
    this.closing = false; // close() was called: the close that follows is not a failure
    this.closeCode = null;
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
  }

  welcomed(seq) {
    this.lastSeq = seq;
    this.resolveReady(this);
  }

  eventReceived(commandId, seq, t) {
    if (this.lastSeq != null && seq !== this.lastSeq + 1) {
      this.seqErrors++;
    }
    this.lastSeq = seq;
    this.listener.event(this, commandId, seq, t);
  }

  closedWith(code, why) {
    if (this.closed) return;
    this.closed = true;
    this.closeCode = code;
    this.rejectReady(new Error(`closed before welcome (${code}${why ? ': ' + why : ''})`));
    if (!this.closing) {
      this.listener.closed(this, code);
    }
  }
}

/** A raw WebSocket speaking Sitroom's JSON frames: Sitroom itself and the bare relay. */
export class JsonFrameClient extends BaseClient {
  constructor(roomIndex, url, headers, deflate) {
    super(roomIndex);
    // No Origin header (ws sends none); permessage-deflate offered as Chromium offers it, or not at all.
    this.ws = new WebSocket(url, { headers, perMessageDeflate: deflateOffer(deflate) });
    this.ws.on('message', (data) => this.receive(data));
    this.ws.on('unexpected-response', (req, res) => {
      this.closedWith(res.statusCode, 'upgrade refused');
      req.destroy();
    });
    this.ws.on('error', (error) => this.closedWith(-1, error.message));
    this.ws.on('close', (code, reason) => this.closedWith(code, reason.toString()));
  }

  receive(data) {
    const frame = JSON.parse(data.toString());
    const t = now();
    switch (frame.type) {
      case 'event':
        this.eventReceived(frame.commandId, frame.seq, t);
        break;
      case 'result':
        this.listener.result(this, frame.commandId, frame.ok, frame.ok ? null : frame.error?.code, t);
        break;
      case 'welcome':
        this.welcomed(frame.seq);
        break;
      case 'error':
        this.errorFrames++;
        break;
      default:
        break;
    }
  }

  sendNote(commandId, text) {
    this.ws.send(JSON.stringify({ type: 'command', commandId, name: 'note.add', data: { text } }));
  }

  close() {
    this.closing = true;
    this.ws.terminate();
  }
}

/** A Socket.IO client on the websocket transport, its own connection (forceNew), no reconnection. */
export class SocketIoClient extends BaseClient {
  constructor(roomIndex, baseUrl, room, user, deflate) {
    super(roomIndex);
    this.socket = socketIo(baseUrl, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      // engine.io-client hands this to ws: the same offer as the other targets' clients.
      perMessageDeflate: deflateOffer(deflate),
      query: { room, user },
    });
    this.socket.on('welcome', (frame) => this.welcomed(frame.seq));
    this.socket.on('event', (event) => this.eventReceived(event.commandId, event.seq, now()));
    this.socket.on('connect_error', (error) => this.closedWith(-1, error.message));
    this.socket.on('disconnect', (reason) => this.closedWith(1000, reason));
  }

  sendNote(commandId, text) {
    this.socket.emit('command', { type: 'command', commandId, name: 'note.add', data: { text } }, (result) =>
      this.listener.result(this, result.commandId, result.ok, result.ok ? null : result.error?.code, now()),
    );
  }

  close() {
    this.closing = true;
    this.socket.disconnect();
  }
}
