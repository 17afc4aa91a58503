// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomfiles.h"

#include "room/attachmentactions.h"
#include "room/attachmentstrip.h"
#include "room/composer.h"
#include "room/messagedelegate.h"
#include "room/thumbnailcache.h"
#include "room/timelineview.h"
#include "viewer/imageviewer.h"

#include "client/models/mediacache.h"
#include "client/models/messagemodel.h"
#include "client/sync/chatengine.h"
#include "client/sync/outbox.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QDropEvent>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>
#include <QMouseEvent>
#include <QStandardPaths>
#include <QToolButton>
#include <QtConcurrent>

namespace confab::ui {

using client::MessageModel;

namespace {
QList<Attachment> attachmentsOf(const QModelIndex &i)
{
    return i.data(MessageModel::AttachmentsRole).value<QList<Attachment>>();
}

QStringList localFiles(const QMimeData *mime)
{
    QStringList out;
    if (!mime || !mime->hasUrls())
        return out;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            out << url.toLocalFile();
    }
    return out;
}
} // namespace

RoomFiles::RoomFiles(TimelineView *timeline, Composer *composer, QObject *parent)
    : QObject(parent), m_timeline(timeline), m_composer(composer),
      m_strip(new AttachmentStrip(composer->parentWidget())), m_thumbnails(new ThumbnailCache(this)),
      m_actions(new AttachmentActions(timeline->window(), this)),
      m_attachButton(new QToolButton(composer->parentWidget())), m_attach(new QAction(tr("&Attach files…"), composer)),
      m_open(new QAction(tr("&Open file"), timeline)), m_save(new QAction(tr("&Save file as…"), timeline)),
      m_cancelUpload(new QAction(tr("&Cancel upload"), timeline))
{
    m_strip->setThumbnails(m_thumbnails);
    m_timeline->messageDelegate()->setThumbnails(m_thumbnails);

    m_attach->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    m_attach->setShortcutContext(Qt::WindowShortcut);
    m_composer->addAction(m_attach);
    connect(m_attach, &QAction::triggered, this, &RoomFiles::chooseFiles);
    m_attachButton->setText(QStringLiteral("📎"));
    m_attachButton->setAccessibleName(tr("Attach files"));
    m_attachButton->setToolTip(tr("Attach files (Ctrl+U)"));
    m_attachButton->setFocusPolicy(Qt::TabFocus);
    connect(m_attachButton, &QToolButton::clicked, this, &RoomFiles::chooseFiles);

    const auto timelineAction = [this](QAction *a, const QKeySequence &key) {
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setShortcutVisibleInContextMenu(true);
        m_timeline->addAction(a);
    };
    timelineAction(m_open, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    timelineAction(m_save, QKeySequence(Qt::CTRL | Qt::Key_S));
    timelineAction(m_cancelUpload, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backspace));
    connect(m_open, &QAction::triggered, this, [this] {
        const QList<Attachment> files = attachmentsOf(m_timeline->currentIndex());
        if (!files.isEmpty())
            m_actions->open(files.first());
    });
    connect(m_save, &QAction::triggered, this, [this] {
        const QList<Attachment> files = attachmentsOf(m_timeline->currentIndex());
        if (!files.isEmpty())
            m_actions->saveAs(files.first());
    });
    connect(m_cancelUpload, &QAction::triggered, this, [this] {
        const QModelIndex i = m_timeline->currentIndex();
        if (m_engine && i.isValid())
            m_engine->outbox().cancel(i.data(MessageModel::ClientMsgIdRole).toString());
    });
    connect(m_actions, &AttachmentActions::failed, m_timeline, &TimelineView::showNotice);
    connect(m_actions, &AttachmentActions::saved, m_timeline, [this](const QString &path) {
        m_timeline->showNotice(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    });
    connect(m_timeline, &TimelineView::contextMenuCreated, this, &RoomFiles::addMenuEntries);

    m_timeline->viewport()->installEventFilter(this);
    m_timeline->installEventFilter(this);
    m_composer->installEventFilter(this);
    m_composer->viewport()->installEventFilter(this);
    m_timeline->viewport()->setAcceptDrops(true);
    m_composer->setAcceptDrops(true);
}

void RoomFiles::open(client::ChatEngine *engine, const QString &roomId)
{
    m_engine = engine;
    m_roomId = roomId;
    m_thumbnails->setMedia(engine ? &engine->media() : nullptr);
    m_actions->setMedia(engine ? &engine->media() : nullptr);
    m_attachButton->setEnabled(engine != nullptr);
}

void RoomFiles::clear()
{
    if (m_viewer)
        m_viewer->close();
    m_strip->clear();
    m_composer->setAcceptsEmpty(false);
    open(nullptr, {});
}

void RoomFiles::chooseFiles()
{
    if (!m_engine || !m_composer->isEnabled() || m_composer->isReadOnly())
        return;
    const QStringList paths = QFileDialog::getOpenFileNames(m_composer->window(), tr("Attach files"));
    attachFiles(paths);
    m_composer->setFocus();
}

void RoomFiles::attachFiles(const QStringList &paths)
{
    for (const QString &path : paths) {
        QString why;
        if (!m_strip->addFile(path, &why)) {
            m_timeline->showNotice(why);
            break;
        }
    }
    m_composer->setAcceptsEmpty(!m_strip->isEmpty());
}

void RoomFiles::attachImage(const QImage &image)
{
    if (!m_engine || image.isNull())
        return;
    const QString folder = m_engine->media().folder() + QStringLiteral("/pasted");
    QDir().mkpath(folder);
    const QString path = QDir(folder).filePath(
        tr("Screenshot %1.png").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH.mm.ss"))));
    auto *watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcher<bool>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        if (watcher->result())
            attachFiles({path});
        else
            m_timeline->showNotice(tr("The pasted image could not be saved."));
    });
    watcher->setFuture(QtConcurrent::run([image, path] { return image.save(path, "PNG"); }));
}

