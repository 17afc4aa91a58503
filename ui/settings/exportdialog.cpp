// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportdialog.h"

#include "widgets/statuslabel.h"

#include "client/account/dataexport.h"
#include "client/account/session.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace confab::ui {

ExportDialog::ExportDialog(client::Session &session, QWidget *parent) : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Export my data"));
    setAccessibleName(tr("Export my data"));
    auto *layout = new QVBoxLayout(this);
    auto *explanation =
        new QLabel(tr("Download everything this server holds about you: your profile, your rooms and roles, your "
                      "messages, your reactions, where you stopped reading, and your uploaded files."),
                   this);
    explanation->setWordWrap(true);
    explanation->setTextFormat(Qt::PlainText);
    // A wrapped label does not tell a dialog how tall it gets: fix its width and ask.
    const int width = explanation->fontMetrics().averageCharWidth() * 60;
    explanation->setMinimumSize(width, explanation->heightForWidth(width));
    layout->addWidget(explanation);
    m_zip = new QRadioButton(tr("&Archive with my files (.zip)"), this);
    m_zip->setAccessibleName(tr("Archive with my files"));
    m_json = new QRadioButton(tr("&Data only (.json)"), this);
    m_json->setAccessibleName(tr("Data only"));
    m_zip->setChecked(true);
    layout->addWidget(m_zip);
    layout->addWidget(m_json);

    m_progress = new QProgressBar(this);
    m_progress->setAccessibleName(tr("Export progress"));
    m_progress->setRange(0, 0); // the total is not known: a busy bar while it runs
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_received = new QLabel(this);
    m_received->setAccessibleName(tr("Received so far"));
    layout->addWidget(m_received);
    m_status = new StatusLabel(this);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(this);
    m_export = buttons->addButton(tr("&Export…"), QDialogButtonBox::AcceptRole);
    m_export->setAccessibleName(tr("Export"));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setAccessibleName(tr("Cancel"));
    layout->addWidget(buttons);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::askWhereToSave);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_download && m_download->isRunning()) {
            m_download->cancel();
            setRunning(false);
            m_status->showInfo(tr("The export was cancelled; nothing was saved."));
            return;
        }
        reject();
    });
    m_export->setDefault(true);
}

ExportDialog::~ExportDialog() = default; // the download is a child: it cancels on destruction

void ExportDialog::askWhereToSave()
{
    const bool zip = m_zip->isChecked();
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation) +
                              QStringLiteral("/confab-export-%1.%2")
                                  .arg(m_session.me().username, zip ? QStringLiteral("zip") : QStringLiteral("json"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save your data as"), suggested,
                                                      zip ? tr("Zip archives (*.zip)") : tr("JSON files (*.json)"));
    if (!path.isEmpty())
        exportTo(path);
}

bool ExportDialog::exportTo(const QString &path)
{
    delete m_download;
    m_download = new client::DataExport(m_session.server(), m_session.api().token(), this);
    connect(m_download, &client::DataExport::progress, this,
            [this](qint64 bytes) { m_received->setText(tr("%1 received").arg(QLocale().formattedDataSize(bytes))); });
    connect(m_download, &client::DataExport::finished, this, [this](const QString &saved) {
        setRunning(false);
        m_status->showInfo(tr("Your data was saved to %1.").arg(QDir::toNativeSeparators(saved)));
        Q_EMIT exported(saved);
    });
    connect(m_download, &client::DataExport::failed, this, [this](const QString &why) {
        setRunning(false);
        m_status->showError(tr("The export failed: %1").arg(why));
    });
    const auto format = m_zip->isChecked() ? client::DataExport::Format::Zip : client::DataExport::Format::Json;
    if (!m_download->start(format, path)) {
        m_status->showError(
            tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(path), m_download->errorString()));
        return false;
    }
    m_received->setText(tr("%1 received").arg(QLocale().formattedDataSize(0)));
    m_status->showBusy(tr("Exporting your data…"));
    setRunning(true);
    return true;
}

void ExportDialog::setRunning(bool running)
{
    m_progress->setVisible(running);
    m_export->setEnabled(!running);
    m_zip->setEnabled(!running);
    m_json->setEnabled(!running);
    m_cancel->setText(running ? tr("&Cancel export") : tr("Close"));
}

} // namespace confab::ui
