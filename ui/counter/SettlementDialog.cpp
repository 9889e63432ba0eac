#include "ui/counter/SettlementDialog.h"

#include "app/counter/CounterService.h"
#include "db/Store.h"
#include "ui/common/Icons.h"
#include "ui/common/Theme.h"
#include "ui/counter/ApprovalDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace HallDesk {

namespace {

QLabel* moneyLabel(QWidget* parent, const QString& objectName = {})
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QLabel* header(const QString& text, QWidget* parent, Qt::Alignment alignment = Qt::AlignRight)
{
    auto* label = new QLabel(text, parent);
    label->setAlignment(alignment | Qt::AlignVCenter);
    Theme::setRole(label, QStringLiteral("caption"));
    return label;
}

QString denominationText(qint64 fen)
{
    return fen % 100 == 0 ? SettlementDialog::tr("¥%1").arg(fen / 100) : Money::fromFen(fen).toCurrencyString();
}

} // namespace

SettlementDialog::SettlementDialog(const Services& services, const Session& session, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_session(session)
    , m_uuid(QUuid::createUuid())
    , m_cashTotal(moneyLabel(this, QStringLiteral("cashCounted")))
    , m_blind(new QCheckBox(tr("&Blind count: hide the expected totals until the count is submitted"), this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Settle the shift (日结)"));
    setWindowIcon(Icons::application());
    try {
        m_totals = m_services.counter.shiftTotals(m_session);
    } catch (const StoreError& error) {
        showMessage(error.message());
    }
    const QStringList denominations = m_services.store
                                          .setting(QStringLiteral("counter.cash_denominations_fen"),
                                                   QStringLiteral("10000,5000,2000,1000,500,100,50,10"))
                                          .split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& value : denominations) {
        if (const qint64 fen = value.trimmed().toLongLong(); fen > 0) {
            m_denominations << fen;
        }
    }

    auto* title = new QLabel(tr("Settlement of %1 (%2), terminal %3, business date %4")
                                 .arg(m_session.op.name, m_session.op.code, m_session.workplace.terminalCode,
                                      m_totals.businessDate.toString(Qt::ISODate)),
                             this);
    Theme::setRole(title, QStringLiteral("title"));
    title->setWordWrap(true);
    auto* facts = new QLabel(this);
    facts->setObjectName(QStringLiteral("settlementFacts"));
    Theme::setRole(facts, QStringLiteral("hint"));
    facts->setWordWrap(true);
    facts->setText(tr("%n payment(s), ", nullptr, m_totals.paymentCount)
                   + tr("%n voided, ", nullptr, m_totals.voidCount) + tr("%n refund(s)", nullptr, m_totals.refundCount)
                   + (m_totals.firstReceipt.isEmpty()
                          ? QString()
                          : tr(" · receipts %1 to %2").arg(m_totals.firstReceipt, m_totals.lastReceipt)));

    m_blind->setObjectName(QStringLiteral("blindCount"));
    connect(m_blind, &QCheckBox::toggled, this, &SettlementDialog::updateTotals);

    auto* cashBox = new QGroupBox(tr("Cash in the drawer"), this);
    auto* cashGrid = new QGridLayout(cashBox);
    buildCashCount(cashGrid);
    auto* compareBox = new QGroupBox(tr("Per tender"), this);
    auto* compareGrid = new QGridLayout(compareBox);
    buildComparison(compareGrid);

    m_message->setObjectName(QStringLiteral("settlementMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setVisible(!m_message->text().isEmpty());

    auto* buttons = new QDialogButtonBox(this);
    m_submit = buttons->addButton(tr("Submit count"), QDialogButtonBox::AcceptRole);
    m_submit->setObjectName(QStringLiteral("submitSettlement"));
    m_submit->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettlementDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettlementDialog::reject);

    auto* columns = new QHBoxLayout;
    columns->setSpacing(16);
    columns->addWidget(cashBox, 1);
    columns->addWidget(compareBox, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(22, 18, 22, 18);
    layout->setSpacing(12);
    layout->addWidget(title);
    layout->addWidget(facts);
    layout->addWidget(m_blind);
    layout->addLayout(columns, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 52);
    updateTotals();
    if (!m_counts.isEmpty()) {
        m_counts.constFirst()->setFocus(Qt::OtherFocusReason);
        m_counts.constFirst()->selectAll();
    }
}

void SettlementDialog::buildCashCount(QGridLayout* grid)
{
    grid->setHorizontalSpacing(14);
    grid->setVerticalSpacing(6);
    grid->addWidget(header(tr("Denomination"), this, Qt::AlignLeft), 0, 0);
    grid->addWidget(header(tr("Count"), this), 0, 1);
    grid->addWidget(header(tr("Amount"), this), 0, 2);
    int row = 1;
    for (const qint64 fen : std::as_const(m_denominations)) {
        auto* count = new QSpinBox(this);
        count->setObjectName(QStringLiteral("count_%1").arg(fen));
        count->setRange(0, 99999);
        count->setAlignment(Qt::AlignRight);
        count->setButtonSymbols(QAbstractSpinBox::NoButtons);
        count->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("000000")) + 16);
        connect(count, &QSpinBox::valueChanged, this, &SettlementDialog::updateTotals);
        auto* amount = moneyLabel(this);
        grid->addWidget(new QLabel(denominationText(fen), this), row, 0);
        grid->addWidget(count, row, 1);
        grid->addWidget(amount, row, 2);
        m_counts << count;
        m_countTotals << amount;
        ++row;
    }
    auto* totalCaption = new QLabel(tr("Cash counted"), this);
    QFont bold = totalCaption->font();
    bold.setBold(true);
    totalCaption->setFont(bold);
    m_cashTotal->setFont(bold);
    grid->addWidget(totalCaption, row, 0, 1, 2);
    grid->addWidget(m_cashTotal, row, 2);
    grid->setColumnStretch(2, 1);
    grid->setRowStretch(row + 1, 1);
}

void SettlementDialog::buildComparison(QGridLayout* grid)
{
    grid->setHorizontalSpacing(14);
    grid->setVerticalSpacing(8);
    grid->addWidget(header(tr("Tender"), this, Qt::AlignLeft), 0, 0);
    grid->addWidget(header(tr("Counted"), this), 0, 1);
    m_expectedHeader = header(tr("Expected"), this);
    m_differenceHeader = header(tr("Difference"), this);
    grid->addWidget(m_expectedHeader, 0, 2);
    grid->addWidget(m_differenceHeader, 0, 3);
    int row = 1;
    for (const TenderMethod method : allTenderMethods()) {
        Line line{method};
        if (method == TenderMethod::Cash) {
            line.cashCounted = moneyLabel(this);
            grid->addWidget(line.cashCounted, row, 1);
        } else {
            line.counted = new QLineEdit(this);
            line.counted->setObjectName(QStringLiteral("counted_") + tenderMethodCode(method));
            line.counted->setAlignment(Qt::AlignRight);
            line.counted->setPlaceholderText(QStringLiteral("0.00"));
            line.counted->setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("000,000,000.00")) + 20);
            connect(line.counted, &QLineEdit::textEdited, this, &SettlementDialog::updateTotals);
            grid->addWidget(line.counted, row, 1);
        }
        line.expected = moneyLabel(this, QStringLiteral("expected_") + tenderMethodCode(method));
        line.difference = moneyLabel(this, QStringLiteral("difference_") + tenderMethodCode(method));
        grid->addWidget(new QLabel(tenderMethodName(method), this), row, 0);
        grid->addWidget(line.expected, row, 2);
        grid->addWidget(line.difference, row, 3);
        m_lines << line;
        ++row;
    }
    m_totalCaption = new QLabel(tr("Difference in all"), this);
    m_totalDifference = moneyLabel(this, QStringLiteral("totalDifference"));
    QFont bold = m_totalCaption->font();
    bold.setBold(true);
    m_totalCaption->setFont(bold);
    m_totalDifference->setFont(bold);
    grid->addWidget(m_totalCaption, row, 0, 1, 3);
    grid->addWidget(m_totalDifference, row, 3);
    m_blindHint = new QLabel(tr("Blind count: what the shift took shows once you submit the count."), this);
    m_blindHint->setWordWrap(true);
    Theme::setRole(m_blindHint, QStringLiteral("hint"));
    grid->addWidget(m_blindHint, row + 1, 0, 1, 4);
    ++row;
    grid->setColumnStretch(0, 1);
    grid->setRowStretch(row + 1, 1);
}

