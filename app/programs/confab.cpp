// confab: the desktop client.

#include "confab/version.h"

#include "demo/demoserver.h"
#include "client/sync/chatengine.h"
#include "client/account/session.h"
#include "shell/contraststyle.h"
#include "signin/keychainprompt.h"
#include "shell/mainwindow.h"
#include "signin/signindialog.h"
#include "shell/startuptrace.h"
#include "shell/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPointer>
#include <QTextStream>
#include <QUrl>

#include <functional>
#include <memory>

using namespace confab;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("confab"));
    QApplication::setOrganizationName(QStringLiteral("confab"));
    QApplication::setApplicationDisplayName(QStringLiteral("Confab"));
    QApplication::setApplicationVersion(QStringLiteral(CONFAB_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(CONFAB_APP_ID));
    ui::installTranslations(QLocale()); // the system's language, before any widget exists
    QApplication::setStyle(new ui::ContrastStyle); // the platform's, readable on a dark palette too

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Confab: self-hosted desktop chat."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QStringLiteral("Run a bundled server with demo users and rooms, and sign in to it."));
    const QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("Server URL to sign in to."),
                                          QStringLiteral("url"));
    parser.addOption(demoOption);
    parser.addOption(serverOption);
    parser.process(app);

    // Destroyed in reverse: the window (and its per-room models) first, then the session and
    // its engine, and the demo server last, stopped on its own thread.
    std::unique_ptr<demo::DemoServer> demoServer;
    client::Session::Config config;
    config.tokenFile = ui::KeychainPrompt::consentedTokenFile(); // allowed on an earlier run, if so
    auto session = std::make_unique<client::Session>(config);
    auto window = std::make_unique<ui::MainWindow>(*session);
    ui::StartupTrace::installIfRequested(window->roomList()); // CONFAB_TRACE_STARTUP=1 (bench/client)
    QPointer<ui::SignInDialog> dialog;

    // The demo's cache is named "demo", not after its server: the port changes on every run.
    auto startDemo = [&](std::function<void(const QString &)> failed) {
        if (demoServer) // again after signing out of it: that revoked the token, start afresh
            demoServer->stop();
        demoServer = std::make_unique<demo::DemoServer>();
        QObject::connect(demoServer.get(), &demo::DemoServer::ready, session.get(),
                         [&](const QUrl &url, const QString &token) { session->adoptToken(url, token, QStringLiteral("demo")); });
        QObject::connect(demoServer.get(), &demo::DemoServer::failed, &app, failed);
        demoServer->start();
    };

    auto askToSignIn = [&] {
        if (!dialog) {
            dialog = new ui::SignInDialog(*session);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            if (parser.isSet(serverOption))
                dialog->serverField()->setText(parser.value(serverOption));
            QObject::connect(dialog, &QDialog::rejected, &app, [&] {
                if (!session->engine())
                    QApplication::quit();
            });
            QObject::connect(dialog, &ui::SignInDialog::demoRequested, &app, [&] {
                startDemo([&](const QString &why) {
                    if (dialog)
                        dialog->showError(QApplication::translate("main", "The demo could not start: %1").arg(why));
                });
            });
        }
        dialog->show();
        dialog->raise();
    };

    QObject::connect(session.get(), &client::Session::signedIn, window.get(), [&] {
        if (!window->isVisible()) {
            window->restoreWindowGeometry();
            window->show();
        }
    });
    // A failed restore, or a session that ended: back to the form (which shows its own errors).
    QObject::connect(session.get(), &client::Session::failed, &app, [&] {
        if (session->state() == client::Session::State::SignedOut && !(dialog && dialog->isVisible()))
            askToSignIn();
    });
    // Signed out from the menu or the settings: the window goes, the form comes.
    QObject::connect(session.get(), &client::Session::signedOut, &app, [&] {
        window->hide();
        if (!(dialog && dialog->isVisible()))
            askToSignIn();
    });

    if (parser.isSet(demoOption)) {
        startDemo([](const QString &why) {
            QTextStream(stderr) << "confab: the demo could not start: " << why << '\n';
            QApplication::exit(1);
        });
    } else if (parser.isSet(serverOption)) {
        askToSignIn();
    } else {
        session->restore();
    }

    const int code = app.exec();
    window->saveWindowGeometry();
    delete dialog.data();
    window.reset();
    session.reset();
    if (demoServer)
        demoServer->stop();
    return code;
}
