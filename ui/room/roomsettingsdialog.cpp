// SPDX-License-Identifier: GPL-3.0-or-later
#include "roomsettingsdialog.h"

#include "client/room/moderationactions.h"
#include "client/room/roomstanding.h"

#include "core/limits.h"

#include <QAccessible>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace confab::ui {

using client::ModerationPolicy;

namespace {
QString typeText(RoomType type)
{
    switch (type) {
    case RoomType::Public: return RoomSettingsDialog::tr("Public: listed, anyone can join");
    case RoomType::Private: return RoomSettingsDialog::tr("Private: hidden, members add people");
    case RoomType::Group: return RoomSettingsDialog::tr("Group: private, for a few people");
    case RoomType::Direct: return RoomSettingsDialog::tr("Direct conversation");
    case RoomType::Announcement: {
        const auto lowest = ModerationPolicy::lowestRoleAllowing(Action::PostInAnnouncement);
        return RoomSettingsDialog::tr("Announcement: listed, anyone can join, only %1 and higher post")
            .arg(ModerationPolicy::roleTitle(lowest.value_or(Role::Owner)));
    }
    }
    return {};
}

QStringList wordsOf(const QString &text)
{
    QStringList words;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString w = line.trimmed();
        if (!w.isEmpty() && !words.contains(w, Qt::CaseInsensitive))
            words << w;
    }
    return words;
}

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}
} // namespace

