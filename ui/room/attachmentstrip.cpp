// SPDX-License-Identifier: GPL-3.0-or-later
#include "attachmentstrip.h"

#include "room/thumbnailcache.h"

#include "client/sync/outbox.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QImageReader>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QToolButton>
#include <QVBoxLayout>

namespace confab::ui {

namespace {
constexpr int kPreview = 72;

// One file of the strip: focusable, Delete removes it.
class StripItem : public QWidget {
public:
    StripItem(std::function<void()> remove, QWidget *parent) : QWidget(parent), m_remove(std::move(remove))
    {
        setFocusPolicy(Qt::StrongFocus);
    }

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) {
            m_remove();
            return;
        }
        QWidget::keyPressEvent(event);
    }
    void focusInEvent(QFocusEvent *event) override
    {
        setAutoFillBackground(true);
        setBackgroundRole(QPalette::Highlight);
        QWidget::focusInEvent(event);
    }
    void focusOutEvent(QFocusEvent *event) override
    {
        setAutoFillBackground(false);
        QWidget::focusOutEvent(event);
    }

private:
    std::function<void()> m_remove;
};
} // namespace

AttachmentStrip::AttachmentStrip(QWidget *parent) : QWidget(parent), m_layout(new QHBoxLayout(this))
{
    setAccessibleName(tr("Files to send"));
    m_layout->setContentsMargins(0, 4, 0, 4);
    // Many or long names must not widen the room's column: the strip takes the width it is given.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_layout->addStretch(1);
    hide();
}

void AttachmentStrip::setThumbnails(ThumbnailCache *thumbnails)
{
    m_thumbnails = thumbnails;
    if (m_thumbnails)
        connect(m_thumbnails, &ThumbnailCache::imageReady, this, &AttachmentStrip::updatePreviews);
}

void AttachmentStrip::updatePreviews()
{
    for (int i = 0; i < m_previews.size() && i < int(m_files.size()); ++i) {
        const client::OutgoingFile &f = m_files[std::size_t(i)];
        QLabel *preview = m_previews.at(i);
        if (f.width <= 0 || !m_thumbnails || !preview->pixmap().isNull())
            continue;
        const QSize box = ThumbnailCache::fitted(QSize(f.width, f.height), QSize(kPreview, kPreview));
        const QImage image = m_thumbnails->localImage(f.path, box);
        if (!image.isNull())
            preview->setPixmap(QPixmap::fromImage(image));
    }
}

bool AttachmentStrip::addFile(const QString &path, QString *why)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        if (why)
            *why = tr("Cannot attach %1: it is not a readable file.").arg(info.fileName());
        return false;
    }
    if (int(m_files.size()) >= kMaxFiles) {
        if (why)
            *why = tr("At most %1 files go with one message.").arg(kMaxFiles);
        return false;
    }
    client::OutgoingFile f = client::Outbox::describeFile(path);
    if (f.mimeType.startsWith(QLatin1String("image/"))) {
        QImageReader reader(path); // the header only
        reader.setAutoTransform(true);
        QSize size = reader.size();
        if (reader.transformation() & QImageIOHandler::TransformationRotate90)
            size.transpose();
        if (size.isValid()) {
            f.width = size.width();
            f.height = size.height();
        }
    }
    m_files.push_back(std::move(f));
    rebuild();
    Q_EMIT changed();
    return true;
}

void AttachmentStrip::removeAt(int index)
{
    if (index < 0 || index >= int(m_files.size()))
        return;
    m_files.erase(m_files.begin() + index);
    rebuild();
    Q_EMIT changed();
}

void AttachmentStrip::clear()
{
    m_files.clear();
    rebuild();
    Q_EMIT changed();
}

std::vector<client::OutgoingFile> AttachmentStrip::take()
{
    std::vector<client::OutgoingFile> out = std::move(m_files);
    m_files.clear();
    rebuild();
    Q_EMIT changed();
    return out;
}

void AttachmentStrip::rebuild()
{
    m_previews.clear();
    while (m_layout->count() > 1) {
        QLayoutItem *item = m_layout->takeAt(0);
        delete item->widget();
        delete item;
    }
    for (int i = 0; i < int(m_files.size()); ++i) {
        const client::OutgoingFile &f = m_files[std::size_t(i)];
        auto *item = new StripItem(
            [this, i] {
                QMetaObject::invokeMethod(
                    this, [this, i] { removeAt(i); }, Qt::QueuedConnection);
            },
            this);
        item->setAccessibleName(tr("%1, %2").arg(f.fileName, QLocale().formattedDataSize(f.fileSize)));
        auto *row = new QHBoxLayout(item);
        row->setContentsMargins(4, 4, 4, 4);
        auto *preview = new QLabel(item);
        preview->setAlignment(Qt::AlignCenter);
        if (f.width > 0) {
            preview->setFrameShape(QFrame::StyledPanel);
            preview->setFixedSize(kPreview, kPreview);
            row->addWidget(preview);
        } else {
            preview->setPixmap(QIcon::fromTheme(QStringLiteral("text-x-generic")).pixmap(32, 32));
            preview->setFixedSize(36, kPreview);
            row->addWidget(preview);
        }
        m_previews.append(preview);
        auto *text = new QLabel(item);
        text->setTextFormat(Qt::PlainText); // file names are never markup
        text->setText(f.fileName + QLatin1Char('\n') + QLocale().formattedDataSize(f.fileSize));
        row->addWidget(text);
        auto *remove = new QToolButton(item);
        remove->setText(QStringLiteral("✕"));
        remove->setAccessibleName(tr("Remove %1").arg(f.fileName));
        remove->setToolTip(tr("Remove (Delete)"));
        connect(remove, &QToolButton::clicked, this, [this, i] { removeAt(i); });
        row->addWidget(remove, 0, Qt::AlignTop);
        m_layout->insertWidget(i, item);
    }
    setVisible(!m_files.empty());
    updatePreviews();
}

} // namespace confab::ui
