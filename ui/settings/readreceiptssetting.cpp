// SPDX-License-Identifier: GPL-3.0-or-later
#include "readreceiptssetting.h"

#include "client/net/apiclient.h"
#include "client/net/errortext.h"

namespace confab::ui {

namespace {
QString explain(const ApiError &e) { return client::ErrorText::forCode(e.code, e.field, 0, e.message); }
} // namespace

ReadReceiptsSetting::ReadReceiptsSetting(client::ApiClient &api, QWidget *parent)
    : QCheckBox(tr("Send &read receipts (when off, you see nobody's either)"), parent), m_api(api)
{
    setAccessibleName(tr("Send read receipts"));
    setChecked(true);
    setEnabled(false);
    m_api.receiptSetting(this, [this](const client::ApiResult<ReceiptSetting> &r) {
        if (r.ok())
            setChecked(r.value.sendReadReceipts);
        m_loading = false;
        setEnabled(r.ok());
        if (!r.ok())
            setToolTip(tr("The server could not be asked: %1").arg(explain(*r.error)));
    });
    connect(this, &QCheckBox::toggled, this, &ReadReceiptsSetting::apply);
}

void ReadReceiptsSetting::apply(bool on)
{
    if (m_loading)
        return;
    setEnabled(false);
    m_api.setReceiptSetting(on, this, [this, on](const client::ApiResult<ReceiptSetting> &r) {
        setEnabled(true);
        if (r.ok()) {
            setToolTip({});
            return;
        }
        setToolTip(tr("Not saved: %1").arg(explain(*r.error)));
        const QSignalBlocker quiet(this);
        setChecked(!on);
    });
}

} // namespace confab::ui
