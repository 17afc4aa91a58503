// SPDX-License-Identifier: GPL-3.0-or-later
'use strict';
// The second benchmark peer: the same broadcast on socket.io 4 (driven by
// confab-loadgen fanout --peer --socketio). Each `send_message` event is answered as
// server.js answers it: one `m` event with the `new_message` frame to everyone (socket.io
// encodes a broadcast once and writes the same packet to every client) and an `m` event with
// the `ack` to the sender. WebSocket transport only, no storage, no auth, no rooms.
const http = require('http');
const { Server } = require('socket.io');
const peerMessage = require('./message');

const port = Number(process.argv[2] || 0);
const httpServer = http.createServer();
const io = new Server(httpServer, { transports: ['websocket'], perMessageDeflate: false, maxHttpBufferSize: 64 * 1024 });
let seq = 0;

io.on('connection', (socket) => {
  socket.on('send_message', (f) => {
    if (!f || typeof f.content !== 'string') {
      socket.emit('m', { type: 'error', code: 'BAD_REQUEST', message: 'unknown frame' });
      return;
    }
    seq += 1;
    const message = peerMessage(seq, f);
    io.emit('m', { type: 'new_message', seq, message });
    socket.emit('m', { type: 'ack', clientMsgId: f.clientMsgId, message });
  });
});

httpServer.listen(port, '127.0.0.1', () => {
  console.log('listening on 127.0.0.1:' + httpServer.address().port);
});
