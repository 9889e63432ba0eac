#include "ui/accounts/BillTableModel.h"

#include "ui/common/AccountText.h"
#include "ui/common/Theme.h"

#include <QLocale>

namespace HallDesk {

namespace {

bool isNumeric(int column)
{
    return column == BillTableModel::KwhColumn || column == BillTableModel::AmountColumn
        || column == BillTableModel::PaidColumn || column == BillTableModel::OutstandingColumn
        || column == BillTableModel::OverdueDaysColumn || column == BillTableModel::LateFeeColumn;
}

} // namespace

BillTableModel::BillTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int BillTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_bills.size());
}

int BillTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BillTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_bills.size()) {
        return {};
    }
    const BillLine& bill = m_bills.at(index.row());
    const bool settled = bill.status == QLatin1String("paid");
    switch (role) {
    case Qt::DisplayRole:
        return display(bill, index.column());
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            Qt::Alignment((isNumeric(index.column()) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        if (settled) {
            return index.column() == StatusColumn ? QVariant(Theme::mutedText()) : QVariant();
        }
        if ((index.column() == OverdueDaysColumn || index.column() == LateFeeColumn) && bill.lateFee.days > 0) {
            return Theme::dangerText();
        }
        if (index.column() == StatusColumn || index.column() == OutstandingColumn) {
            return bill.lateFee.days > 0 ? Theme::dangerText() : Theme::warningText();
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == LateFeeColumn && bill.lateFee.days > 0) {
            return tr("%1 days overdue (%2 in the due year, %3 in later years), policy %4 version %5")
                .arg(bill.lateFee.days)
                .arg(bill.lateFee.dueYearDays)
                .arg(bill.lateFee.laterYearsDays)
                .arg(bill.lateFee.policyId)
                .arg(bill.lateFee.policyVersion);
        }
        if (index.column() == DueDateColumn && bill.issueDate.isValid()) {
            return tr("Issued %1").arg(bill.issueDate.toString(Qt::ISODate));
        }
        return {};
    default:
        return {};
    }
}

QVariant BillTableModel::display(const BillLine& bill, int column) const
{
    const bool settled = bill.status == QLatin1String("paid");
    switch (column) {
    case PeriodColumn:
        return bill.period;
    case KwhColumn:
        return QLocale().toString(bill.kwh);
    case AmountColumn:
        return bill.amount.toDisplayString();
    case PaidColumn:
        return bill.paid.toDisplayString();
    case OutstandingColumn:
        return bill.outstanding().toDisplayString();
    case DueDateColumn:
        return bill.dueDate.toString(Qt::ISODate);
    case OverdueDaysColumn:
        return settled || bill.lateFee.days == 0 ? QString() : QLocale().toString(bill.lateFee.days);
    case LateFeeColumn:
        return settled || bill.lateFee.days == 0 ? QString() : bill.lateFee.fee.toDisplayString();
    case StatusColumn:
        return AccountText::billStatusName(bill);
    default:
        return {};
    }
}

QVariant BillTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        return QVariant::fromValue(
            Qt::Alignment((isNumeric(section) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case PeriodColumn:
        return tr("Period");
    case KwhColumn:
        return tr("kWh");
    case AmountColumn:
        return tr("Amount");
    case PaidColumn:
        return tr("Paid");
    case OutstandingColumn:
        return tr("Outstanding");
    case DueDateColumn:
        return tr("Due date");
    case OverdueDaysColumn:
        return tr("Days overdue");
    case LateFeeColumn:
        return tr("Late fee today");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

void BillTableModel::setBills(const QList<BillLine>& bills)
{
    beginResetModel();
    m_bills = bills;
    endResetModel();
}

} // namespace HallDesk
