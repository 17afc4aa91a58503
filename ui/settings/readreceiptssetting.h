// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCheckBox>

namespace confab::client {
class ApiClient;
}

namespace confab::ui {

// "Send read receipts": kept on the server (it holds on all the user's devices), so the box is
// disabled until the server says how it is set, and goes back if the server refuses a change.
// Off means nobody sees what the user read and the user sees nobody's receipts.
class ReadReceiptsSetting : public QCheckBox {
    Q_OBJECT
public:
    explicit ReadReceiptsSetting(client::ApiClient &api, QWidget *parent = nullptr);

private:
    void apply(bool on);

    client::ApiClient &m_api;
    bool m_loading = true;
};

} // namespace confab::ui