RoomSettingsDialog::RoomSettingsDialog(client::RoomStanding &standing, client::ModerationActions &actions,
                                       QWidget *parent)
    : QDialog(parent), m_standing(standing), m_actions(actions), m_readOnly(new QLabel(this)),
      m_error(new QLabel(this)), m_name(new QLineEdit(this)), m_description(new QPlainTextEdit(this)),
      m_type(new QLabel(this)), m_slowMode(new QSpinBox(this)), m_memberCap(new QSpinBox(this)),
      m_allowInvites(new QCheckBox(this)), m_allowAnonymous(new QCheckBox(this)), m_allowAssistant(new QCheckBox(this)),
      m_wordFilter(new QPlainTextEdit(this)), m_wordFilterAction(new QComboBox(this)), m_save(nullptr),
      m_close(nullptr), m_danger(new QGroupBox(tr("Danger zone"), this)), m_delete(new QPushButton(this)),
      m_deleteWhy(note({}, this))
{
    const Room room = standing.room();
    const ModerationPolicy policy = standing.policy();
    m_editable = policy.can(Action::EditRoomSettings);
    setWindowTitle(tr("Settings of %1").arg(room.name));
    setAccessibleName(tr("Room settings"));

    m_readOnly->setWordWrap(true);
    m_readOnly->setTextFormat(Qt::PlainText);
    m_readOnly->setAccessibleName(tr("Why these settings are read-only"));
    m_readOnly->setText(
        tr("You can look at these settings but not change them. %1").arg(policy.denial(Action::EditRoomSettings)));
    m_readOnly->setVisible(!m_editable);
    m_readOnly->setAutoFillBackground(true);
    m_readOnly->setMargin(8);
    m_readOnly->setBackgroundRole(QPalette::AlternateBase);

    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setAccessibleName(tr("Error"));
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xd0, 0x3a, 0x2f));
    m_error->setPalette(errorPalette);
    m_error->hide();

    // General
    m_name->setAccessibleName(tr("Room name"));
    m_name->setMaxLength(limits::kRoomNameMax);
    m_description->setAccessibleName(tr("Room description"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 3 + 14);
    m_type->setAccessibleName(tr("Room type"));
    m_type->setTextFormat(Qt::PlainText);
    m_type->setWordWrap(true);
    auto *general = new QGroupBox(tr("General"), this);
    auto *generalForm = new QFormLayout(general);
    generalForm->addRow(tr("&Name:"), m_name);
    generalForm->addRow(tr("&Description:"), m_description);
    generalForm->addRow(tr("Type:"), m_type);

    // Posting
    m_slowMode->setAccessibleName(tr("Slow mode, seconds between one member's messages"));
    m_slowMode->setRange(0, 86400);
    m_slowMode->setSpecialValueText(tr("Off"));
    m_slowMode->setSuffix(tr(" s"));
    m_slowMode->setToolTip(tr("Members below moderator wait this long between their messages."));
    m_memberCap->setAccessibleName(tr("Member limit"));
    m_memberCap->setToolTip(tr("The most members the room takes. It cannot go below the current member count."));
    m_allowInvites->setText(tr("Members may add people (otherwise moderators and up)"));
    m_allowInvites->setAccessibleName(tr("Members may add people"));
    m_allowAnonymous->setText(tr("Allow anonymous posts"));
    m_allowAnonymous->setAccessibleName(tr("Allow anonymous posts"));
    m_allowAssistant->setText(tr("Allow the assistant (@ai answers here)"));
    m_allowAssistant->setAccessibleName(tr("Allow the assistant"));
    m_allowAssistant->setToolTip(tr("Messages starting with @ai or @assistant get an answer from the assistant, "
                                    "which reads the room's recent messages."));
    auto *posting = new QGroupBox(tr("Posting and members"), this);
    auto *postingForm = new QFormLayout(posting);
    postingForm->addRow(tr("&Slow mode:"), m_slowMode);
    postingForm->addRow(tr("Member &limit:"), m_memberCap);
    postingForm->addRow(m_allowInvites);
    postingForm->addRow(m_allowAnonymous);
    postingForm->addRow(m_allowAssistant);

    // Word filter
    m_wordFilter->setAccessibleName(tr("Blocked words, one per line"));
    m_wordFilter->setPlaceholderText(tr("One word per line"));
    m_wordFilter->setTabChangesFocus(true);
    m_wordFilter->setFixedHeight(m_wordFilter->fontMetrics().lineSpacing() * 4 + 14);
    m_wordFilterAction->setAccessibleName(tr("What happens to a message with a blocked word"));
    m_wordFilterAction->addItem(tr("Refuse the message"), QVariant::fromValue(int(WordFilterAction::Reject)));
    m_wordFilterAction->addItem(tr("Replace the words with *"), QVariant::fromValue(int(WordFilterAction::Mask)));
    auto *filter = new QGroupBox(tr("Word filter"), this);
    auto *filterForm = new QFormLayout(filter);
    filterForm->addRow(tr("&Blocked words:"), m_wordFilter);
    filterForm->addRow(tr("&When one is used:"), m_wordFilterAction);
    filterForm->addRow(note(tr("Words match whole and in any case. The server's own list applies too."), filter));

    // Danger zone, apart from the rest; shown to those who may change settings.
    m_delete->setText(tr("Delete this room…"));
    m_delete->setAccessibleName(tr("Delete this room"));
    const QString deleteDenial = policy.denial(Action::DeleteRoom);
    m_delete->setEnabled(deleteDenial.isEmpty());
    m_delete->setToolTip(deleteDenial);
    m_deleteWhy->setText(deleteDenial.isEmpty()
                             ? tr("Deletes the room and all its messages for everyone. This cannot be undone.")
                             : deleteDenial);
    auto *dangerLayout = new QHBoxLayout(m_danger);
    dangerLayout->addWidget(m_deleteWhy, 1);
    dangerLayout->addWidget(m_delete);
    m_danger->setVisible(m_editable || deleteDenial.isEmpty());
    QPalette dangerPalette = m_danger->palette();
    dangerPalette.setColor(QPalette::WindowText, QColor(0xd0, 0x3a, 0x2f));
    m_danger->setPalette(dangerPalette);
    m_deleteWhy->setPalette(palette());
    m_delete->setPalette(palette());
    connect(m_delete, &QPushButton::clicked, this, &RoomSettingsDialog::confirmDelete);

    auto *buttons = new QDialogButtonBox(this);
    if (m_editable) {
        m_save = buttons->addButton(QDialogButtonBox::Save);
        m_save->setAccessibleName(tr("Save the room settings"));
        m_close = buttons->addButton(QDialogButtonBox::Cancel);
        connect(m_save, &QPushButton::clicked, this, &RoomSettingsDialog::save);
    } else {
        m_close = buttons->addButton(QDialogButtonBox::Close);
    }
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_readOnly);
    layout->addWidget(general);
    layout->addWidget(posting);
    layout->addWidget(filter);
    layout->addWidget(m_error);
    layout->addSpacing(8);
    layout->addWidget(m_danger);
    layout->addWidget(buttons);

    setMinimumWidth(520);
    fill(room);
    if (!m_editable) {
        m_name->setReadOnly(true);
        m_description->setReadOnly(true);
        m_slowMode->setReadOnly(true);
        m_slowMode->setButtonSymbols(QAbstractSpinBox::NoButtons);
        m_memberCap->setReadOnly(true);
        m_memberCap->setButtonSymbols(QAbstractSpinBox::NoButtons);
        m_allowInvites->setEnabled(false);
        m_allowAnonymous->setEnabled(false);
        m_allowAssistant->hide(); // only for those who may change it
        m_wordFilter->setReadOnly(true);
        m_wordFilter->setPlaceholderText(tr("No blocked words"));
        m_wordFilterAction->setEnabled(false);
    }

    connect(&m_actions, &client::ModerationActions::roomUpdated, this, [this] {
        if (m_busy)
            accept();
    });
    connect(&m_actions, &client::ModerationActions::roomDeleted, this, [this] {
        if (m_busy)
            accept();
    });
    connect(&m_actions, &client::ModerationActions::failed, this, [this](const QString &message) {
        if (!m_busy)
            return;
        m_busy = false;
        if (m_save)
            m_save->setEnabled(true);
        showError(message);
    });
}

