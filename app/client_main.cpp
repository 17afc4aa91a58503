// confab: the desktop client.

#include "confab/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("confab"));
    QApplication::setApplicationDisplayName(QStringLiteral("Confab"));
    QApplication::setApplicationVersion(QStringLiteral(CONFAB_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(CONFAB_APP_ID));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Confab: self-hosted desktop chat."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(QCommandLineOption(QStringLiteral("demo"),
                                        QStringLiteral("Run a bundled server with demo users and rooms, and sign in to it.")));
    parser.addOption(QCommandLineOption(QStringLiteral("server"), QStringLiteral("Server URL to sign in to."), QStringLiteral("url")));
    parser.process(app);

    // The main window lands with the desktop-client work (issue 5); until then this program only
    // answers --help and --version.
    QTextStream(stderr) << "confab: the desktop window is not built yet; run confab-server and use confab-cli or curl.\n";
    return 2;
}
