// SPDX-License-Identifier: GPL-3.0-or-later
#include "createroomdialog.h"

#include "client/room/roomactions.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace confab::ui {

namespace {
constexpr int kNameMax = 100; // the server's limits (API.md)
constexpr int kDescriptionMax = 1000;
constexpr int kGroupMax = 50;
constexpr int kRoomMax = 100000;
constexpr int kDefaultMax = 1000;
} // namespace

CreateRoomDialog::CreateRoomDialog(client::ChatEngine &engine, QWidget *parent)
    : ActionDialog(engine, tr("&Create room"), parent), m_name(new QLineEdit), m_description(new QPlainTextEdit),
      m_type(new QComboBox), m_typeHelp(new QLabel), m_people(new QLineEdit), m_allowInvites(new QCheckBox),
      m_allowAnonymous(new QCheckBox), m_slowMode(new QSpinBox), m_maxMembers(new QSpinBox)
{
    setWindowTitle(tr("Create a room"));
    setAccessibleName(tr("Create a room"));

    m_name->setAccessibleName(tr("Room name"));
    m_name->setMaxLength(kNameMax);
    m_name->setPlaceholderText(tr("e.g. design-reviews"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setPlaceholderText(tr("What the room is about (optional)"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 3 + 12);

    m_type->setAccessibleName(tr("Room type"));
    m_type->addItem(tr("Public"), QStringLiteral("public"));
    m_type->addItem(tr("Private"), QStringLiteral("private"));
    m_type->addItem(tr("Group"), QStringLiteral("group"));
    m_type->addItem(tr("Announcements"), QStringLiteral("announcement"));
    m_typeHelp->setAccessibleName(tr("About this room type"));
    m_typeHelp->setWordWrap(true);
    m_typeHelp->setForegroundRole(QPalette::PlaceholderText);

    m_people->setAccessibleName(tr("People to add"));
    m_people->setPlaceholderText(tr("Usernames, separated by commas"));

    m_allowInvites->setText(tr("Members may add people"));
    m_allowInvites->setAccessibleName(tr("Members may add people"));
    m_allowInvites->setChecked(true);
    m_allowAnonymous->setText(tr("Allow anonymous posts"));
    m_allowAnonymous->setAccessibleName(tr("Allow anonymous posts"));
    m_slowMode->setAccessibleName(tr("Slow mode in seconds"));
    m_slowMode->setRange(0, 86400);
    m_slowMode->setSpecialValueText(tr("Off"));
    m_slowMode->setSuffix(tr(" s"));
    m_maxMembers->setAccessibleName(tr("Member limit"));
    m_maxMembers->setRange(2, kRoomMax);
    m_maxMembers->setValue(kDefaultMax);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Type:"), m_type);
    form->addRow(QString(), m_typeHelp);
    form->addRow(tr("Add &people:"), m_people);

    auto *settings = new QGroupBox(tr("Settings"));
    settings->setAccessibleName(tr("Settings"));
    auto *settingsForm = new QFormLayout(settings);
    settingsForm->addRow(m_allowInvites);
    settingsForm->addRow(m_allowAnonymous);
    settingsForm->addRow(tr("S&low mode:"), m_slowMode);
    settingsForm->addRow(tr("&Member limit:"), m_maxMembers);

    formLayout()->addLayout(form);
    formLayout()->addWidget(settings);

    connect(m_type, &QComboBox::currentIndexChanged, this, &CreateRoomDialog::typeChanged);
    typeChanged();
    m_name->setFocus();
    resize(qMax(sizeHint().width(), 460), sizeHint().height());
}

QStringList CreateRoomDialog::usernamesIn(const QString &text)
{
    QStringList names;
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    for (QString n : text.split(separators, Qt::SkipEmptyParts)) {
        n.remove(QLatin1Char('@'));
        if (!n.isEmpty() && !names.contains(n, Qt::CaseInsensitive))
            names << n;
    }
    return names;
}

void CreateRoomDialog::setType(const QString &type)
{
    const int i = m_type->findData(type);
    if (i >= 0)
        m_type->setCurrentIndex(i);
}

RoomType CreateRoomDialog::selectedType() const
{
    return enumFromString<RoomType>(m_type->currentData().toString()).value_or(RoomType::Public);
}

void CreateRoomDialog::typeChanged()
{
    const RoomType type = selectedType();
    switch (type) {
    case RoomType::Public: m_typeHelp->setText(tr("Listed for everyone on the server; anyone can join.")); break;
    case RoomType::Private: m_typeHelp->setText(tr("Hidden; people come in only when a member adds them.")); break;
    case RoomType::Group:
        m_typeHelp->setText(tr("A small private group of 2 to 50 people; add at least one person."));
        break;
    case RoomType::Announcement:
        m_typeHelp->setText(tr("Listed and open to all, but only moderators and above can post."));
        break;
    case RoomType::Direct: break;
    }
    const bool group = type == RoomType::Group;
    m_maxMembers->setMaximum(group ? kGroupMax : kRoomMax);
    if (group || m_maxMembers->value() == kGroupMax)
        m_maxMembers->setValue(group ? kGroupMax : kDefaultMax);
}

QWidget *CreateRoomDialog::fieldWidget(const QString &field) const
{
    if (field == QLatin1String("name"))
        return m_name;
    if (field == QLatin1String("description"))
        return m_description;
    if (field == QLatin1String("type"))
        return m_type;
    if (field == QLatin1String("members") || field == QLatin1String("username"))
        return m_people;
    if (field == QLatin1String("maxMembers"))
        return m_maxMembers;
    if (field.startsWith(QLatin1String("settings.slowMode")))
        return m_slowMode;
    return nullptr;
}

QString CreateRoomDialog::fieldLabel(const QString &field) const
{
    if (field == QLatin1String("name"))
        return tr("Name");
    if (field == QLatin1String("description"))
        return tr("Description");
    if (field == QLatin1String("type"))
        return tr("Type");
    if (field == QLatin1String("members") || field == QLatin1String("username"))
        return tr("People");
    if (field == QLatin1String("maxMembers"))
        return tr("Member limit");
    if (field.startsWith(QLatin1String("settings")))
        return tr("Settings");
    return {};
}

void CreateRoomDialog::submit()
{
    const QString name = m_name->text().trimmed();
    const QStringList people = usernamesIn(m_people->text());
    if (name.isEmpty()) {
        showError(tr("Enter a name for the room."), QStringLiteral("name"));
        return;
    }
    if (m_description->toPlainText().size() > kDescriptionMax) {
        showError(tr("The description is too long: %1 characters, at most %2.")
                      .arg(m_description->toPlainText().size())
                      .arg(kDescriptionMax));
        m_description->setFocus();
        return;
    }
    if (selectedType() == RoomType::Group && people.isEmpty()) {
        showError(tr("A group needs at least one other person: enter their username."));
        m_people->setFocus();
        return;
    }
    client::NewRoom room;
    room.name = name;
    room.description = m_description->toPlainText().trimmed();
    room.type = selectedType();
    room.maxMembers = m_maxMembers->value();
    room.allowInvites = m_allowInvites->isChecked();
    if (m_allowAnonymous->isChecked())
        room.settings.allowAnonymous = true;
    if (m_slowMode->value() > 0)
        room.settings.slowModeSeconds = m_slowMode->value();
    setBusy(tr("Creating the room…"));
    actions().createRoom(room, people, [this](const client::ApiResult<Room> &r) {
        if (!r.ok()) {
            showError(*r.error);
            return;
        }
        Q_EMIT roomCreated(r.value.roomId);
        accept();
    });
}

} // namespace confab::ui