void RoomSettingsDialog::fill(const Room &room)
{
    m_shown = room;
    m_name->setText(room.name);
    m_description->setPlainText(room.description);
    m_type->setText(typeText(room.type));
    m_type->setToolTip(tr("Chosen when the room was created; it cannot change."));
    m_slowMode->setValue(room.settings.slowModeSeconds);
    const int cap = room.type == RoomType::Group ? limits::kGroupMembersMax : 100000;
    m_memberCap->setRange(std::max(2, room.memberCount), std::max(cap, room.maxMembers));
    m_memberCap->setValue(room.maxMembers);
    m_allowInvites->setChecked(room.settings.allowInvites);
    m_allowAnonymous->setChecked(room.settings.allowAnonymous);
    m_allowAssistant->setChecked(room.settings.enableAI);
    m_wordFilter->setPlainText(room.settings.wordFilter.join(QLatin1Char('\n')));
    m_wordFilterAction->setCurrentIndex(m_wordFilterAction->findData(int(room.settings.wordFilterAction)));
}

QString RoomSettingsDialog::readOnlyReason() const { return m_editable ? QString() : m_readOnly->text(); }

QString RoomSettingsDialog::errorText() const { return m_error->isVisible() ? m_error->text() : QString(); }

void RoomSettingsDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    QAccessibleEvent alert(m_error, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

std::optional<client::RoomChange> RoomSettingsDialog::change(QString *error) const
{
    const Room &room = m_shown;
    client::RoomChange c;
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        *error = tr("The room needs a name.");
        return std::nullopt;
    }
    if (name != room.name)
        c.name = name;
    const QString description = m_description->toPlainText().trimmed();
    if (description.size() > limits::kDescriptionMax) {
        *error = tr("The description is %1 characters long; at most %2 fit.")
                     .arg(description.size())
                     .arg(limits::kDescriptionMax);
        return std::nullopt;
    }
    if (description != room.description)
        c.description = description;
    if (m_memberCap->value() != room.maxMembers)
        c.maxMembers = m_memberCap->value();

    const QStringList words = wordsOf(m_wordFilter->toPlainText());
    if (words.size() > limits::kWordFilterMax) {
        *error = tr("The word filter has %1 words; at most %2 fit.").arg(words.size()).arg(limits::kWordFilterMax);
        return std::nullopt;
    }
    for (const QString &w : words) {
        if (w.size() > limits::kWordFilterWordMax) {
            *error = tr("The blocked word “%1…” is longer than %2 characters.")
                         .arg(w.left(20))
                         .arg(limits::kWordFilterWordMax);
            return std::nullopt;
        }
    }
    const RoomSettings &s = room.settings;
    if (m_slowMode->value() != s.slowModeSeconds)
        c.settings.slowModeSeconds = m_slowMode->value();
    if (m_allowInvites->isChecked() != s.allowInvites)
        c.settings.allowInvites = m_allowInvites->isChecked();
    if (m_allowAnonymous->isChecked() != s.allowAnonymous)
        c.settings.allowAnonymous = m_allowAnonymous->isChecked();
    if (m_allowAssistant->isChecked() != s.enableAI)
        c.settings.enableAI = m_allowAssistant->isChecked();
    if (words != s.wordFilter)
        c.settings.wordFilter = words;
    const auto action = WordFilterAction(m_wordFilterAction->currentData().toInt());
    if (action != s.wordFilterAction)
        c.settings.wordFilterAction = action;
    return c;
}

void RoomSettingsDialog::save()
{
    QString error;
    const std::optional<client::RoomChange> c = change(&error);
    if (!c) {
        showError(error);
        return;
    }
    if (!c->name && !c->description && !c->maxMembers && c->settings.isEmpty()) {
        accept(); // nothing changed
        return;
    }
    showError({});
    m_busy = true;
    m_save->setEnabled(false);
    m_actions.updateRoom(*c);
}

void RoomSettingsDialog::confirmDelete()
{
    const QString name = m_standing.room().name;
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Delete %1").arg(name),
                        tr("Delete %1 and all its messages for everyone?").arg(name), QMessageBox::Cancel, this);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(tr("Every member loses the room at once. This cannot be undone."));
    QPushButton *yes = box->addButton(tr("Delete room"), QMessageBox::DestructiveRole);
    yes->setAccessibleName(tr("Delete the room for everyone"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, yes](QAbstractButton *clicked) {
        if (clicked == yes) {
            m_busy = true;
            m_delete->setEnabled(false);
            m_actions.deleteRoom();
        }
        box->close();
    });
    m_confirmation = box;
    box->open();
}

} // namespace confab::ui
