#pragma once

#include "app/accounts/Account.h"

#include <QAbstractTableModel>
#include <QList>

namespace HallDesk {

// A table of accounts as search results and payer-group lists show them: 户号, name, class, address, status and
// arrears (right-aligned, in the display format of Money).
class AccountSummaryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        AccountNoColumn,
        NameColumn,
        ClassColumn,
        AddressColumn,
        StatusColumn,
        ArrearsColumn,
        ColumnCount,
    };
    enum Role
    {
        AccountNoRole = Qt::UserRole + 1, // the row's 户号, whatever the column
        ArrearsFenRole, // the row's arrears in fen (qint64)
    };

    explicit AccountSummaryModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setAccounts(const QList<AccountSummary>& accounts);
    const QList<AccountSummary>& accounts() const { return m_accounts; }
    QString accountNoAt(int row) const;

protected:
    void appendAccounts(const QList<AccountSummary>& accounts);

private:
    QList<AccountSummary> m_accounts;
};

} // namespace HallDesk
