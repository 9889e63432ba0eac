#pragma once

#include "app/sync/RejectedEvents.h"

#include <QAbstractTableModel>
#include <QList>

namespace HallDesk {

// The events the centre rejected, newest first: when, what, receipt, accounts, amount, terminal and the centre's
// reason; with "reviewed too", the reviewed ones in grey with who reviewed them.
class RejectedEventModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        TypeColumn,
        ReceiptColumn,
        AccountsColumn,
        AmountColumn,
        TerminalColumn,
        ReasonColumn,
        StateColumn,
        ColumnCount
    };

    explicit RejectedEventModel(RejectedEvents& events, QObject* parent = nullptr);

    // Reads the list again. Throws StoreError.
    void load(RejectedEvents::Scope scope);
    const RejectedEvent* eventAt(int row) const;
    int rowOfSeq(qint64 seq) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The receipt and account cells as the table shows them, for the detail panel and tests alike.
    static QString receiptText(const RejectedEvent& event);
    static QString accountsText(const RejectedEvent& event);

private:
    QVariant display(const RejectedEvent& event, int column) const;

    RejectedEvents& m_events;
    QList<RejectedEvent> m_rows;
};

} // namespace HallDesk
