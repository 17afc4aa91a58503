// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shell/desktopshell.h"

#include <QPalette>
#include <QPointer>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace confab::client {
class ChatEngine;
} // namespace confab::client

namespace confab::ui {
class MainWindow;
} // namespace confab::ui

namespace confab::test {

// What a UI test does first: QStandardPaths in test mode and the application named, so that its
// settings go to a test location, never to the user's.
void prepareUiTest(const QString &applicationName);

// The palette of the "dark" screenshots.
QPalette darkPalette();

// One desktop client as a person runs it: its own data folder and the program's DesktopShell (a
// Session and, once opened, its MainWindow; the window goes before the session). The shell is
// not started: tests drive the session themselves, and no sign-in form pops up on sign-out.
struct DesktopClient {
    // Data in dataDir, or in a temporary folder of its own when dataDir is empty.
    explicit DesktopClient(const QString &dataDir = {});
    // The same with the shell's options (the session's data folder and keychain are set here).
    DesktopClient(const QString &dataDir, ui::DesktopShell::Options options);
    ~DesktopClient();

    // Makes the window (not shown).
    ui::MainWindow &openWindow();
    // Signs in and waits for it; false, with a warning saying why, when it fails.
    bool signIn(const QUrl &server, const QString &name, const QString &password);
    bool adoptToken(const QUrl &server, const QString &token);
    // Shows the window, activates it and waits until it is active (shortcuts need that).
    bool showActive();
    client::ChatEngine *engine() const;

    QTemporaryDir dir;
    std::unique_ptr<ui::DesktopShell> shell;
    client::Session *session = nullptr; // the shell's
    QPointer<ui::MainWindow> window;    // the shell's, once opened
    QString username;                   // who signed in with signIn()
};

} // namespace confab::test
