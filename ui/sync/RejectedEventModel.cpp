#include "ui/sync/RejectedEventModel.h"

#include "ui/common/Theme.h"

namespace HallDesk {

RejectedEventModel::RejectedEventModel(RejectedEvents& events, QObject* parent)
    : QAbstractTableModel(parent)
    , m_events(events)
{
}

void RejectedEventModel::load(RejectedEvents::Scope scope)
{
    QList<RejectedEvent> rows = m_events.list(scope);
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

const RejectedEvent* RejectedEventModel::eventAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int RejectedEventModel::rowOfSeq(qint64 seq) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).seq == seq) {
            return row;
        }
    }
    return -1;
}

int RejectedEventModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RejectedEventModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RejectedEventModel::receiptText(const RejectedEvent& event)
{
    const RejectedObject& object = event.object;
    if (!object.receiptNos.isEmpty()) {
        return object.receiptNos.join(QStringLiteral(", "));
    }
    if (!object.firstReceipt.isEmpty()) {
        return object.firstReceipt == object.lastReceipt
            ? object.firstReceipt
            : object.firstReceipt + QStringLiteral(" – ") + object.lastReceipt;
    }
    return {};
}

QString RejectedEventModel::accountsText(const RejectedEvent& event)
{
    QStringList accounts;
    for (const EventAccount& account : event.object.accounts) {
        accounts << (account.name.isEmpty() ? account.accountNo : account.accountNo + QLatin1Char(' ') + account.name);
    }
    return accounts.join(QStringLiteral(", "));
}

QVariant RejectedEventModel::display(const RejectedEvent& event, int column) const
{
    switch (column) {
    case TimeColumn:
        return event.createdAtUtc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case TypeColumn:
        return RejectedEvents::typeName(event.type);
    case ReceiptColumn:
        return receiptText(event);
    case AccountsColumn:
        return accountsText(event);
    case AmountColumn:
        // Every known type carries an amount (a settlement's may be zero); an unknown type shows none.
        return event.object.amount.isZero() && event.type != QLatin1String("settlement.closed")
            ? QString()
            : event.object.amount.toDisplayString();
    case TerminalColumn:
        return event.terminalCode;
    case ReasonColumn:
        return event.reason;
    case StateColumn:
        return event.reviewed() ? tr("Reviewed (%1)").arg(event.reviewerCode) : tr("Open");
    default:
        return {};
    }
}

QVariant RejectedEventModel::data(const QModelIndex& index, int role) const
{
    const RejectedEvent* event = index.isValid() ? eventAt(index.row()) : nullptr;
    if (!event) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return display(*event, index.column());
    case Qt::ToolTipRole:
        if (index.column() == ReasonColumn || index.column() == AccountsColumn) {
            return display(*event, index.column());
        }
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            Qt::Alignment((index.column() == AmountColumn ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        if (event->reviewed()) {
            return Theme::mutedText();
        }
        return index.column() == ReasonColumn ? QVariant(Theme::dangerText()) : QVariant();
    default:
        return {};
    }
}

QVariant RejectedEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        return QVariant::fromValue(
            Qt::Alignment((section == AmountColumn ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case TypeColumn:
        return tr("Type");
    case ReceiptColumn:
        return tr("Receipt no.");
    case AccountsColumn:
        return tr("Account(s)");
    case AmountColumn:
        return tr("Amount (¥)");
    case TerminalColumn:
        return tr("Terminal");
    case ReasonColumn:
        return tr("Centre's reason");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

} // namespace HallDesk
