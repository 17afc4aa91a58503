// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QStringList>

class QModelIndex;
class QPainter;
class QPalette;
class QRect;

namespace confab::client {
class KnownUsers;
class ReceiptModel;
} // namespace confab::client

namespace confab::ui {

// "Seen by" under a message: who has read up to it (each reader only at the newest message
// they read), as at most kMaxAvatars small avatars and a "+N", with the sentence for the tooltip
// and for screen readers. Asks the room's ReceiptModel for the readers in the message's seq
// range (up to the next message people wrote), so its cost follows the readers.
class SeenBy {
    Q_DECLARE_TR_FUNCTIONS(confab::ui::SeenBy)
public:
    static constexpr int kMaxAvatars = 5;
    static constexpr int kAvatar = 16;

    void setReceipts(const client::ReceiptModel *receipts, const client::KnownUsers *names);

    QStringList readerIds(const QModelIndex &index) const;
    QStringList readerNames(const QStringList &ids) const;

    // "Seen by Ana", "Seen by Ana and Bo", "Seen by Ana, Bo and 3 others".
    static QString text(const QStringList &names);
    static int height() { return kAvatar + 4; }
    static void paint(QPainter *painter, const QRect &rect, const QPalette &palette, const QFont &font,
                      const QStringList &ids, const QStringList &names);

private:
    const client::ReceiptModel *m_receipts = nullptr;
    const client::KnownUsers *m_names = nullptr;
};

} // namespace confab::ui
