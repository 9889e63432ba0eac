#pragma once

#include "app/accounts/Account.h"

#include <QAbstractTableModel>
#include <QList>

namespace HallDesk {

// Bills of one account: period, kWh, amount, paid, outstanding, due date, overdue days, late fee as of the view's
// date, and status. Money columns are right-aligned in Money's display format.
class BillTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        PeriodColumn,
        KwhColumn,
        AmountColumn,
        PaidColumn,
        OutstandingColumn,
        DueDateColumn,
        OverdueDaysColumn,
        LateFeeColumn,
        StatusColumn,
        ColumnCount,
    };

    explicit BillTableModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setBills(const QList<BillLine>& bills);
    const QList<BillLine>& bills() const { return m_bills; }

private:
    QVariant display(const BillLine& bill, int column) const;

    QList<BillLine> m_bills;
};

} // namespace HallDesk
