#include "app/documents/DocumentText.h"

#include <QTimeZone>

namespace HallDesk::DocumentText {

QString money(Money amount)
{
    return amount.toDisplayString();
}

QString yuan(Money amount)
{
    return amount.toCurrencyString();
}

QString signedMoney(Money amount)
{
    return amount.fen() > 0 ? QStringLiteral("+") + amount.toDisplayString() : amount.toDisplayString();
}

QString dateTime(const QDateTime& utc, const QString& timeZone)
{
    QTimeZone zone(timeZone.toUtf8());
    if (!zone.isValid()) {
        zone = QTimeZone(QByteArrayLiteral("Asia/Shanghai"));
    }
    return utc.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString person(const QString& name, const QString& code)
{
    if (code.isEmpty()) {
        return name;
    }
    if (name.isEmpty()) {
        return code;
    }
    return name + QStringLiteral(" (") + code + QLatin1Char(')');
}

} // namespace HallDesk::DocumentText
