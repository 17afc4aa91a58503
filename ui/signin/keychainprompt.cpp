// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainprompt.h"

#include "client/account/session.h"
#include "client/account/tokenstore.h"
#include "client/sync/chatengine.h" // complete for the signedIn signal

#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

namespace confab::ui {

namespace {
const QString kConsentKey = QStringLiteral("signIn/tokenFile");
}

KeychainPrompt::KeychainPrompt(client::Session &session, QWidget *window)
    : QObject(window), m_session(session), m_window(window)
{
    // The keychain's failure may come before the sign-in it concerns (a restore that found
    // nothing), or after it (saving the new token): ask once both are known.
    connect(&m_session, &client::Session::secretStorageProblem, this, &KeychainPrompt::askIfNeeded);
    connect(&m_session, &client::Session::signedIn, this, &KeychainPrompt::askIfNeeded);
}

QString KeychainPrompt::consentedTokenFile() { return QSettings().value(kConsentKey).toString(); }

void KeychainPrompt::setConsentedTokenFile(const QString &path)
{
    if (path.isEmpty())
        QSettings().remove(kConsentKey);
    else
        QSettings().setValue(kConsentKey, path);
}

void KeychainPrompt::askIfNeeded()
{
    client::TokenStore &tokens = m_session.tokens();
    // Only when a keychain was tried and failed (not when it is switched off), the token is in
    // memory only, and it belongs to a sign-in that is meant to be kept.
    if (m_asked || m_session.state() != client::Session::State::SignedIn || m_session.isEphemeral() ||
        tokens.problem().isEmpty() || tokens.backend() != client::TokenStore::Backend::Memory ||
        !tokens.fileFallback().isEmpty())
        return;
    m_asked = true;
    const QString path = m_session.defaultTokenFile();
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("No keychain"), tokens.problem(), QMessageBox::NoButton, m_window);
    box->setAccessibleName(tr("No keychain"));
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(tr("Keep the sign-in in %1, readable only by you? Anyone who can read your files "
                               "as you could use it to act as you.")
                                .arg(path));
    QPushButton *keep = box->addButton(tr("&Keep me signed in"), QMessageBox::AcceptRole);
    keep->setAccessibleName(tr("Keep me signed in"));
    QPushButton *notNow = box->addButton(tr("&Not now"), QMessageBox::RejectRole);
    notNow->setAccessibleName(tr("Not now"));
    // Consent is a choice, never what Enter does by itself.
    box->setDefaultButton(notNow);
    box->setEscapeButton(notNow);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, keep, path] {
        if (box->clickedButton() != keep)
            return;
        setConsentedTokenFile(path);
        m_session.allowTokenFile(path);
    });
    m_question = box;
    box->open();
}

} // namespace confab::ui
