#include "ui/accounts/AccountView.h"

#include "app/accounts/AccountService.h"
#include "db/StoreError.h"
#include "ui/accounts/AccountHeader.h"
#include "ui/accounts/BillTableModel.h"
#include "ui/accounts/ContactPanel.h"
#include "ui/accounts/PayerGroupPanel.h"
#include "ui/common/Tables.h"
#include "ui/common/Theme.h"

#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QShortcut>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace HallDesk {

AccountView::AccountView(AccountService& accounts, const Session& session, QWidget* parent)
    : QWidget(parent)
    , m_accounts(accounts)
    , m_pages(new QStackedWidget(this))
    , m_header(new AccountHeader(this))
    , m_tabs(new QTabWidget(this))
    , m_openBills(new BillTableModel(this))
    , m_recentBills(new BillTableModel(this))
    , m_openSummary(new QLabel(this))
    , m_recentSummary(new QLabel(this))
    , m_contacts(new ContactPanel(accounts, session, this))
    , m_group(new PayerGroupPanel(this))
{
    auto* empty = new QLabel(tr("No account is open.\nFind a customer on the Lookup screen (F2)."), this);
    empty->setAlignment(Qt::AlignCenter);
    Theme::setRole(empty, QStringLiteral("hint"));

    m_tabs->setObjectName(QStringLiteral("accountTabs"));
    m_tabs->setDocumentMode(false);
    m_tabs->addTab(buildBillsTab(m_openBills, m_openSummary, QStringLiteral("openBills")), tr("Open bills"));
    m_tabs->addTab(buildBillsTab(m_recentBills, m_recentSummary, QStringLiteral("recentBills")), tr("Recent bills"));
    m_tabs->addTab(m_contacts, tr("Contacts"));
    m_tabs->addTab(m_group, tr("Payer group"));

    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(20, 16, 20, 16);
    contentLayout->setSpacing(14);
    contentLayout->addWidget(m_header);
    contentLayout->addWidget(m_tabs, 1);

    m_pages->addWidget(empty);
    m_pages->addWidget(content);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(m_header, &AccountHeader::backRequested, this, &AccountView::backRequested);
    connect(m_header, &AccountHeader::payRequested, this, [this] {
        if (m_account) {
            Q_EMIT payRequested(m_account->accountNo);
        }
    });
    connect(m_contacts, &ContactPanel::contactChanged, this, &AccountView::reload);
    connect(m_group, &PayerGroupPanel::openAccount, this, &AccountView::openFromGroup);
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &AccountView::backRequested);
}

QWidget* AccountView::buildBillsTab(BillTableModel* model, QLabel* summary, const QString& objectName)
{
    auto* page = new QWidget(this);
    auto* table = new QTableView(page);
    table->setObjectName(objectName);
    table->setModel(model);
    setUpListTable(table);
    table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 14);
    // Every column shares the width equally; the last one gets no more than the others.
    table->horizontalHeader()->setStretchLastSection(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->horizontalHeader()->setMinimumSectionSize(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 8);

    summary->setTextFormat(Qt::PlainText);
    summary->setWordWrap(true);
    Theme::setRole(summary, QStringLiteral("hint"));

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(10);
    layout->addWidget(summary);
    layout->addWidget(table, 1);
    return page;
}

bool AccountView::showAccount(const QString& accountNo, QString* error)
{
    std::optional<AccountDetail> account;
    try {
        account = m_accounts.load(accountNo, m_accounts.businessDate());
    } catch (const StoreError& e) {
        if (error) {
            *error = e.message();
        }
        return false;
    }
    if (!account) {
        if (error) {
            *error = tr("There is no account %1 in this hall's records.").arg(accountNo);
        }
        return false;
    }
    const bool sameAccount = m_account && m_account->accountNo == account->accountNo;
    present(*account);
    if (!sameAccount) {
        m_tabs->setCurrentIndex(0);
    }
    return true;
}

void AccountView::enableIdCardCheck(Store& store, const QString& serverUrl)
{
    m_contacts->enableIdCardCheck(store, serverUrl);
}

void AccountView::reload()
{
    if (!m_account) {
        return;
    }
    QString error;
    if (!showAccount(m_account->accountNo, &error)) {
        QMessageBox::warning(this, tr("Account"), error);
    }
}

void AccountView::openFromGroup(const QString& accountNo)
{
    QString error;
    if (showAccount(accountNo, &error)) {
        Q_EMIT accountShown(accountNo);
    } else {
        QMessageBox::warning(this, tr("Account"), error);
    }
}

void AccountView::present(const AccountDetail& account)
{
    m_account = account;
    m_header->showAccount(account);
    m_openBills->setBills(account.openBills);
    m_recentBills->setBills(account.recentBills);
    m_contacts->showAccount(account);
    m_group->showAccount(account);

    const auto openCount = account.openBills.size();
    m_tabs->setTabText(0, openCount == 0 ? tr("Open bills") : tr("Open bills (%1)").arg(openCount));
    if (openCount == 0) {
        m_openSummary->setText(tr("No open bills. Everything billed has been paid."));
    } else {
        const BillLine& oldest = account.openBills.constFirst();
        m_openSummary->setText(
            tr("Open bills: %1, the oldest due %2. Outstanding %3, late fee %4 as of %5 (policy %6).")
                .arg(openCount)
                .arg(oldest.dueDate.toString(Qt::ISODate), account.arrearsPrincipal.toDisplayString(),
                     account.arrearsLateFee.toDisplayString(), account.asOf.toString(Qt::ISODate),
                     oldest.lateFee.policyId.isEmpty()
                         ? QStringLiteral("—")
                         : tr("%1 v%2").arg(oldest.lateFee.policyId).arg(oldest.lateFee.policyVersion)));
    }
    m_recentSummary->setText(
        account.recentBills.isEmpty()
            ? tr("No bills in the last 13 months.")
            : tr("Bills of the last 13 months, newest first: %1.").arg(account.recentBills.size()));
    m_tabs->setTabText(2, account.contactStale ? tr("Contacts (outdated)") : tr("Contacts"));
    m_tabs->setTabText(3,
                       account.groupMembers.isEmpty() ? tr("Payer group")
                                                      : tr("Payer group (%1)").arg(account.groupMembers.size()));
    m_pages->setCurrentIndex(1);
}

} // namespace HallDesk
