#pragma once

#include "app/counter/Counter.h"

#include <QAbstractTableModel>
#include <QHash>

namespace HallDesk {

// The open bills of every account loaded at the counter, oldest due date first across the accounts (the order a
// payment settles them in): 户号, period, due date, principal, late fee as of today, total. A bill with a pending
// waiver shows the fee still charged.
class DueBillModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        AccountColumn,
        PeriodColumn,
        DueDateColumn,
        PrincipalColumn,
        LateFeeColumn,
        TotalColumn,
        ColumnCount
    };

    struct Row
    {
        QString accountNo;
        DueBill bill;
    };

    explicit DueBillModel(QObject* parent = nullptr);

    void setDues(const Dues& dues);
    // billId → the fee still charged after a supervisor's waiver.
    void setWaivers(const QHash<qint64, Money>& charged);
    const Row* rowAt(int row) const;
    // The fee a bill is charged: the waived amount where there is a waiver, else its late fee today.
    Money chargedFee(const DueBill& bill) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<Row> m_rows;
    QHash<qint64, Money> m_waivers;
};

} // namespace HallDesk
