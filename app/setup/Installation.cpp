#include "app/setup/Installation.h"

#include "db/Sql.h"
#include "db/Store.h"

#include <QRegularExpression>

namespace HallDesk {

namespace {

// Qt binds a null QString as SQL NULL; the hall's optional details are NOT NULL columns that default to ''.
QString notNull(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

bool Installation::isValidCode(const QString& code)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{1,16}$"));
    return pattern.match(code).hasMatch();
}

qint64 Installation::configure(Store& store, const HallInfo& hall, const QString& terminalCode)
{
    if (!isValidCode(hall.code)) {
        throw StoreError(tr("\"%1\" is not a valid hall code (1 to 16 letters, digits, - or _).").arg(hall.code));
    }
    if (!isValidCode(terminalCode)) {
        throw StoreError(
            tr("\"%1\" is not a valid terminal code (1 to 16 letters, digits, - or _).").arg(terminalCode));
    }
    if (hall.name.trimmed().isEmpty()) {
        throw StoreError(tr("The hall needs a name."));
    }
    QSqlDatabase db = store.connection();
    Sql::Transaction transaction(db);
    Sql::exec(
        db,
        QStringLiteral("INSERT INTO halls (code, name, province, district, address, phone) VALUES (?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (code) DO UPDATE SET name = excluded.name, province = excluded.province, "
                       "district = excluded.district, address = excluded.address, phone = excluded.phone"),
        {hall.code, hall.name.trimmed(), notNull(hall.province), notNull(hall.district), notNull(hall.address),
         notNull(hall.phone)});
    const qint64 hallId
        = Sql::scalar(db, QStringLiteral("SELECT id FROM halls WHERE code = ?"), {hall.code}).toLongLong();
    Sql::exec(db, QStringLiteral("INSERT OR IGNORE INTO terminals (hall_id, code, name) VALUES (?, ?, ?)"),
              {hallId, terminalCode, terminalCode});
    transaction.commit();
    store.setSetting(QStringLiteral("hall.code"), hall.code);
    store.setSetting(QStringLiteral("terminal.code"), terminalCode);
    return hallId;
}

} // namespace HallDesk
