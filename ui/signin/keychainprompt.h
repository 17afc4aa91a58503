// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMessageBox> // complete for QPointer
#include <QObject>
#include <QPointer>

namespace confab::client {
class Session;
}

namespace confab::ui {

// When no keychain answers, says so instead of forgetting the sign-in at the next start, and
// offers what the CLI offers with --token-file: keeping the token in a file readable only by
// the user, with their explicit consent (remembered in QSettings for the next start). Asks once
// per run, only for a sign-in that would be kept (not the demo's), never by default.
class KeychainPrompt : public QObject {
    Q_OBJECT
public:
    KeychainPrompt(client::Session &session, QWidget *window);

    // The file the user allowed on an earlier run, for Session::Config::tokenFile; empty if none.
    static QString consentedTokenFile();
    static void setConsentedTokenFile(const QString &path);

    // The open question, if any.
    QMessageBox *question() const { return m_question; }

private:
    void askIfNeeded();

    client::Session &m_session;
    QWidget *m_window;
    QPointer<QMessageBox> m_question;
    bool m_asked = false;
};

} // namespace confab::ui
