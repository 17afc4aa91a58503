// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace confab::client {
class DataExport;
class Session;
} // namespace confab::client

namespace confab::ui {

class StatusLabel;

// "Export my data": everything the server holds about the user, as JSON or as a zip archive
// with their uploaded files too. Asks where to save it, shows the bytes received (the server
// streams it, so the total is not known), and can be cancelled: a cancelled export leaves no file.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(client::Session &session, QWidget *parent = nullptr);
    ~ExportDialog() override;

    // Starts the export into `path` (what "Export…" does after its save dialog).
    bool exportTo(const QString &path);

    QRadioButton *zipChoice() const { return m_zip; }
    QRadioButton *jsonChoice() const { return m_json; }
    QPushButton *exportButton() const { return m_export; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }
    StatusLabel *status() const { return m_status; }

Q_SIGNALS:
    void exported(const QString &path);

private:
    void askWhereToSave();
    void setRunning(bool running);

    client::Session &m_session;
    client::DataExport *m_download = nullptr;
    QRadioButton *m_zip;
    QRadioButton *m_json;
    QProgressBar *m_progress;
    QLabel *m_received;
    StatusLabel *m_status;
    QPushButton *m_export;
    QPushButton *m_cancel;
};

} // namespace confab::ui
