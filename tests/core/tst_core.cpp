#include <QtTest>
#include "core/frames.h"
#include <nlohmann/json.hpp>
class TestCore : public QObject { Q_OBJECT
private Q_SLOTS:
  void smoke() { confab::Message m; m.messageId = QStringLiteral("m_1"); m.roomId=QStringLiteral("r_1"); m.seq=1; m.timestamp=1759141500123;
    nlohmann::json j = m; confab::Message back = j.get<confab::Message>(); QCOMPARE(back, m);
    confab::ServerFrame f = confab::NewMessageFrame{1, m}; auto j2 = confab::encodeFrame(f); QCOMPARE(confab::decodeServerFrame(j2), f); }
};
QTEST_GUILESS_MAIN(TestCore)
#include "tst_core.moc"
