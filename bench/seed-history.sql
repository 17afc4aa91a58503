-- Bulk-loads 1,000,000 messages into one room for the history benchmark (bench/run.sh).
-- @ROOM@ and @AUTHOR@ are replaced by run.sh; the room and its author were made over the API and
-- the server is stopped while this runs. Rows match app/server/storage/sqliteschema.cpp:
-- messages, their room_events (message events carry no payload: they replay from the message),
-- rooms.last_seq, and the FTS index (rebuilt once instead of 1M trigger calls).
PRAGMA synchronous=OFF;
PRAGMA foreign_keys=ON;
PRAGMA cache_size=-262144;
BEGIN;
DROP TRIGGER messages_fts_insert;
CREATE TEMP TABLE words(k INTEGER PRIMARY KEY, w TEXT);
INSERT INTO words VALUES (0,'alpha'),(1,'bravo'),(2,'charlie'),(3,'delta'),(4,'echo'),(5,'foxtrot'),(6,'golf'),(7,'hotel');
CREATE TEMP TABLE base AS SELECT last_seq AS seq, CAST(strftime('%s','now') AS INTEGER) * 1000 - 100000000 AS t
  FROM rooms WHERE room_id = '@ROOM@';
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1000000)
INSERT INTO messages (message_id, room_id, seq, author_id, content, type, created_at)
SELECT printf('mb%07d', i), '@ROOM@', (SELECT seq FROM base) + i, '@AUTHOR@',
       'message ' || i || ' about ' || (SELECT w FROM words WHERE k = i % 8) || ' and '
         || (SELECT w FROM words WHERE k = (i / 8) % 8)
         || CASE i % 1000 WHEN 7 THEN ' zephyr' WHEN 307 THEN ' quasar' WHEN 507 THEN ' nebula' WHEN 907 THEN ' pulsar' ELSE '' END
         || ' with a little more ordinary chat text to make it realistic',
       'text', (SELECT t FROM base) + i * 100
FROM c;
INSERT INTO room_events (room_id, seq, type, message_id, payload, created_at)
SELECT room_id, seq, 'new_message', message_id, NULL, created_at FROM messages
WHERE room_id = '@ROOM@' AND seq > (SELECT seq FROM base);
UPDATE rooms SET last_seq = (SELECT seq FROM base) + 1000000,
                 last_activity = (SELECT t FROM base) + 100000000 WHERE room_id = '@ROOM@';
INSERT INTO messages_fts(messages_fts) VALUES ('rebuild');
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
            INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content);
            END;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
