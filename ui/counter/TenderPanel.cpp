#include "ui/counter/TenderPanel.h"

#include "ui/common/Theme.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace HallDesk {

namespace {

// Short enough for four buttons in a row; the full name is in the tooltip.
QString shortMethodName(TenderMethod method)
{
    switch (method) {
    case TenderMethod::Cash:
        return TenderPanel::tr("Cash");
    case TenderMethod::Card:
        return TenderPanel::tr("Card");
    case TenderMethod::Qr:
        return TenderPanel::tr("QR");
    case TenderMethod::Transfer:
        return TenderPanel::tr("Transfer");
    }
    return {};
}

QString methodKey(TenderMethod method)
{
    switch (method) {
    case TenderMethod::Cash:
        return QStringLiteral("F5");
    case TenderMethod::Card:
        return QStringLiteral("F6");
    case TenderMethod::Qr:
        return QStringLiteral("F7");
    case TenderMethod::Transfer:
        return QStringLiteral("F8");
    }
    return {};
}

bool isEnter(const QKeyEvent* key)
{
    return key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
}

} // namespace

TenderPanel::TenderPanel(QWidget* parent)
    : QWidget(parent)
    , m_methods(new QButtonGroup(this))
    , m_amount(new QLineEdit(this))
    , m_tenderedLabel(new QLabel(this))
    , m_tendered(new QLineEdit(this))
    , m_referenceLabel(new QLabel(this))
    , m_reference(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_changeCaption(new QLabel(tr("Change"), this))
    , m_change(new QLabel(this))
    , m_lines(new QTableWidget(0, 4, this))
    , m_paid(new QLabel(this))
    , m_remaining(new QLabel(this))
    , m_receiptModeLabel(new QLabel(tr("Receipts  Ctrl+R"), this))
    , m_receiptMode(new QComboBox(this))
    , m_pay(new QPushButton(this))
{
    setObjectName(QStringLiteral("tenderPanel"));

    auto* methodRow = new QHBoxLayout;
    methodRow->setSpacing(6);
    for (const TenderMethod method : allTenderMethods()) {
        auto* button = new QToolButton(this);
        button->setObjectName(QStringLiteral("method_") + tenderMethodCode(method));
        button->setText(QStringLiteral("%1\n%2").arg(shortMethodName(method), methodKey(method)));
        button->setToolTip(tr("Pay by %1 (%2)").arg(tenderMethodName(method), methodKey(method)));
        button->setCheckable(true);
        button->setFocusPolicy(Qt::NoFocus);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        m_methods->addButton(button, int(method));
        methodRow->addWidget(button);
    }
    m_methods->setExclusive(true);
    connect(m_methods, &QButtonGroup::idClicked, this, [this](int id) { selectMethod(static_cast<TenderMethod>(id)); });

    m_amount->setObjectName(QStringLiteral("tenderAmount"));
    m_tendered->setObjectName(QStringLiteral("tenderTendered"));
    m_reference->setObjectName(QStringLiteral("tenderReference"));
    m_reference->setMaxLength(64);
    for (QLineEdit* field : {m_amount, m_tendered}) {
        field->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        field->setProperty("role", QStringLiteral("money"));
        field->installEventFilter(this);
    }
    m_reference->setProperty("role", QStringLiteral("money"));
    m_reference->installEventFilter(this);
    m_tendered->setPlaceholderText(tr("money handed over"));
    connect(m_amount, &QLineEdit::textEdited, this, [this] {
        showError({});
        updateTotals();
    });
    connect(m_tendered, &QLineEdit::textEdited, this, [this] {
        showError({});
        updateTotals();
    });
    connect(m_reference, &QLineEdit::textEdited, this, [this] { showError({}); });

    auto* amountLabel = new QLabel(tr("&Amount"), this);
    amountLabel->setBuddy(m_amount);
    m_tenderedLabel->setText(tr("&Tendered"));
    m_tenderedLabel->setBuddy(m_tendered);
    m_referenceLabel->setBuddy(m_reference);
    auto* form = new QGridLayout;
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(8);
    form->addWidget(amountLabel, 0, 0);
    form->addWidget(m_amount, 0, 1);
    form->addWidget(m_tenderedLabel, 1, 0);
    form->addWidget(m_tendered, 1, 1);
    form->addWidget(m_referenceLabel, 2, 0);
    form->addWidget(m_reference, 2, 1);
    form->setColumnStretch(1, 1);

    m_error->setObjectName(QStringLiteral("tenderError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    Theme::setRole(m_error, QStringLiteral("error"));
    m_error->hide();

    m_change->setObjectName(QStringLiteral("changeDue"));
    m_change->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    Theme::setRole(m_changeCaption, QStringLiteral("caption"));
    auto* changeRow = new QHBoxLayout;
    changeRow->addWidget(m_changeCaption, 0, Qt::AlignBottom);
    changeRow->addStretch(1);
    changeRow->addWidget(m_change);

    m_lines->setObjectName(QStringLiteral("tenderLines"));
    m_lines->setHorizontalHeaderLabels({tr("Method"), tr("Amount"), tr("Details"), tr("Change")});
    m_lines->verticalHeader()->hide();
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_lines->setSelectionMode(QAbstractItemView::SingleSelection);
    m_lines->setShowGrid(false);
    m_lines->setFocusPolicy(Qt::ClickFocus);
    m_lines->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_lines->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_lines->horizontalHeader()->setHighlightSections(false);
    m_lines->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_lines->setMinimumHeight(fontMetrics().height() * 5 + 24);
    m_lines->setToolTip(tr("Tender lines of a split payment; Delete removes the selected line."));
    m_lines->installEventFilter(this);

    m_paid->setObjectName(QStringLiteral("tenderPaid"));
    m_remaining->setObjectName(QStringLiteral("remainingDue"));
    m_remaining->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* totalsRow = new QHBoxLayout;
    totalsRow->addWidget(m_paid);
    totalsRow->addStretch(1);
    totalsRow->addWidget(m_remaining);

    m_receiptMode->setObjectName(QStringLiteral("receiptMode"));
    m_receiptMode->addItem(tr("One combined receipt"), int(ReceiptMode::Combined));
    m_receiptMode->addItem(tr("One receipt per account"), int(ReceiptMode::PerAccount));
    m_receiptMode->setToolTip(tr("Ctrl+R switches"));
    m_receiptMode->setFocusPolicy(Qt::ClickFocus);
    auto* receiptRow = new QHBoxLayout;
    receiptRow->addWidget(m_receiptModeLabel);
    receiptRow->addWidget(m_receiptMode, 1);

    m_pay->setObjectName(QStringLiteral("takePayment"));
    m_pay->setText(tr("Take payment  (F9)"));
    m_pay->setFocusPolicy(Qt::NoFocus);
    connect(m_pay, &QPushButton::clicked, this, &TenderPanel::paymentRequested);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addLayout(methodRow);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addLayout(changeRow);
    layout->addWidget(m_lines, 1);
    layout->addLayout(totalsRow);
    layout->addLayout(receiptRow);
    layout->addWidget(m_pay);

    m_methods->button(int(TenderMethod::Cash))->setChecked(true);
    clear();
}

void TenderPanel::start(Money due, int accountCount)
{
    m_tenders.clear();
    m_due = due;
    m_receiptMode->setCurrentIndex(0);
    m_receiptModeLabel->setVisible(accountCount > 1);
    m_receiptMode->setVisible(accountCount > 1);
    setEnabled(true);
    clearEntry();
    m_method = TenderMethod::Cash;
    m_methods->button(int(m_method))->setChecked(true);
    updateEntryFields();
    refreshLines();
}

void TenderPanel::clear()
{
    start(Money(), 1);
    setEnabled(false);
}

void TenderPanel::setDue(Money due)
{
    m_due = due;
    refreshLines();
}

void TenderPanel::selectMethod(TenderMethod method)
{
    if (!isEnabled()) {
        return;
    }
    m_method = method;
    m_methods->button(int(method))->setChecked(true);
    showError({});
    updateEntryFields();
    const Money left = remaining();
    m_amount->setText(left.isZero() ? QString() : left.toString());
    m_tendered->clear();
    m_reference->clear();
    m_amount->setFocus(Qt::ShortcutFocusReason);
    m_amount->selectAll();
    updateTotals();
}

void TenderPanel::updateEntryFields()
{
    const bool cash = m_method == TenderMethod::Cash;
    m_tenderedLabel->setVisible(cash);
    m_tendered->setVisible(cash);
    m_referenceLabel->setVisible(!cash);
    m_reference->setVisible(!cash);
    switch (m_method) {
    case TenderMethod::Cash:
        break;
    case TenderMethod::Card:
        m_referenceLabel->setText(tr("&Reference"));
        m_reference->setPlaceholderText(tr("POS trace / reference number"));
        break;
    case TenderMethod::Qr:
        m_referenceLabel->setText(tr("&Order no."));
        m_reference->setPlaceholderText(tr("WeChat Pay / Alipay order number"));
        break;
    case TenderMethod::Transfer:
        m_referenceLabel->setText(tr("&Reference"));
        m_reference->setPlaceholderText(tr("transfer or cheque reference"));
        break;
    }
}

bool TenderPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (isEnter(key) && key->modifiers() == Qt::NoModifier) {
            if (watched == m_amount) {
                onAmountEnter();
                return true;
            }
            if (watched == m_tendered) {
                onTenderedEnter();
                return true;
            }
            if (watched == m_reference) {
                onReferenceEnter();
                return true;
            }
        }
        if (watched == m_lines && (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace)) {
            removeSelectedLine();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TenderPanel::onAmountEnter()
{
    QString error;
    const auto amount = Money::parse(m_amount->text(), &error);
    if (m_amount->text().trimmed().isEmpty()) {
        showError(tr("Enter the amount, or choose a method (F5–F8) to fill in what is due."));
        return;
    }
    if (!amount || amount->isZero()) {
        showError(amount ? tr("The amount must be more than zero.") : error);
        m_amount->selectAll();
        return;
    }
    showError({});
    m_amount->setText(amount->toString());
    if (m_method == TenderMethod::Cash) {
        // Exact money is the common case: the tendered field starts with the amount, typing replaces it.
        m_tendered->setText(amount->toString());
        m_tendered->setFocus(Qt::OtherFocusReason);
        m_tendered->selectAll();
    } else {
        m_reference->setFocus(Qt::OtherFocusReason);
        m_reference->selectAll();
    }
    updateTotals();
}

void TenderPanel::onTenderedEnter()
{
    addAndMaybePay();
}

void TenderPanel::onReferenceEnter()
{
    addAndMaybePay();
}

void TenderPanel::addAndMaybePay()
{
    if (!takeEntry()) {
        return;
    }
    if (remaining().isZero() && !m_tenders.isEmpty()) {
        Q_EMIT paymentRequested();
    } else {
        m_amount->setFocus(Qt::OtherFocusReason);
    }
}

bool TenderPanel::hasEntry() const
{
    return !m_amount->text().trimmed().isEmpty();
}

std::optional<Tender> TenderPanel::readEntry(QLineEdit** problemField)
{
    QString error;
    *problemField = m_amount;
    const auto amount = Money::parse(m_amount->text(), &error);
    if (!amount) {
        showError(error);
        return std::nullopt;
    }
    if (amount->isZero()) {
        showError(tr("The amount must be more than zero."));
        return std::nullopt;
    }
    Tender tender;
    tender.method = m_method;
    tender.amount = *amount;
    tender.tendered = *amount;
    if (m_method == TenderMethod::Cash) {
        *problemField = m_tendered;
        if (!m_tendered->text().trimmed().isEmpty()) {
            const auto tendered = Money::parse(m_tendered->text(), &error);
            if (!tendered) {
                showError(error);
                return std::nullopt;
            }
            if (*tendered < *amount) {
                showError(tr("The money handed over (%1) is less than the amount (%2).")
                              .arg(tendered->toCurrencyString(), amount->toCurrencyString()));
                return std::nullopt;
            }
            tender.tendered = *tendered;
        }
    } else {
        *problemField = m_reference;
        tender.reference = m_reference->text().trimmed();
        if (tender.reference.isEmpty()) {
            showError(m_method == TenderMethod::Qr
                          ? tr("Enter the order number of the QR payment.")
                          : tr("Enter the reference number of the %1 payment.").arg(tenderMethodName(m_method)));
            return std::nullopt;
        }
    }
    return tender;
}

bool TenderPanel::takeEntry()
{
    if (!hasEntry()) {
        return true;
    }
    QLineEdit* problemField = nullptr;
    const auto tender = readEntry(&problemField);
    if (!tender) {
        problemField->setFocus(Qt::OtherFocusReason);
        problemField->selectAll();
        return false;
    }
    return addTender(*tender);
}

bool TenderPanel::addTender(const Tender& tender)
{
    // One cash line per payment: the change is counted against all the cash handed over.
    if (tender.method == TenderMethod::Cash) {
        for (const Tender& line : std::as_const(m_tenders)) {
            if (line.method == TenderMethod::Cash) {
                showError(tr("There is a cash line already; delete it (Delete in the list) to enter the cash again."));
                return false;
            }
        }
    }
    m_tenders.append(tender);
    showError({});
    clearEntry();
    refreshLines();
    Q_EMIT changed();
    return true;
}

void TenderPanel::setTendered(const QString& text)
{
    m_tendered->setText(text);
    m_tendered->setFocus(Qt::OtherFocusReason);
    m_tendered->deselect();
    updateTotals();
}

void TenderPanel::removeSelectedLine()
{
    int row = m_lines->currentRow();
    if (row < 0 || row >= m_tenders.size()) {
        row = int(m_tenders.size()) - 1; // from the keyboard (Ctrl+Delete): the last line
    }
    if (row < 0) {
        return;
    }
    m_tenders.removeAt(row);
    refreshLines();
    m_amount->setFocus(Qt::OtherFocusReason);
    Q_EMIT changed();
}

Money TenderPanel::paid() const
{
    Money sum;
    for (const Tender& tender : m_tenders) {
        sum += tender.amount;
    }
    return sum;
}

Money TenderPanel::remaining() const
{
    const Money left = m_due - paid();
    return left.isNegative() ? Money() : left;
}

Money TenderPanel::change() const
{
    Money sum;
    for (const Tender& tender : m_tenders) {
        sum += tender.tendered - tender.amount;
    }
    return sum;
}

ReceiptMode TenderPanel::receiptMode() const
{
    return static_cast<ReceiptMode>(m_receiptMode->currentData().toInt());
}

void TenderPanel::toggleReceiptMode()
{
    if (m_receiptMode->isVisible()) {
        m_receiptMode->setCurrentIndex(1 - m_receiptMode->currentIndex());
    }
}

void TenderPanel::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void TenderPanel::showResultChange(Money change)
{
    m_changeCaption->setText(tr("Change to hand back"));
    m_change->setText(change.toCurrencyString());
    Theme::setTone(m_change, change.isZero() ? Theme::Tone::None : Theme::Tone::Good);
}

void TenderPanel::clearEntry()
{
    showError({});
    m_amount->clear();
    m_tendered->clear();
    m_reference->clear();
    updateTotals();
}

void TenderPanel::updateTotals()
{
    // The change of the lines plus the cash being typed, so the clerk sees it before pressing Enter.
    Money shown = change();
    if (m_method == TenderMethod::Cash && m_tendered->isVisible()) {
        const auto amount = Money::parse(m_amount->text());
        const auto tendered = Money::parse(m_tendered->text());
        if (amount && tendered && *tendered > *amount) {
            shown += *tendered - *amount;
        }
    }
    m_changeCaption->setText(tr("Change"));
    m_change->setText(shown.toCurrencyString());
    Theme::setTone(m_change, shown.isZero() ? Theme::Tone::None : Theme::Tone::Good);
    const Money left = remaining();
    m_amount->setPlaceholderText(left.isZero() ? tr("amount") : tr("remaining %1").arg(left.toDisplayString()));
}

void TenderPanel::refreshLines()
{
    m_lines->setRowCount(int(m_tenders.size()));
    for (int row = 0; row < m_tenders.size(); ++row) {
        const Tender& tender = m_tenders.at(row);
        const bool cash = tender.method == TenderMethod::Cash;
        const QStringList cells{tenderMethodName(tender.method), tender.amount.toDisplayString(),
                                cash ? tender.tendered.toDisplayString() : tender.reference,
                                cash ? (tender.tendered - tender.amount).toDisplayString() : QString()};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            const bool right = column == 1 || column == 3 || (cash && column == 2);
            item->setTextAlignment(Qt::Alignment((right ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
            m_lines->setItem(row, column, item);
        }
    }
    const Money sum = paid();
    m_paid->setText(m_tenders.isEmpty() ? tr("No tender yet") : tr("Entered %1").arg(sum.toCurrencyString()));
    if (sum > m_due) {
        m_remaining->setText(tr("Surplus %1 → prepaid balance").arg((sum - m_due).toCurrencyString()));
        Theme::setTone(m_remaining, Theme::Tone::Info);
    } else if (m_tenders.isEmpty()) {
        m_remaining->setText(tr("Due %1").arg(m_due.toCurrencyString()));
        Theme::setTone(m_remaining, Theme::Tone::None);
    } else {
        const Money left = remaining();
        m_remaining->setText(left.isZero() ? tr("Covered") : tr("Remaining %1").arg(left.toCurrencyString()));
        Theme::setTone(m_remaining, left.isZero() ? Theme::Tone::Good : Theme::Tone::Warning);
    }
    updateTotals();
}

} // namespace HallDesk
