#include "ui/lookup/LookupScreen.h"

#include "app/lookup/LookupService.h"
#include "ui/common/Theme.h"
#include "ui/lookup/LookupModel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace HallDesk {

LookupScreen::LookupScreen(Store& store, LookupService& lookup, QWidget* parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_hint(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new LookupModel(store, lookup, this))
{
    auto* title = new QLabel(tr("Find a customer"), this);
    Theme::setRole(title, QStringLiteral("title"));

    m_search->setObjectName(QStringLiteral("lookupSearch"));
    m_search->setPlaceholderText(
        tr("Account no., name, address, mobile or its last 4 digits, meter no. — or scan the bill's barcode"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaxLength(100);
    m_search->installEventFilter(this);

    m_hint->setObjectName(QStringLiteral("lookupHint"));
    m_hint->setTextFormat(Qt::PlainText);

    m_table->setObjectName(QStringLiteral("lookupResults"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 14);
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(AccountSummaryModel::AddressColumn, QHeaderView::Stretch);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const int han = fontMetrics().horizontalAdvance(QChar(0x4E2D));
    header->resizeSection(AccountSummaryModel::AccountNoColumn, digit * 10 + 48);
    header->resizeSection(AccountSummaryModel::NameColumn, han * 8 + 24);
    header->resizeSection(AccountSummaryModel::ClassColumn, han * 5 + 24);
    header->resizeSection(AccountSummaryModel::StatusColumn, han * 4 + 32);
    header->resizeSection(AccountSummaryModel::ArrearsColumn, digit * 10 + 48);
    m_table->installEventFilter(this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(m_search);
    layout->addWidget(m_hint);
    layout->addWidget(m_table, 1);
    setFocusProxy(m_search);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &LookupScreen::runSearch);
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        m_openWhenReady = false; // an Enter pressed for the earlier text does not carry over to the new one
        m_debounce.start();
    });
    connect(m_search, &QLineEdit::returnPressed, this, &LookupScreen::onEnter);
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex& index) { openRow(index.row()); });
    connect(m_model, &LookupModel::resultsChanged, this, &LookupScreen::updateHint);
    connect(m_model, &LookupModel::searchFinished, this, [this] {
        if (m_openWhenReady) {
            m_openWhenReady = false;
            openBestMatch();
        }
    });
    updateHint();
}

void LookupScreen::activate()
{
    m_search->setFocus(Qt::OtherFocusReason);
    m_search->selectAll();
}

void LookupScreen::search(const QString& text)
{
    m_search->setText(text);
    runSearch();
}

void LookupScreen::showProblem(const QString& message)
{
    setHint(message, QStringLiteral("error"));
}

bool LookupScreen::isBusy() const
{
    return m_debounce.isActive() || m_model->isSearching();
}

QString LookupScreen::currentAccountNo() const
{
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid()) {
        return m_model->accountNoAt(current.row());
    }
    return m_model->rowCount() == 1 ? m_model->accountNoAt(0) : QString();
}

void LookupScreen::runSearch()
{
    m_debounce.stop();
    m_model->setQuery(m_search->text());
}

void LookupScreen::onEnter()
{
    const QString text = m_search->text().trimmed();
    if (text.isEmpty()) {
        return;
    }
    // A scanner types the bill's barcode and Enter: open its account without waiting for a search.
    const LookupQuery query = LookupService::classify(text);
    if (query.kind == LookupQuery::Kind::Barcode) {
        if (const auto accountNo = LookupService::accountFromBarcode(query.text)) {
            m_debounce.stop();
            Q_EMIT openAccount(*accountNo);
            return;
        }
    }
    runSearch();
    if (m_model->isSearching()) {
        m_openWhenReady = true; // Enter came before the results: act on them when they arrive
        return;
    }
    openBestMatch();
}

void LookupScreen::openBestMatch()
{
    const int rows = m_model->rowCount();
    if (rows == 0) {
        return;
    }
    const QString normalised = LookupService::classify(m_model->query()).text;
    for (int row = 0; row < rows; ++row) {
        if (m_model->accountNoAt(row) == normalised) {
            openRow(row);
            return;
        }
    }
    if (rows == 1) {
        openRow(0);
        return;
    }
    moveIntoResults();
}

void LookupScreen::openRow(int row)
{
    const QString accountNo = m_model->accountNoAt(row);
    if (!accountNo.isEmpty()) {
        Q_EMIT openAccount(accountNo);
    }
}

void LookupScreen::moveIntoResults()
{
    if (m_model->rowCount() == 0) {
        return;
    }
    m_table->setFocus(Qt::TabFocusReason);
    const QModelIndex first = m_model->index(0, 0);
    m_table->setCurrentIndex(first);
    m_table->selectRow(0);
    m_table->scrollTo(first);
}

void LookupScreen::updateHint()
{
    const QString query = m_model->query();
    const int rows = m_model->rowCount();
    if (!m_model->error().isEmpty()) {
        setHint(m_model->error(), QStringLiteral("error"));
    } else if (query.isEmpty()) {
        setHint(tr("Results appear as you type. ↓ moves into the list, Enter opens an account, Esc clears."),
                QStringLiteral("hint"));
    } else if (m_model->isSearching()) {
        // While earlier results are still shown their line stays, so the hint does not flicker as the person types.
        if (rows == 0) {
            setHint(tr("Searching…"), QStringLiteral("hint"));
        }
    } else if (rows == 0) {
        const QString explanation = LookupService::hint(LookupService::classify(query));
        setHint(explanation.isEmpty() ? tr("No match for “%1”. Try part of the name or address, the last four digits "
                                           "of the mobile, or the meter number.")
                                            .arg(query)
                                      : explanation,
                QStringLiteral("hint"));
    } else if (m_model->hasMore()) {
        setHint(tr("More than %1 matches, best first. Type more to narrow them down.").arg(rows),
                QStringLiteral("hint"));
    } else if (rows == 1) {
        setHint(tr("1 match. Enter opens it."), QStringLiteral("hint"));
    } else {
        setHint(tr("%1 matches. ↓ and Enter open one.").arg(rows), QStringLiteral("hint"));
    }
}

void LookupScreen::setHint(const QString& text, const QString& role)
{
    m_hint->setText(text);
    Theme::setRole(m_hint, role);
}

bool LookupScreen::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (watched == m_search) {
            return handleSearchKey(key);
        }
        if (watched == m_table) {
            return handleTableKey(key);
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool LookupScreen::handleSearchKey(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Down:
    case Qt::Key_PageDown:
        moveIntoResults();
        return true;
    case Qt::Key_Escape:
        if (m_search->text().isEmpty()) {
            return false;
        }
        m_search->clear();
        runSearch();
        return true;
    default:
        return false;
    }
}

bool LookupScreen::handleTableKey(QKeyEvent* event)
{
    const QModelIndex current = m_table->currentIndex();
    if ((event->key() == Qt::Key_Up && (!current.isValid() || current.row() == 0)) || event->key() == Qt::Key_Escape) {
        activate();
        return true;
    }
    // Typing in the list goes on in the search box.
    const QString text = event->text();
    const bool plainText = !text.isEmpty() && text.at(0).isPrint() && text.at(0) != QLatin1Char(' ')
        && !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
    if (plainText) {
        m_search->setFocus(Qt::OtherFocusReason);
        m_search->deselect();
        m_search->end(false);
        m_search->insert(text);
        return true;
    }
    return false;
}

} // namespace HallDesk
