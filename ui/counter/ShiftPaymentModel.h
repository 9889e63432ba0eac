#pragma once

#include "app/counter/Counter.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QStringList>
#include <QTimeZone>

namespace HallDesk {

class CounterService;

// Today's payments and refunds of one shift, newest first: time, receipt number(s), accounts, methods, amount,
// change, and whether it was voided. What the clerk voids or reprints from.
class ShiftPaymentModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        ReceiptColumn,
        AccountsColumn,
        MethodsColumn,
        AmountColumn,
        ChangeColumn,
        StateColumn,
        ColumnCount
    };

    // Times show in `hallZone`, the hall's time zone, as on the receipt.
    ShiftPaymentModel(CounterService& counter, const QTimeZone& hallZone, QObject* parent = nullptr);

    // Reads the payments of shift `shiftId` (0: none yet) again. Throws StoreError.
    void load(qint64 shiftId);
    const ShiftPayment* paymentAt(int row) const;
    int rowOfReceipt(const QString& receiptNo) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    CounterService& m_counter;
    QTimeZone m_hallZone;
    QList<ShiftPayment> m_payments;
};

} // namespace HallDesk
