#pragma once

#include <QListView>

namespace confab::client {
class MessageModel;
}

namespace confab::ui {

class MessageDelegate;
class NoAutoFetchProxy;

// The timeline of one room: sticks to the bottom while the reader is there, loads older
// messages when scrolled to the top without moving what is on screen, newer ones at the
// bottom when the window was scrolled away from the latest. Double-click or the context menu
// retries a failed message.
class TimelineView : public QListView {
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);

    // nullptr detaches (the model is owned elsewhere).
    void setMessageModel(client::MessageModel *model);
    client::MessageModel *messageModel() const { return m_model; }
    MessageDelegate *messageDelegate() const { return m_delegate; }
    bool isAtBottom() const { return m_stick; }

private:
    void onScrolled(int value);
    void onRangeChanged(int min, int max);
    void fetchOlderIfNeeded();
    void showMenu(const QPoint &pos);
    void retry(const QModelIndex &index);

    NoAutoFetchProxy *m_proxy;
    MessageDelegate *m_delegate;
    client::MessageModel *m_model = nullptr; // owned by the RoomView, detached before it goes
    bool m_stick = true;       // the reader is at the bottom: follow new messages
    bool m_anchoring = false;  // older rows are coming in above: keep the viewport still
    int m_fromBottom = 0;
};

} // namespace confab::ui