Money SettlementDialog::countedCash() const
{
    Money sum;
    for (int i = 0; i < m_counts.size(); ++i) {
        sum += Money::fromFen(m_denominations.at(i) * m_counts.at(i)->value());
    }
    return sum;
}

bool SettlementDialog::showsExpected() const
{
    return !m_blind->isChecked() || m_submitted;
}

void SettlementDialog::updateTotals()
{
    for (int i = 0; i < m_counts.size(); ++i) {
        const int count = m_counts.at(i)->value();
        m_countTotals.at(i)->setText(count == 0 ? QString()
                                                : Money::fromFen(m_denominations.at(i) * count).toDisplayString());
    }
    m_cashTotal->setText(countedCash().toCurrencyString());

    const bool show = showsExpected();
    m_blind->setEnabled(!m_submitted);
    m_expectedHeader->setVisible(show);
    m_differenceHeader->setVisible(show);
    Money total;
    for (const Line& line : std::as_const(m_lines)) {
        Money expected;
        for (const auto& [method, amount] : m_totals.expected) {
            if (method == line.method) {
                expected = amount;
            }
        }
        Money counted = countedCash();
        if (line.counted) {
            counted = Money::parse(line.counted->text()).value_or(Money());
        } else {
            line.cashCounted->setText(counted.toDisplayString());
        }
        const Money difference = counted - expected;
        total += difference;
        line.expected->setText(expected.toDisplayString());
        line.difference->setText(difference.isZero() ? QStringLiteral("0.00")
                                                     : (difference.isNegative() ? QString() : QStringLiteral("+"))
                                         + difference.toDisplayString());
        Theme::setTone(line.difference, difference.isZero() ? Theme::Tone::Good : Theme::Tone::Danger);
        line.expected->setVisible(show);
        line.difference->setVisible(show);
    }
    m_totalDifference->setText(total.toCurrencyString());
    m_totalDifference->setVisible(show);
    m_totalCaption->setVisible(show);
    m_blindHint->setVisible(!show);
    Theme::setTone(m_totalDifference, total.isZero() ? Theme::Tone::Good : Theme::Tone::Danger);
}

