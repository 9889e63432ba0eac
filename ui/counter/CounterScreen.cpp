#include "ui/counter/CounterScreen.h"

#include "app/counter/CounterService.h"
#include "app/lookup/LookupService.h"
#include "db/StoreError.h"
#include "ui/common/Tables.h"
#include "ui/common/Theme.h"
#include "ui/counter/DueBillModel.h"
#include "ui/counter/ShiftPanel.h"
#include "ui/counter/ShiftPaymentModel.h"
#include "ui/counter/TenderPanel.h"

#include <QAction>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace HallDesk {

namespace {

QPushButton* toolButton(const QString& text, const QString& objectName, QWidget* parent)
{
    auto* button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setFocusPolicy(Qt::NoFocus);
    return button;
}

} // namespace

CounterScreen::CounterScreen(const Services& services, const Session& session, QWidget* parent)
    : QWidget(parent)
    , m_services(services)
    , m_session(session)
    , m_account(new QLineEdit(this))
    , m_accounts(new QLabel(this))
    , m_message(new QLabel(this))
    , m_billsTitle(new QLabel(this))
    , m_bills(new DueBillModel(this))
    , m_billTable(new QTableView(this))
    , m_shift(new ShiftPanel(services, session, this))
    , m_dueCaption(new QLabel(tr("Amount due"), this))
    , m_due(new QLabel(this))
    , m_dueBreakdown(new QLabel(this))
    , m_tender(new TenderPanel(this))
{
    setObjectName(QStringLiteral("counterScreen"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(18);
    layout->addWidget(buildLeft(), 1);
    layout->addWidget(buildRight());
    buildActions();

    connect(m_tender, &TenderPanel::paymentRequested, this, &CounterScreen::takePayment);
    connect(m_tender, &TenderPanel::changed, this, [this] { showMessage({}, QStringLiteral("hint")); });
    connect(m_shift, &ShiftPanel::receiptsToPrint, this, &CounterScreen::receiptsToPrint);
    connect(m_shift, &ShiftPanel::voided, this, [this](const QString& text) {
        showMessage(text, QStringLiteral("banner"));
        if (m_accountNos.isEmpty()) {
            m_tender->clear(); // the change of the last payment is no longer what to hand back
        } else {
            present(m_accountNos); // the void may have reopened bills of the customer at the counter
        }
    });
    connect(m_shift, &ShiftPanel::problem, this,
            [this](const QString& text) { showMessage(text, QStringLiteral("error")); });

    newCustomer();
    m_shift->reload();
}

CounterScreen::~CounterScreen() = default;

QWidget* CounterScreen::buildLeft()
{
    auto* left = new QWidget(this);
    m_account->setObjectName(QStringLiteral("counterAccount"));
    m_account->setPlaceholderText(tr("户号 or bill barcode, Enter"));
    m_account->setToolTip(tr("Type or scan a 户号 or a bill barcode and press Enter. Another 户号 adds an account to "
                             "the payment. Ctrl+K comes back here."));
    m_account->setClearButtonEnabled(true);
    m_account->setMaxLength(64);
    connect(m_account, &QLineEdit::returnPressed, this, &CounterScreen::onAccountEnter);

    m_group = toolButton(tr("+ Payer group  Ctrl+G"), QStringLiteral("addPayerGroup"), left);
    m_group->setToolTip(tr("Adds the other accounts of the loaded account's payer group (集团户)"));
    connect(m_group, &QPushButton::clicked, this, &CounterScreen::addPayerGroup);
    QPushButton* next = toolButton(tr("Next customer  Ctrl+N"), QStringLiteral("newCustomer"), left);
    connect(next, &QPushButton::clicked, this, [this] {
        newCustomer();
        activate();
    });
    QPushButton* settle = toolButton(tr("Settle shift…  F12"), QStringLiteral("settleShift"), left);
    connect(settle, &QPushButton::clicked, this, &CounterScreen::settleShift);

    auto* accountRow = new QHBoxLayout;
    accountRow->setSpacing(8);
    accountRow->addWidget(m_account, 1);
    accountRow->addWidget(m_group);
    accountRow->addWidget(next);

    m_message->setObjectName(QStringLiteral("counterMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_accounts->setObjectName(QStringLiteral("loadedAccounts"));
    m_accounts->setTextFormat(Qt::RichText);
    m_accounts->setWordWrap(true);

    m_billTable->setObjectName(QStringLiteral("dueBills"));
    m_billTable->setModel(m_bills);
    setUpListTable(m_billTable);
    m_billTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 14);
    // Every column shares the width equally; the last one gets no more than the others.
    m_billTable->horizontalHeader()->setStretchLastSection(false);
    m_billTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_billsTitle->setObjectName(QStringLiteral("billsTitle"));
    Theme::setRole(m_billsTitle, QStringLiteral("section"));
    auto* billsHint = new QLabel(tr("Oldest first, the order a payment settles them"), this);
    billsHint->setToolTip(tr("Ctrl+B moves into the bills; Ctrl+E waives the selected bill's late fee"));
    billsHint->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    billsHint->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    Theme::setRole(billsHint, QStringLiteral("caption"));
    auto* billsPage = new QFrame(this);
    billsPage->setObjectName(QStringLiteral("counterSection"));
    auto* billsTitleRow = new QHBoxLayout;
    billsTitleRow->addWidget(m_billsTitle);
    billsTitleRow->addWidget(billsHint, 1);
    auto* billsLayout = new QVBoxLayout(billsPage);
    billsLayout->setContentsMargins(12, 10, 12, 12);
    billsLayout->setSpacing(8);
    billsLayout->addLayout(billsTitleRow);
    billsLayout->addWidget(m_billTable);

    m_shift->setObjectName(QStringLiteral("counterSection"));
    m_shift->setAttribute(Qt::WA_StyledBackground);
    m_shift->addButton(settle);

    auto* layout = new QVBoxLayout(left);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addLayout(accountRow);
    layout->addWidget(m_message);
    layout->addWidget(m_accounts);
    layout->addWidget(billsPage, 3);
    layout->addWidget(m_shift, 2);
    return left;
}

QWidget* CounterScreen::buildRight()
{
    auto* side = new QFrame(this);
    side->setObjectName(QStringLiteral("counterSide"));
    auto* card = new QFrame(side);
    card->setObjectName(QStringLiteral("dueCard"));
    Theme::setRole(m_dueCaption, QStringLiteral("caption"));
    m_due->setObjectName(QStringLiteral("amountDue"));
    m_due->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_due->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dueBreakdown->setObjectName(QStringLiteral("dueBreakdown"));
    m_dueBreakdown->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_dueBreakdown->setTextFormat(Qt::PlainText);
    m_dueBreakdown->setWordWrap(true);
    Theme::setRole(m_dueBreakdown, QStringLiteral("caption"));
    m_waive = toolButton(tr("Waive late fee…  Ctrl+E"), QStringLiteral("waiveLateFee"), card);
    connect(m_waive, &QPushButton::clicked, this, &CounterScreen::waiveLateFee);

    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(16, 12, 16, 12);
    cardLayout->setSpacing(2);
    auto* captionRow = new QHBoxLayout;
    captionRow->addWidget(m_dueCaption);
    captionRow->addStretch(1);
    captionRow->addWidget(m_waive);
    cardLayout->addLayout(captionRow);
    cardLayout->addWidget(m_due);
    cardLayout->addWidget(m_dueBreakdown);

    auto* layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(14);
    layout->addWidget(card);
    layout->addWidget(m_tender, 1);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    side->setFixedWidth(em * 30);
    return side;
}

void CounterScreen::buildActions()
{
    const auto add = [this](const QKeySequence& key, auto slot) {
        auto* action = new QAction(this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    add(QKeySequence(Qt::Key_F5), [this] { m_tender->selectMethod(TenderMethod::Cash); });
    add(QKeySequence(Qt::Key_F6), [this] { m_tender->selectMethod(TenderMethod::Card); });
    add(QKeySequence(Qt::Key_F7), [this] { m_tender->selectMethod(TenderMethod::Qr); });
    add(QKeySequence(Qt::Key_F8), [this] { m_tender->selectMethod(TenderMethod::Transfer); });
    add(QKeySequence(Qt::Key_F9), [this] { takePayment(); });
    add(QKeySequence(Qt::Key_F11), [this] { m_shift->voidSelected(); });
    add(QKeySequence(Qt::Key_F12), [this] { settleShift(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_G), [this] { addPayerGroup(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_E), [this] { waiveLateFee(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_R), [this] { m_tender->toggleReceiptMode(); });
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), [this] { refundPrepaid(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_Delete), [this] { m_tender->removeSelectedLine(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_T), [this] { showTodaysPayments(); });
    // Ctrl+P and Ctrl+Shift+P (reprint, preview) are the window's Print menu: they work from every screen.
    add(QKeySequence(Qt::CTRL | Qt::Key_N), [this] {
        newCustomer();
        activate();
    });
    add(QKeySequence(Qt::CTRL | Qt::Key_B), [this] {
        m_billTable->setFocus(Qt::ShortcutFocusReason);
        if (!m_billTable->currentIndex().isValid() && m_bills->rowCount() > 0) {
            m_billTable->selectRow(0);
        }
    });
    add(QKeySequence(Qt::CTRL | Qt::Key_K), [this] {
        m_account->setFocus(Qt::ShortcutFocusReason);
        m_account->selectAll();
    });
}

void CounterScreen::activate()
{
    m_shift->reload();
    if (m_accountNos.isEmpty()) {
        m_account->setFocus(Qt::OtherFocusReason);
        m_account->selectAll();
    } else {
        m_account->setFocus(Qt::OtherFocusReason);
    }
}

void CounterScreen::newCustomer()
{
    m_accountNos.clear();
    m_dues = Dues{};
    m_waivers.clear();
    m_paymentUuid = QUuid();
    m_bills->setDues(m_dues);
    m_billTable->setColumnHidden(DueBillModel::AccountColumn, true);
    m_tender->clear();
    m_account->clear();
    m_billsTitle->setText(tr("Open bills"));
    showAccounts();
    refreshDue();
}

bool CounterScreen::present(const QStringList& accountNos)
{
    Dues dues;
    try {
        dues = m_services.counter.dues(accountNos);
    } catch (const StoreError& error) {
        showMessage(error.message(), QStringLiteral("error"));
        return false;
    }
    m_accountNos = accountNos;
    m_dues = dues;
    m_waivers.clear();
    m_paymentUuid = QUuid::createUuid();
    m_bills->setDues(m_dues);
    m_billTable->setColumnHidden(DueBillModel::AccountColumn, m_accountNos.size() < 2);
    m_billsTitle->setText(m_bills->rowCount() == 0 ? tr("No open bills")
                                                   : tr("Open bills (%1)").arg(m_bills->rowCount()));
    showAccounts();
    m_tender->start(amountDue(), int(m_accountNos.size()));
    refreshDue();
    return true;
}

bool CounterScreen::loadAccounts(const QStringList& accountNos)
{
    if (!present(accountNos)) {
        return false;
    }
    m_lastPayment.reset();
    showMessage({}, QStringLiteral("hint"));
    m_account->clear();
    return true;
}

bool CounterScreen::addAccount(const QString& accountNo)
{
    if (m_accountNos.contains(accountNo)) {
        showMessage(tr("Account %1 is loaded already.").arg(accountNo), QStringLiteral("error"));
        return false;
    }
    if (!m_tender->tenders().isEmpty() || !m_waivers.isEmpty()) {
        // The tenders and waivers were entered for what was due before.
        showMessage(tr("Finish or clear (Ctrl+N) the payment under way before adding an account."),
                    QStringLiteral("error"));
        return false;
    }
    return loadAccounts(m_accountNos + QStringList{accountNo});
}

bool CounterScreen::addPayerGroup()
{
    if (m_accountNos.isEmpty()) {
        showMessage(tr("Load an account of the payer group first."), QStringLiteral("error"));
        return false;
    }
    QStringList all = m_accountNos;
    try {
        for (const QString& accountNo : m_accountNos) {
            for (const QString& member : m_services.counter.groupAccounts(accountNo)) {
                if (!all.contains(member)) {
                    all << member;
                }
            }
        }
    } catch (const StoreError& error) {
        showMessage(error.message(), QStringLiteral("error"));
        return false;
    }
    if (all.size() == m_accountNos.size()) {
        showMessage(tr("Account %1 belongs to no payer group with other accounts.").arg(m_accountNos.constFirst()),
                    QStringLiteral("hint"));
        return false;
    }
    if (!m_tender->tenders().isEmpty() || !m_waivers.isEmpty()) {
        showMessage(tr("Finish or clear (Ctrl+N) the payment under way before adding accounts."),
                    QStringLiteral("error"));
        return false;
    }
    const auto added = all.size() - m_accountNos.size();
    if (!loadAccounts(all)) {
        return false;
    }
    showMessage(tr("Added %n account(s) of the payer group.", nullptr, int(added)), QStringLiteral("hint"));
    return true;
}

void CounterScreen::onAccountEnter()
{
    QString text = m_account->text().trimmed();
    if (text.isEmpty()) {
        if (!m_accountNos.isEmpty()) {
            m_tender->selectMethod(m_tender->method());
        }
        return;
    }
    // A scanner types the bill's barcode and Enter: its account is what counts.
    const LookupQuery query = LookupService::classify(text);
    if (query.kind == LookupQuery::Kind::Barcode) {
        if (const auto accountNo = LookupService::accountFromBarcode(query.text)) {
            text = *accountNo;
        }
    }
    // After a payment the next 户号 is the next customer.
    const bool ok = m_accountNos.isEmpty() ? loadAccounts({text}) : addAccount(text);
    if (!ok) {
        m_account->selectAll();
    }
}

Money CounterScreen::amountDue() const
{
    Money due;
    for (const DueAccount& account : m_dues.accounts) {
        Money owed;
        for (const DueBill& bill : account.bills) {
            owed += bill.principal + m_bills->chargedFee(bill);
        }
        const Money left = owed - account.prepaid;
        if (!left.isNegative()) {
            due += left;
        }
    }
    return due;
}

void CounterScreen::refreshDue()
{
    const bool loaded = !m_accountNos.isEmpty();
    const Money due = amountDue();
    m_due->setText(loaded ? due.toCurrencyString() : QStringLiteral("—"));
    Theme::setTone(m_due, loaded && !due.isZero() ? Theme::Tone::Danger : Theme::Tone::None);
    m_waive->setEnabled(loaded);
    m_group->setEnabled(loaded);
    if (!loaded) {
        m_dueBreakdown->setText(tr("Type or scan a 户号 and press Enter."));
        return;
    }
    Money principal;
    Money fee;
    Money waived;
    for (const DueAccount& account : m_dues.accounts) {
        for (const DueBill& bill : account.bills) {
            principal += bill.principal;
            fee += m_bills->chargedFee(bill);
            waived += bill.lateFee.fee - m_bills->chargedFee(bill);
        }
    }
    QStringList parts{tr("Principal %1").arg(principal.toDisplayString()),
                      tr("late fee %1").arg(fee.toDisplayString())};
    if (!waived.isZero()) {
        parts << tr("waived %1").arg(waived.toDisplayString());
    }
    if (!m_dues.prepaid().isZero()) {
        parts << tr("prepaid −%1").arg(m_dues.prepaid().toDisplayString());
    }
    QString text = parts.join(QStringLiteral(" · "));
    if (due.isZero()) {
        text += QLatin1Char('\n') + tr("Nothing due: a payment goes to the prepaid balance.");
    }
    m_dueBreakdown->setText(text);
    m_tender->setDue(due);
}

void CounterScreen::showAccounts()
{
    if (m_dues.accounts.isEmpty()) {
        m_accounts->clear();
        m_accounts->hide();
        return;
    }
    QStringList lines;
    for (const DueAccount& account : m_dues.accounts) {
        QString line
            = QStringLiteral("<b style='font-size:14pt; color:#14314f'>%1</b>&nbsp;&nbsp;"
                             "<b style='font-size:13pt'>%2</b>&nbsp;&nbsp;<span style='color:#5b6b7b'>%3 · %4")
                  .arg(account.accountNo.toHtmlEscaped(), account.name.toHtmlEscaped(),
                       customerClassName(account.customerClass).toHtmlEscaped(), account.address.toHtmlEscaped());
        line += QStringLiteral(" · ") + tr("prepaid %1").arg(account.prepaid.toCurrencyString()).toHtmlEscaped();
        line += QStringLiteral("</span>");
        if (account.status != QLatin1String("normal")) {
            line += QStringLiteral("&nbsp;&nbsp;<span style='color:#b42318; font-weight:600'>%1</span>")
                        .arg(account.status == QLatin1String("disconnected") ? tr("disconnected for arrears")
                                                                             : tr("closed"));
        }
        lines << line;
    }
    m_accounts->setText(lines.join(QStringLiteral("<br/>")));
    m_accounts->show();
}

void CounterScreen::showMessage(const QString& text, const QString& role)
{
    m_message->setText(text);
    Theme::setRole(m_message, role);
    m_message->setVisible(!text.isEmpty());
}

bool CounterScreen::takePayment()
{
    if (m_accountNos.isEmpty()) {
        showMessage(tr("Load an account first: type or scan its 户号 and press Enter."), QStringLiteral("error"));
        m_account->setFocus(Qt::OtherFocusReason);
        return false;
    }
    if (!m_tender->takeEntry()) {
        return false;
    }
    if (m_tender->tenders().isEmpty()) {
        m_tender->showError(tr("Enter how the customer pays first: F5 cash, F6 card, F7 QR, F8 transfer."));
        return false;
    }
    PaymentRequest request;
    request.uuid = m_paymentUuid;
    request.accountNos = m_accountNos;
    request.tenders = m_tender->tenders();
    request.waivers = m_waivers.values();
    request.receiptMode = m_tender->receiptMode();
    request.expectedDue = m_dues.due();

    PaymentResult result;
    try {
        result = m_services.counter.pay(request, m_session);
    } catch (const StoreError& error) {
        // Nothing was written. The tenders stay so the clerk can correct them, unless what is due changed.
        showMessage(error.message(), QStringLiteral("error"));
        reloadIfChanged();
        return false;
    }
    m_lastPayment = result;
    const QString receipts = result.receiptNos.join(QStringLiteral(", "));
    QString text = tr("Paid %1 — receipt %2.").arg(result.amount.toCurrencyString(), receipts);
    if (!result.change.isZero()) {
        text += QLatin1Char(' ') + tr("Change %1.").arg(result.change.toCurrencyString());
    }
    for (const auto& [accountNo, balance] : result.prepaidAfter) {
        if (!balance.isZero()) {
            text += QLatin1Char(' ') + tr("Prepaid balance of %1 now %2.").arg(accountNo, balance.toCurrencyString());
        }
    }
    newCustomer();
    showMessage(text, QStringLiteral("success"));
    m_tender->showResultChange(result.change);
    m_shift->reload();
    if (!result.receiptNos.isEmpty()) {
        m_shift->selectReceipt(result.receiptNos.constFirst());
    }
    m_account->setFocus(Qt::OtherFocusReason);
    Q_EMIT receiptsToPrint(result.receiptNos, false);
    return true;
}

void CounterScreen::reloadIfChanged()
{
    // Another terminal or a sync changed an account meanwhile: show what is due now, before anything else.
    try {
        if (m_services.counter.dues(m_accountNos).due() == m_dues.due()) {
            return;
        }
    } catch (const StoreError&) {
        return;
    }
    const QString message = m_message->text();
    if (present(m_accountNos)) {
        showMessage(message + QLatin1Char('\n') + tr("The amounts due were read again; enter the payment again."),
                    QStringLiteral("error"));
    }
}

void CounterScreen::keyPressEvent(QKeyEvent* event)
{
    // Esc: away with what is typed in the entry and its message; a second Esc goes back to the 户号.
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        if (m_tender->hasEntry()) {
            m_tender->clearEntry();
        } else {
            m_tender->showError({});
            m_account->setFocus(Qt::OtherFocusReason);
            m_account->selectAll();
        }
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void CounterScreen::showTodaysPayments()
{
    m_shift->reload();
    m_shift->table()->setFocus(Qt::ShortcutFocusReason);
    if (!m_shift->table()->currentIndex().isValid() && m_shift->model()->rowCount() > 0) {
        m_shift->table()->selectRow(0);
    }
}

} // namespace HallDesk
