#include "ui/common/AccountSummaryModel.h"

#include "ui/common/AccountText.h"
#include "ui/common/Theme.h"

namespace HallDesk {

AccountSummaryModel::AccountSummaryModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int AccountSummaryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_accounts.size());
}

int AccountSummaryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountSummaryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_accounts.size()) {
        return {};
    }
    const AccountSummary& account = m_accounts.at(index.row());
    switch (role) {
    case AccountNoRole:
        return account.accountNo;
    case ArrearsFenRole:
        return account.arrears.fen();
    case Qt::DisplayRole:
        switch (index.column()) {
        case AccountNoColumn:
            return account.accountNo;
        case NameColumn:
            return account.name;
        case ClassColumn:
            return customerClassName(account.customerClass);
        case AddressColumn:
            return account.address;
        case StatusColumn:
            return AccountText::statusName(account.status);
        case ArrearsColumn:
            return account.arrears.toDisplayString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == AddressColumn || index.column() == NameColumn) {
            return index.column() == AddressColumn ? account.address : account.name;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ArrearsColumn) {
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        }
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        if (index.column() == ArrearsColumn) {
            return account.arrears.isZero() ? Theme::mutedText() : Theme::dangerText();
        }
        if (index.column() == StatusColumn && account.status != QLatin1String("normal")) {
            return account.status == QLatin1String("disconnected") ? Theme::dangerText() : Theme::mutedText();
        }
        return {};
    default:
        return {};
    }
}

QVariant AccountSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        return QVariant::fromValue(
            Qt::Alignment((section == ArrearsColumn ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case AccountNoColumn:
        return tr("Account No.");
    case NameColumn:
        return tr("Name");
    case ClassColumn:
        return tr("Class");
    case AddressColumn:
        return tr("Address");
    case StatusColumn:
        return tr("Status");
    case ArrearsColumn:
        return tr("Arrears (¥)");
    default:
        return {};
    }
}

void AccountSummaryModel::setAccounts(const QList<AccountSummary>& accounts)
{
    beginResetModel();
    m_accounts = accounts;
    endResetModel();
}

QString AccountSummaryModel::accountNoAt(int row) const
{
    return row >= 0 && row < m_accounts.size() ? m_accounts.at(row).accountNo : QString();
}

void AccountSummaryModel::appendAccounts(const QList<AccountSummary>& accounts)
{
    if (accounts.isEmpty()) {
        return;
    }
    const int first = int(m_accounts.size());
    beginInsertRows({}, first, first + int(accounts.size()) - 1);
    m_accounts.append(accounts);
    endInsertRows();
}

} // namespace HallDesk
