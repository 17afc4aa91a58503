#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace confab::client {
class ChatEngine;
}

namespace confab::ui {

class Composer;

// Keeps the composer's draft per room in the account's local store, so it survives switching
// rooms and restarting the client. Saved a moment after typing pauses (not on every key: that
// is a disk write) and when the room closes. An edit in progress is not kept, its draft is.
class ComposerDrafts : public QObject {
    Q_OBJECT
public:
    explicit ComposerDrafts(Composer *composer, QObject *parent = nullptr);

    // Puts this room's draft in the composer.
    void open(client::ChatEngine *engine, const QString &roomId);
    // Saves the open room's draft and forgets the room.
    void close();
    void save();

    static QString storeKey(const QString &roomId);

private:
    Composer *m_composer;
    QPointer<client::ChatEngine> m_engine;
    QString m_roomId;
    QTimer m_saveTimer;
};

} // namespace confab::ui
