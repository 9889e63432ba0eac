#include "ui/accounts/AccountHeader.h"

#include "app/accounts/Account.h"
#include "ui/common/AccountText.h"
#include "ui/common/Badge.h"
#include "ui/common/Theme.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace HallDesk {

namespace {

QLabel* selectableLabel(QWidget* parent, const QString& objectName = {})
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString orDash(const QString& text)
{
    return text.isEmpty() ? QStringLiteral("—") : text;
}

} // namespace

AccountHeader::AccountHeader(QWidget* parent)
    : QFrame(parent)
    , m_back(new QToolButton(this))
    , m_accountNo(selectableLabel(this, QStringLiteral("accountNo")))
    , m_name(selectableLabel(this, QStringLiteral("accountName")))
    , m_class(new Badge(this))
    , m_status(new Badge(this))
    , m_risk(new Badge(this))
    , m_contacts(new Badge(this))
    , m_address(selectableLabel(this, QStringLiteral("accountAddress")))
    , m_totalDue(selectableLabel(this, QStringLiteral("totalDue")))
    , m_breakdown(new QLabel(this))
    , m_pay(new QPushButton(this))
{
    setObjectName(QStringLiteral("accountHeader"));
    m_back->setText(tr("← Lookup"));
    m_back->setToolTip(tr("Back to the customer lookup (Esc)"));
    m_back->setAutoRaise(true);
    m_back->setFocusPolicy(Qt::NoFocus);
    connect(m_back, &QToolButton::clicked, this, &AccountHeader::backRequested);

    m_address->setWordWrap(true);
    m_pay->setObjectName(QStringLiteral("payAccount"));
    m_pay->setText(tr("Pay at the counter  (Ctrl+Enter)"));
    m_pay->setFocusPolicy(Qt::NoFocus);
    connect(m_pay, &QPushButton::clicked, this, &AccountHeader::payRequested);
    m_contacts->setObjectName(QStringLiteral("contactsOutdated"));

    m_name->setWordWrap(true); // a company's name can be long
    auto* titleRow = new QHBoxLayout;
    titleRow->setSpacing(14);
    titleRow->addWidget(m_accountNo);
    titleRow->addWidget(m_name, 1);

    auto* badgeRow = new QHBoxLayout;
    badgeRow->setSpacing(8);
    badgeRow->addWidget(m_class);
    badgeRow->addWidget(m_status);
    badgeRow->addWidget(m_risk);
    badgeRow->addWidget(m_contacts);
    badgeRow->addStretch(1);

    auto* facts = new QGridLayout;
    facts->setHorizontalSpacing(10);
    facts->setVerticalSpacing(6);
    m_hall = addFact(facts, 0, 0, tr("Hall"));
    m_area = addFact(facts, 0, 1, tr("Transformer area"));
    m_collector = addFact(facts, 0, 2, tr("Collector"));
    m_meter = addFact(facts, 1, 0, tr("Meter no."));
    m_prepaid = addFact(facts, 1, 1, tr("Prepaid balance"));
    m_group = addFact(facts, 1, 2, tr("Payer group"));
    facts->setColumnStretch(1, 1);
    facts->setColumnStretch(3, 1);
    facts->setColumnStretch(5, 1);

    auto* left = new QVBoxLayout;
    left->setSpacing(8);
    left->addWidget(m_back, 0, Qt::AlignLeft);
    left->addLayout(titleRow);
    left->addLayout(badgeRow);
    left->addWidget(m_address);
    left->addSpacing(4);
    left->addLayout(facts);

    auto* dueCaption = new QLabel(tr("Total due today"), this);
    Theme::setRole(dueCaption, QStringLiteral("caption"));
    m_totalDue->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_breakdown->setAlignment(Qt::AlignRight | Qt::AlignTop);
    m_breakdown->setTextFormat(Qt::PlainText);
    Theme::setRole(m_breakdown, QStringLiteral("caption"));
    auto* right = new QVBoxLayout;
    right->setSpacing(4);
    right->addStretch(1);
    right->addWidget(dueCaption, 0, Qt::AlignRight);
    right->addWidget(m_totalDue, 0, Qt::AlignRight);
    right->addWidget(m_breakdown, 0, Qt::AlignRight);
    right->addSpacing(6);
    right->addWidget(m_pay, 0, Qt::AlignRight);
    right->addStretch(1);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(18, 10, 22, 16);
    layout->setSpacing(24);
    layout->addLayout(left, 1);
    layout->addLayout(right);
}

QLabel* AccountHeader::addFact(QGridLayout* grid, int row, int column, const QString& caption)
{
    auto* captionLabel = new QLabel(caption, this);
    Theme::setRole(captionLabel, QStringLiteral("caption"));
    auto* value = selectableLabel(this);
    grid->addWidget(captionLabel, row, column * 2, Qt::AlignLeft | Qt::AlignVCenter);
    grid->addWidget(value, row, column * 2 + 1, Qt::AlignLeft | Qt::AlignVCenter);
    return value;
}

void AccountHeader::showAccount(const AccountDetail& account)
{
    m_accountNo->setText(account.accountNo);
    m_name->setText(account.name);
    m_class->setBadge(customerClassName(account.customerClass), Theme::Tone::Info);
    m_status->setBadge(AccountText::statusName(account.status), AccountText::statusTone(account.status));
    m_risk->setBadge(AccountText::riskName(account.riskLevel), AccountText::riskTone(account.riskLevel));
    if (account.contactStale) {
        m_contacts->setBadge(
            tr("Contacts outdated"), Theme::Tone::Warning,
            tr("The contact data has not been confirmed for over a year. Check it with the customer."));
    } else {
        m_contacts->clearBadge();
    }
    m_address->setText(account.address);

    m_hall->setText(orDash(account.hallName));
    m_area->setText(orDash(account.areaName));
    m_collector->setText(account.collectorName.isEmpty()
                             ? orDash(account.collectorCode)
                             : tr("%1 (%2)").arg(account.collectorName, account.collectorCode));
    m_meter->setText(orDash(account.meterNo));
    m_prepaid->setText(account.prepaid.toCurrencyString());
    m_group->setText(account.groupName.isEmpty() ? QStringLiteral("—") : account.groupName);

    const Money total = account.totalDue();
    m_totalDue->setText(total.toCurrencyString());
    Theme::setTone(m_totalDue, total.isZero() ? Theme::Tone::None : Theme::Tone::Danger);
    const QString asOf = account.asOf.toString(Qt::ISODate);
    if (account.totalArrears().isZero()) {
        m_breakdown->setText(tr("Nothing outstanding on %1").arg(asOf));
    } else if (account.prepaid.isZero()) {
        m_breakdown->setText(
            tr("Arrears %1 + late fee %2\nas of %3")
                .arg(account.arrearsPrincipal.toDisplayString(), account.arrearsLateFee.toDisplayString(), asOf));
    } else {
        m_breakdown->setText(tr("Arrears %1 + late fee %2 − prepaid %3\nas of %4")
                                 .arg(account.arrearsPrincipal.toDisplayString(),
                                      account.arrearsLateFee.toDisplayString(),
                                      std::min(account.prepaid, account.totalArrears()).toDisplayString(), asOf));
    }
}

} // namespace HallDesk
