// SPDX-License-Identifier: GPL-3.0-or-later
#include "messageannouncer.h"

#include "client/sync/chatengine.h"
#include "client/sync/syncengine.h"
#include "core/markdownpreview.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QLocale>
#include <QWidget>

namespace confab::ui {

namespace {
constexpr int kContentMax = 140;

// An empty widget that screen readers know as a notification (see MessageAnnouncer).
class AnnouncementRegion : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;
};

QAccessibleInterface *announcementRegionFactory(const QString &className, QObject *object)
{
    Q_UNUSED(className);
    if (auto *region = qobject_cast<AnnouncementRegion *>(object))
        return new QAccessibleWidget(region, QAccessible::Notification);
    return nullptr;
}
} // namespace

MessageAnnouncer::MessageAnnouncer(QWidget *host, std::function<bool(const QString &)> isRoomInFront, QObject *parent)
    : QObject(parent), m_isRoomInFront(std::move(isRoomInFront)), m_region(new AnnouncementRegion(host))
{
    static const bool installed = [] {
        QAccessible::installFactory(announcementRegionFactory);
        return true;
    }();
    Q_UNUSED(installed);
    m_region->setObjectName(QStringLiteral("messageAnnouncements"));
    m_region->setFocusPolicy(Qt::NoFocus);
    m_region->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_region->setGeometry(0, 0, 1, 1);
    m_region->hide();
    m_batch.setSingleShot(true);
    m_batch.setInterval(kDefaultIntervalMs);
    connect(&m_batch, &QTimer::timeout, this, &MessageAnnouncer::flush);
}

void MessageAnnouncer::setEngine(client::ChatEngine *engine)
{
    if (m_engine)
        disconnect(&m_engine->sync(), nullptr, this, nullptr);
    m_engine = engine;
    m_batch.stop();
    m_count = 0;
    m_authors.clear();
    if (engine)
        connect(&engine->sync(), &client::SyncEngine::messageArrived, this, &MessageAnnouncer::consider);
}

void MessageAnnouncer::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled) {
        m_batch.stop();
        m_count = 0;
        m_authors.clear();
    }
}

void MessageAnnouncer::consider(const Message &message)
{
    if (!m_enabled || !m_engine || message.isDeleted || message.authorId == m_engine->me().userId)
        return;
    if (!m_isRoomInFront || !m_isRoomInFront(message.roomId))
        return;
    ++m_count;
    if (!m_authors.contains(message.authorName))
        m_authors << message.authorName;
    m_lastContent = markdownPreview(message.content, PreviewScope::AllLines);
    // The first message of a quiet spell starts the interval; later ones only join it, so a busy
    // room is announced once per interval.
    if (!m_batch.isActive())
        m_batch.start();
}

QString MessageAnnouncer::textFor(int count, const QStringList &authors, const QString &onlyContent)
{
    if (count == 1) {
        QString content = onlyContent;
        if (content.size() > kContentMax)
            content = content.left(kContentMax - 1) + QChar(0x2026);
        return tr("New message from %1: %2").arg(authors.value(0), content);
    }
    // Up to four names; more become "3 names and N others" (N >= 2, so the English reads right
    // without plural forms).
    QStringList names = authors.size() > 4 ? authors.mid(0, 3) : authors;
    if (authors.size() > 4)
        names << tr("%n others", nullptr, int(authors.size() - 3));
    return tr("%n new messages from %1", nullptr, count).arg(QLocale().createSeparatedList(names));
}

void MessageAnnouncer::flush()
{
    if (m_count == 0)
        return;
    const QString text = textFor(m_count, m_authors, m_lastContent);
    const int count = m_count;
    m_count = 0;
    m_authors.clear();
    // Hidden and shown again: the new "showing" state is what the screen reader reacts to.
    m_region->hide();
    m_region->setAccessibleName(text);
    m_region->show();
    QAccessibleEvent alert(m_region, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
    Q_EMIT announced(text, count);
}

} // namespace confab::ui

#include "messageannouncer.moc"
