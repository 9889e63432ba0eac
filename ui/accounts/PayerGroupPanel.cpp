#include "ui/accounts/PayerGroupPanel.h"

#include "app/accounts/Account.h"
#include "ui/common/AccountSummaryModel.h"
#include "ui/common/Tables.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace HallDesk {

PayerGroupPanel::PayerGroupPanel(QWidget* parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new AccountSummaryModel(this))
{
    m_summary->setObjectName(QStringLiteral("payerGroupSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);

    m_table->setObjectName(QStringLiteral("payerGroupMembers"));
    m_table->setModel(m_model);
    setUpListTable(m_table);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 14);
    // The address takes the spare width, not the last column.
    QHeaderView* header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(AccountSummaryModel::AddressColumn, QHeaderView::Stretch);
    connect(m_table, &QAbstractItemView::activated, this,
            [this](const QModelIndex& index) { Q_EMIT openAccount(m_model->accountNoAt(index.row())); });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(12);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
}

void PayerGroupPanel::showAccount(const AccountDetail& account)
{
    m_model->setAccounts(account.groupMembers);
    if (account.groupCode.isEmpty()) {
        m_summary->setText(tr("This account is not in a payer group."));
        m_table->hide();
        return;
    }
    Money arrears;
    for (const AccountSummary& member : account.groupMembers) {
        arrears += member.arrears;
    }
    const QString name = tr("%1 (%2)").arg(account.groupName, account.groupCode);
    if (account.groupMembers.isEmpty()) {
        m_summary->setText(tr("Payer group %1 has no other accounts.").arg(name));
    } else {
        m_summary->setText(tr("Payer group %1. Other accounts: %2, with %3 in arrears together. Enter or a "
                              "double-click opens one.")
                               .arg(name)
                               .arg(account.groupMembers.size())
                               .arg(arrears.toCurrencyString()));
    }
    m_table->setVisible(!account.groupMembers.isEmpty());
}

} // namespace HallDesk
