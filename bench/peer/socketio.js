'use strict';
// The second benchmark peer: the same broadcast on socket.io 4 (driven by
// confab-loadgen fanout --peer --socketio). Each `send_message` event is answered as
// server.js answers it: one `m` event with the `new_message` frame to everyone (socket.io
// encodes a broadcast once and writes the same packet to every client) and an `m` event with
// the `ack` to the sender. WebSocket transport only, no storage, no auth, no rooms.
const http = require('http');
const { Server } = require('socket.io');

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
    const message = {
      messageId: 'm' + seq, roomId: f.roomId, seq, authorId: 'u1', authorName: 'Peer', authorAvatar: null,
      content: f.content, type: 'text', timestamp: new Date().toISOString(), reactions: {}, replyTo: null,
      isEdited: false, editedAt: null, isDeleted: false, isAnonymous: false, anonymousName: null,
      attachments: [], clientMsgId: f.clientMsgId,
    };
    io.emit('m', { type: 'new_message', seq, message });
    socket.emit('m', { type: 'ack', clientMsgId: f.clientMsgId, message });
  });
});

httpServer.listen(port, '127.0.0.1', () => {
  console.log('listening on 127.0.0.1:' + httpServer.address().port);
});
