// SPDX-License-Identifier: GPL-3.0-or-later
#include "demobot.h"

#include "core/jsondocument.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

Q_LOGGING_CATEGORY(lcDemoBot, "confab.demo.bot")

namespace confab::demo {

DemoBot::DemoBot(DemoPerson person, QUrl chatUrl, QObject *parent)
    : QObject(parent), m_person(std::move(person)), m_url(std::move(chatUrl))
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("token"), m_person.token);
    m_url.setQuery(query);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &DemoBot::open);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &DemoBot::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, &DemoBot::onDisconnected);
}

DemoBot::~DemoBot()
{
    m_wanted = false;
    m_socket.disconnect(this);
    m_socket.abort();
}

void DemoBot::goOnline()
{
    if (m_wanted)
        return;
    m_wanted = true;
    m_failures = 0;
    open();
}

void DemoBot::goOffline()
{
    m_wanted = false;
    m_retry.stop();
    m_online = false;
    m_socket.close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("going offline"));
}

void DemoBot::open()
{
    if (!m_wanted || m_socket.state() != QAbstractSocket::UnconnectedState)
        return;
    m_socket.open(m_url);
}

void DemoBot::send(const ClientFrame &frame)
{
    if (!m_online)
        return;
    m_socket.sendTextMessage(QString::fromUtf8(toJsonBytes(encodeFrame(frame))));
}

QString DemoBot::nextClientMsgId()
{
    return QStringLiteral("demo-%1-%2-%3")
        .arg(m_person.username)
        .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'))
        .arg(++m_sent);
}

void DemoBot::onText(const QString &text)
{
    ServerFrame frame;
    try {
        frame = decodeServerFrame(parseJsonDocument(text.toUtf8(), 64));
    } catch (const std::exception &e) {
        // A newer server may send frames this build does not know: not the demo's problem.
        qCDebug(lcDemoBot) << m_person.username << "ignored a frame:" << e.what();
        return;
    }
    if (std::holds_alternative<HelloFrame>(frame)) {
        m_online = true;
        m_failures = 0;
    } else if (const auto *error = std::get_if<ErrorFrame>(&frame)) {
        qCDebug(lcDemoBot) << m_person.username << "got an error:" << errorCodeName(error->code) << error->message;
    }
    if (m_handler)
        m_handler(*this, frame);
}

void DemoBot::onDisconnected()
{
    m_online = false;
    if (!m_wanted)
        return;
    // The client's back-off table: the server may be restarting or gone for good.
    ++m_failures;
    m_retry.start(m_reconnect.delayMs(m_failures));
}

} // namespace confab::demo
