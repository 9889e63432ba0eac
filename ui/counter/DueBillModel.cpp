#include "ui/counter/DueBillModel.h"

#include "ui/common/Theme.h"

#include <QFont>
#include <algorithm>

namespace HallDesk {

DueBillModel::DueBillModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void DueBillModel::setDues(const Dues& dues)
{
    beginResetModel();
    m_rows.clear();
    for (const DueAccount& account : dues.accounts) {
        for (const DueBill& bill : account.bills) {
            m_rows.append({account.accountNo, bill});
        }
    }
    // Stable: ties keep the order the accounts were loaded in, as the allocation does.
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const Row& a, const Row& b) { return a.bill.dueDate < b.bill.dueDate; });
    m_waivers.clear();
    endResetModel();
}

void DueBillModel::setWaivers(const QHash<qint64, Money>& charged)
{
    m_waivers = charged;
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

const DueBillModel::Row* DueBillModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

Money DueBillModel::chargedFee(const DueBill& bill) const
{
    return m_waivers.value(bill.billId, bill.lateFee.fee);
}

int DueBillModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DueBillModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DueBillModel::data(const QModelIndex& index, int role) const
{
    const Row* row = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!row) {
        return {};
    }
    const DueBill& bill = row->bill;
    const bool waived = m_waivers.contains(bill.billId);
    const Money fee = chargedFee(bill);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case AccountColumn:
            return row->accountNo;
        case PeriodColumn:
            return bill.period;
        case DueDateColumn:
            return bill.dueDate.toString(Qt::ISODate);
        case PrincipalColumn:
            return bill.principal.toDisplayString();
        case LateFeeColumn:
            if (waived) {
                return tr("%1 (waived from %2)").arg(fee.toDisplayString(), bill.lateFee.fee.toDisplayString());
            }
            if (bill.lateFee.days > 0) {
                return tr("%1 (%2 d)").arg(fee.toDisplayString()).arg(bill.lateFee.days);
            }
            return fee.toDisplayString();
        case TotalColumn:
            return (bill.principal + fee).toDisplayString();
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            Qt::Alignment((index.column() >= PrincipalColumn ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        if (index.column() == LateFeeColumn && waived) {
            return Theme::toneText(Theme::Tone::Good);
        }
        if ((index.column() == LateFeeColumn || index.column() == DueDateColumn) && bill.lateFee.days > 0) {
            return Theme::dangerText();
        }
        return {};
    case Qt::FontRole:
        if (index.column() == TotalColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == LateFeeColumn && bill.lateFee.days > 0) {
            return tr("%1 overdue days, policy %2 version %3. Ctrl+E waives or reduces it (supervisor).")
                .arg(bill.lateFee.days)
                .arg(bill.lateFee.policyId)
                .arg(bill.lateFee.policyVersion);
        }
        return {};
    default:
        return {};
    }
}

QVariant DueBillModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        return QVariant::fromValue(
            Qt::Alignment((section >= PrincipalColumn ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case AccountColumn:
        return tr("Account no.");
    case PeriodColumn:
        return tr("Period");
    case DueDateColumn:
        return tr("Due date");
    case PrincipalColumn:
        return tr("Principal");
    case LateFeeColumn:
        return tr("Late fee today");
    case TotalColumn:
        return tr("Total");
    default:
        return {};
    }
}

} // namespace HallDesk
