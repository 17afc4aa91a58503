// SPDX-License-Identifier: GPL-3.0-or-later
'use strict';
// The message both peers answer a send_message with: Confab's field names and shape.
module.exports = function peerMessage(seq, f) {
  return {
    messageId: 'm' + seq, roomId: f.roomId, seq, authorId: 'u1', authorName: 'Peer', authorAvatar: null,
    content: f.content, type: 'text', timestamp: new Date().toISOString(), reactions: {}, replyTo: null,
    isEdited: false, editedAt: null, isDeleted: false, isAnonymous: false, anonymousName: null,
    attachments: [], clientMsgId: f.clientMsgId,
  };
};