bool SettlementDialog::readCounted(QList<QPair<TenderMethod, Money>>* counted)
{
    for (const Line& line : std::as_const(m_lines)) {
        if (!line.counted) {
            continue;
        }
        QString error;
        const QString text = line.counted->text().trimmed();
        const auto amount = text.isEmpty() ? std::optional<Money>(Money()) : Money::parse(text, &error);
        if (!amount) {
            showMessage(tr("%1: %2").arg(tenderMethodName(line.method), error));
            line.counted->setFocus(Qt::OtherFocusReason);
            line.counted->selectAll();
            return false;
        }
        counted->append({line.method, *amount});
    }
    return true;
}

void SettlementDialog::accept()
{
    QList<QPair<TenderMethod, Money>> counted;
    if (!readCounted(&counted)) {
        return;
    }
    // From here the count stands: with a blind count the clerk now sees what was expected, so it cannot change.
    if (m_blind->isChecked()) {
        m_submitted = true;
        for (QSpinBox* count : std::as_const(m_counts)) {
            count->setReadOnly(true);
        }
        for (const Line& line : std::as_const(m_lines)) {
            if (line.counted) {
                line.counted->setReadOnly(true);
            }
        }
    }
    updateTotals();

    Money variance = countedCash() - m_totals.expectedTotal();
    for (const auto& [method, amount] : counted) {
        variance += amount;
    }

    QString error;
    if (variance.isZero()) {
        if (settle(counted, std::nullopt, {}, &error)) {
            QDialog::accept();
        } else {
            showMessage(error);
        }
        return;
    }
    showMessage(tr("The count differs from what the shift took by %1. A supervisor approves the difference with a "
                   "reason.")
                    .arg(variance.toCurrencyString()),
                QStringLiteral("banner"));
    ApprovalDialog approval(
        m_services.auth, m_session, tr("Approve a settlement difference"),
        tr("Shift of %1 on %2: counted differs from expected by %3.")
            .arg(m_session.op.name, m_totals.businessDate.toString(Qt::ISODate), variance.toCurrencyString()),
        this);
    approval.setObjectName(QStringLiteral("settlementApproval"));
    approval.setAction([&](const Operator& approver, const QString& reason) -> std::optional<QString> {
        QString problem;
        if (settle(counted, approver, reason, &problem)) {
            return std::nullopt;
        }
        return problem;
    });
    if (approval.exec() == QDialog::Accepted && m_settlement) {
        QDialog::accept();
        return;
    }
    m_submit->setText(tr("Ask for approval again"));
}

bool SettlementDialog::settle(const QList<QPair<TenderMethod, Money>>& counted, const std::optional<Operator>& approver,
                              const QString& reason, QString* error)
{
    SettlementRequest request;
    request.uuid = m_uuid;
    for (int i = 0; i < m_counts.size(); ++i) {
        request.cashCounts.append({Money::fromFen(m_denominations.at(i)), m_counts.at(i)->value()});
    }
    request.counted = counted;
    request.blind = m_blind->isChecked();
    request.approverId = approver ? approver->id : 0;
    request.reason = reason;
    try {
        m_settlement = m_services.counter.settle(request, m_session);
        return true;
    } catch (const StoreError& e) {
        *error = e.message();
        return false;
    }
}

void SettlementDialog::showMessage(const QString& message, const QString& role)
{
    m_message->setText(message);
    Theme::setRole(m_message, role);
    m_message->setVisible(!message.isEmpty());
}

} // namespace HallDesk
