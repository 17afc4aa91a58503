// SPDX-License-Identifier: GPL-3.0-or-later
'use strict';
// The benchmark peer: a broadcast server on Node's `ws` package, driven by confab-loadgen --peer.
// Every `send_message` frame it receives is answered like Confab answers it: an `ack` to the
// sender and one `new_message` frame (same field names and shape) to every connected client,
// serialised once and sent as the same bytes to all. No storage, no auth, no rooms: it is the
// lower bound of what a WebSocket fan-out costs in Node.
const { WebSocketServer } = require('ws');
const peerMessage = require('./message');

const port = Number(process.argv[2] || 0);
const wss = new WebSocketServer({ host: '127.0.0.1', port, perMessageDeflate: false, maxPayload: 64 * 1024 });
let seq = 0;

wss.on('connection', (ws) => {
  ws.send(JSON.stringify({ type: 'hello', user: { userId: 'peer' }, serverTime: Date.now() }));
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    let f;
    try {
      f = JSON.parse(data.toString('utf8'));
    } catch {
      ws.send(JSON.stringify({ type: 'error', code: 'INVALID_JSON', message: 'invalid JSON' }));
      return;
    }
    if (f.type === 'ping') {
      ws.send(JSON.stringify({ type: 'pong', id: f.id, serverTime: Date.now() }));
      return;
    }
    if (f.type !== 'send_message' || typeof f.content !== 'string') {
      ws.send(JSON.stringify({ type: 'error', code: 'BAD_REQUEST', message: 'unknown frame' }));
      return;
    }
    seq += 1;
    const message = peerMessage(seq, f);
    const frame = Buffer.from(JSON.stringify({ type: 'new_message', seq, message }));
    for (const client of wss.clients) {
      if (client.readyState === 1) client.send(frame, { binary: false });
    }
    ws.send(JSON.stringify({ type: 'ack', clientMsgId: f.clientMsgId, message }));
  });
});

wss.on('listening', () => {
  console.log('listening on 127.0.0.1:' + wss.address().port);
});
