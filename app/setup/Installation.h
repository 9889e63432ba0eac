#pragma once

#include <QCoreApplication>
#include <QString>

namespace HallDesk {

class Store;

struct HallInfo
{
    QString code; // "H01"
    QString name; // "城东供电营业厅"
    QString province;
    QString district;
    QString address;
    QString phone;
};

// What an installation is: the hall and the terminal this store works for.
class Installation final
{
    Q_DECLARE_TR_FUNCTIONS(Installation)

public:
    // Adds the hall if it is new (or updates its details), adds the terminal, and makes them this store's
    // workplace (settings "hall.code", "terminal.code"). Returns the hall's id. Throws StoreError on bad codes.
    static qint64 configure(Store& store, const HallInfo& hall, const QString& terminalCode);

    // Codes are short: letters, digits, '-' and '_', 1 to 16 characters.
    static bool isValidCode(const QString& code);
};

} // namespace HallDesk
