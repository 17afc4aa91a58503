// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QModelIndex>
#include <QString>

namespace confab::ui {

// What a timeline row that is the assistant's answer (an ai_response) shows and offers: its
// state line ("generating…", the error, "stopped") and whether the user may stop it (while it
// streams) or ask again (after an error or a stop). Both are for whoever asked and for moderators,
// as the server allows. Shared by the delegate (painted button), the message menu and the hover bar.
class AnswerControls {
    Q_DECLARE_TR_FUNCTIONS(confab::ui::AnswerControls)

public:
    enum class Action { None, Stop, Retry };

    static bool isAnswer(const QModelIndex &index);
    static bool isStreaming(const QModelIndex &index);
    static bool isError(const QModelIndex &index);
    // Which button the row offers this user (None: not an answer, done, or not theirs to control).
    static Action actionFor(const QModelIndex &index, bool canModerate);
    // The state line: "generating…", "Stopped", "The assistant could not answer: …"; empty when done.
    static QString stateText(const QModelIndex &index);
    // The button's label ("Stop", "Retry") and its accessible name.
    static QString buttonText(Action action);
    static QString buttonAccessibleName(Action action);
};

} // namespace confab::ui