bool RoomFiles::sendWith(const QString &caption, const QString &replyTo, bool anonymous)
{
    if (!m_engine || m_roomId.isEmpty() || m_strip->isEmpty())
        return false;
    m_engine->sendFiles(m_roomId, caption, m_strip->take(), replyTo, anonymous);
    m_composer->setAcceptsEmpty(false);
    return true;
}

void RoomFiles::openImage(const QModelIndex &index, int attachment)
{
    // Every image of the loaded window, in order; the viewer starts at the chosen one.
    QList<Attachment> images;
    int current = 0;
    const QAbstractItemModel *model = m_timeline->model();
    for (int row = 0; model && row < model->rowCount(); ++row) {
        const QModelIndex i = model->index(row, 0);
        const QList<Attachment> files = attachmentsOf(i);
        for (int k = 0; k < files.size(); ++k) {
            if (!MessageDelegate::showsAsImage(files.at(k)))
                continue;
            if (row == index.row() && k == attachment)
                current = int(images.size());
            images << files.at(k);
        }
    }
    if (images.isEmpty())
        return;
    if (m_viewer)
        m_viewer->close();
    m_viewer = new ImageViewer(images, current, m_thumbnails, m_actions, m_timeline->window());
    m_viewer->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_viewer, &QDialog::finished, m_timeline, [this] { m_timeline->setFocus(); });
    m_viewer->open();
}

void RoomFiles::activate(const QModelIndex &index, int attachment)
{
    const QList<Attachment> files = attachmentsOf(index);
    if (attachment < 0 || attachment >= files.size())
        return;
    if (MessageDelegate::showsAsImage(files.at(attachment)))
        openImage(index, attachment);
    else
        m_actions->open(files.at(attachment));
}

