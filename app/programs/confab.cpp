// SPDX-License-Identifier: GPL-3.0-or-later
// confab: the desktop client.

#include "confab/version.h"

#include "client/diagnostics/clientlogfile.h"
#include "demo/demoserver.h"
#include "settings/appsettings.h"
#include "shell/contraststyle.h"
#include "shell/demolauncher.h"
#include "shell/desktopshell.h"
#include "shell/mainwindow.h"
#include "shell/startuptrace.h"
#include "shell/translations.h"
#include "signin/keychainprompt.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QListView>
#include <QLocale>
#include <QProcess>
#include <QTextStream>
#include <QUrl>

#include <memory>

using namespace confab;

namespace {
// The shell's demo button and --demo: app/demo's server on its own thread in this process.
class DemoServerLauncher : public ui::DemoLauncher {
public:
    ~DemoServerLauncher() override { stop(); }

    void start(QObject *context, Ready ready, Failed failed) override
    {
        stop(); // again after signing out of it: that revoked the token, start afresh
        m_server = std::make_unique<demo::DemoServer>();
        QObject::connect(m_server.get(), &demo::DemoServer::ready, context,
                         [ready](const QUrl &url, const QString &token) { ready(url, token); });
        QObject::connect(m_server.get(), &demo::DemoServer::failed, context, failed);
        m_server->start();
    }
    void stop()
    {
        if (m_server)
            m_server->stop();
    }

private:
    std::unique_ptr<demo::DemoServer> m_server;
};
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("confab"));
    QApplication::setOrganizationName(QStringLiteral("confab"));
    QApplication::setApplicationDisplayName(QStringLiteral("Confab"));
    QApplication::setApplicationVersion(QStringLiteral(CONFAB_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(CONFAB_APP_ID));
    // Every log message also goes to a rotating file (Help → Open log folder shows it).
    static client::ClientLogFile logFile(client::ClientLogFile::defaultDirectory(), {});
    logFile.install();
    // The language chosen in Settings, else the system's; before any widget exists.
    const QString language = ui::AppSettings().language();
    if (!language.isEmpty())
        QLocale::setDefault(ui::localeForLanguage(language)); // dates and numbers follow it too
    ui::installTranslations(ui::localeForLanguage(language));
    QApplication::setStyle(new ui::ContrastStyle); // the platform's, readable on a dark palette too

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Confab: self-hosted desktop chat."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        QStringLiteral("demo"), QStringLiteral("Run a bundled server with demo users and rooms, and sign in to it."));
    const QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("Server URL to sign in to."),
                                          QStringLiteral("url"));
    // The demo's assistant: the offline one unless a model server is named (as confab-server's flags).
    const QCommandLineOption assistantUrlOption(
        QStringLiteral("assistant-url"),
        QStringLiteral("With --demo: an OpenAI-compatible model server URL ending in /v1."), QStringLiteral("url"));
    const QCommandLineOption assistantModelOption(
        QStringLiteral("assistant-model"), QStringLiteral("With --demo: the model to ask."), QStringLiteral("name"));
    parser.addOption(demoOption);
    parser.addOption(serverOption);
    parser.addOption(assistantUrlOption);
    parser.addOption(assistantModelOption);
    parser.process(app);
    // Read by the demo server's thread (DemoThread); the key stays in CONFAB_ASSISTANT_KEY.
    if (parser.isSet(assistantUrlOption))
        qputenv("CONFAB_ASSISTANT_URL", parser.value(assistantUrlOption).toUtf8());
    if (parser.isSet(assistantModelOption))
        qputenv("CONFAB_ASSISTANT_MODEL", parser.value(assistantModelOption).toUtf8());

    // Destroyed in reverse: the shell (its window with the per-room objects first, then the
    // session and its engine), and the demo server last, stopped on its own thread.
    DemoServerLauncher demo;
    ui::DesktopShell::Options options;
    options.session.tokenFile = ui::KeychainPrompt::consentedTokenFile(); // allowed on an earlier run, if so
    options.server = parser.value(serverOption);
    options.demo = &demo;
    ui::DesktopShell shell(options);
    ui::StartupTrace::installIfRequested(shell.openWindow().roomList()); // CONFAB_TRACE_STARTUP=1 (bench/client)
    QObject::connect(&shell, &ui::DesktopShell::quitRequested, &app, &QApplication::quit);
    // A new language applies to a new process: start one with the same arguments, then quit.
    QObject::connect(shell.window(), &ui::MainWindow::restartRequested, &app, [] {
        if (QProcess::startDetached(QCoreApplication::applicationFilePath(), QCoreApplication::arguments().mid(1)))
            QApplication::quit();
    });
    QObject::connect(&shell, &ui::DesktopShell::demoFailed, &app, [](const QString &why) {
        QTextStream(stderr) << "confab: the demo could not start: " << why << '\n';
        QApplication::exit(1);
    });

    if (parser.isSet(demoOption))
        shell.start(ui::DesktopShell::Start::Demo);
    else if (parser.isSet(serverOption))
        shell.start(ui::DesktopShell::Start::SignIn);
    else
        shell.start(ui::DesktopShell::Start::Restore);

    const int code = app.exec();
    shell.window()->saveWindowGeometry();
    return code;
}
