// A flooding client: one more connection in the room that sends `rate` frames a second (in bursts
// every 10 ms) while the fan-out step runs, to show what one abusive client costs everybody else.
// It runs in a child process of its own, so its sending does not stall the generator's event loop
// (it still shares the generator's core). Frames are pings (the cheapest thing a client can make
// the server answer) or note.add commands (which the server must rate-limit). When the server
// closes it, it comes straight back (after 100 ms), as a determined flooder would.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const TICK_MS = 10;
const RECONNECT_MS = 100;

/** Starts the flooding process; stop() ends it and resolves with what it saw. */
export function startFlood({ url, headers, rate, frame }) {
  const child = fork(fileURLToPath(import.meta.url), ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = new Promise((resolve, reject) => {
    child.once('message', (m) => (m.ready ? resolve() : reject(new Error(m.error))));
  });
  child.send({ url, headers, rate, frame });
  return {
    ready,
    stop: () =>
      new Promise((resolve) => {
        child.on('message', (m) => m.framesPerSecond !== undefined && resolve(m));
        child.send({ stop: true });
      }),
  };
}

function runChild() {
  process.once('message', ({ url, headers, rate, frame }) => {
    const perTick = Math.max(1, Math.round((rate * TICK_MS) / 1000));
    const stats = { sent: 0, errorFrames: 0, closes: {}, refusedUpgrades: 0, connections: 0 };
    let k = 0;
    let ws = null;
    let stopping = false;
    let announced = false;
    const startedAt = Date.now();
    const payload = () =>
      frame === 'note'
        ? JSON.stringify({ type: 'command', commandId: `flood-${k++}`, name: 'note.add', data: { text: 'flood' } })
        : '{"type":"ping"}';
    const connect = () => {
      ws = new WebSocket(url, { headers, perMessageDeflate: false });
      ws.on('message', (data) => {
        const text = data.toString();
        if (text.startsWith('{"type":"welcome"')) {
          stats.connections++;
          if (!announced) {
            announced = true;
            process.send({ ready: true });
          }
        } else if (text.startsWith('{"type":"error"')) {
          stats.errorFrames++;
        }
      });
      let retried = false;
      const retry = () => {
        if (!stopping && !retried) {
          retried = true;
          setTimeout(connect, RECONNECT_MS);
        }
      };
      ws.on('unexpected-response', (req) => {
        stats.refusedUpgrades++;
        req.destroy();
        retry(); // refused (429): try again, as a determined flooder would
      });
      ws.on('close', (code) => {
        stats.closes[code] = (stats.closes[code] || 0) + 1;
        retry();
      });
      ws.on('error', () => {});
    };
    connect();
    const timer = setInterval(() => {
      for (let i = 0; i < perTick && ws.readyState === WebSocket.OPEN; i++) {
        ws.send(payload());
        stats.sent++;
      }
    }, TICK_MS);
    process.on('message', (m) => {
      if (!m.stop) return;
      stopping = true;
      clearInterval(timer);
      setTimeout(() => {
        const seconds = (Date.now() - startedAt) / 1000;
        process.send({ framesPerSecond: stats.sent / seconds, errorFrames: stats.errorFrames, connections: stats.connections,
          refusedUpgrades: stats.refusedUpgrades, closes: stats.closes });
        ws.terminate();
        process.exit(0);
      }, 200);
    });
  });
}

if (process.argv.includes('--child')) runChild();