void RoomFiles::addMenuEntries(QMenu *menu, const QModelIndex &index)
{
    const QList<Attachment> files = attachmentsOf(index);
    if (files.isEmpty())
        return;
    QAction *first = menu->actions().value(0);
    const bool pending =
        index.data(MessageModel::DeliveryRole).value<MessageModel::Delivery>() != MessageModel::Delivery::Sent;
    QList<QAction *> added;
    for (int k = 0; k < files.size(); ++k) {
        const Attachment a = files.at(k);
        QString name = a.fileName;
        name.replace(QLatin1Char('&'), QLatin1String("&&"));
        const QPersistentModelIndex target(index);
        if (MessageDelegate::showsAsImage(a))
            added << menu->addAction(tr("&View %1").arg(name), this, [this, target, k] { openImage(target, k); });
        if (k == 0) {
            m_open->setText(files.size() == 1 ? tr("&Open %1").arg(name) : tr("&Open %1").arg(name));
            added << m_open;
            if (!pending) {
                m_save->setText(tr("&Save %1 as…").arg(name));
                added << m_save;
            }
        } else {
            added << menu->addAction(tr("Open %1").arg(name), this, [this, a] { m_actions->open(a); });
            if (!pending)
                added << menu->addAction(tr("Save %1 as…").arg(name), this, [this, a] { m_actions->saveAs(a); });
        }
    }
    if (pending && index.data(MessageModel::UploadProgressRole).toDouble() < 1)
        added << m_cancelUpload;
    for (QAction *a : added)
        menu->insertAction(first, a);
    menu->insertSeparator(first);
}

bool RoomFiles::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove:
    case QEvent::Drop:
    case QEvent::KeyPress:
    case QEvent::MouseButtonRelease: break;
    default: return QObject::eventFilter(watched, event); // (also while the watched widgets are being destroyed)
    }
    const bool timelineViewport = watched == m_timeline->viewport();
    const bool composer = watched == m_composer || watched == m_composer->viewport();
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove:
        if ((timelineViewport || composer) && m_engine &&
            !localFiles(static_cast<QDropEvent *>(event)->mimeData()).isEmpty()) {
            static_cast<QDropEvent *>(event)->acceptProposedAction();
            return true;
        }
        break;
    case QEvent::Drop:
        if ((timelineViewport || composer) && m_engine) {
            const QStringList files = localFiles(static_cast<QDropEvent *>(event)->mimeData());
            if (!files.isEmpty()) {
                static_cast<QDropEvent *>(event)->acceptProposedAction();
                attachFiles(files);
                m_composer->setFocus();
                return true;
            }
        }
        break;
    case QEvent::KeyPress: {
        auto *key = static_cast<QKeyEvent *>(event);
        if (watched == m_composer && key->matches(QKeySequence::Paste)) {
            // A screenshot on the clipboard becomes a PNG file; files copied in a file manager attach.
            const QMimeData *mime = QApplication::clipboard()->mimeData();
            if (mime && mime->hasImage() && !mime->hasText()) {
                attachImage(qvariant_cast<QImage>(mime->imageData()));
                return true;
            }
            if (const QStringList files = localFiles(mime); !files.isEmpty() && m_engine) {
                attachFiles(files);
                return true;
            }
        }
        if (watched == m_timeline && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers() == Qt::NoModifier) {
            const QModelIndex i = m_timeline->currentIndex();
            if (!attachmentsOf(i).isEmpty()) {
                activate(i, 0);
                return true;
            }
        }
        break;
    }
    case QEvent::MouseButtonRelease: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (timelineViewport && mouse->button() == Qt::LeftButton) {
            const QPoint pos = mouse->position().toPoint();
            const QModelIndex i = m_timeline->indexAt(pos);
            const MessageDelegate::Hit hit = m_timeline->messageDelegate()->hitTest(i, pos);
            if (hit.kind == MessageDelegate::Hit::Kind::Attachment) {
                activate(i, hit.value.toInt());
                return true;
            }
        }
        break;
    }
    default: break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace confab::ui
