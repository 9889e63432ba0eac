#include "ui/common/AccountText.h"

namespace HallDesk {

QString AccountText::statusName(const QString& status)
{
    if (status == QLatin1String("normal")) {
        return tr("Normal");
    }
    if (status == QLatin1String("disconnected")) {
        return tr("Disconnected");
    }
    if (status == QLatin1String("closed")) {
        return tr("Closed");
    }
    return status;
}

Theme::Tone AccountText::statusTone(const QString& status)
{
    if (status == QLatin1String("normal")) {
        return Theme::Tone::Good;
    }
    if (status == QLatin1String("disconnected")) {
        return Theme::Tone::Danger;
    }
    return Theme::Tone::Neutral;
}

QString AccountText::riskName(const QString& riskLevel)
{
    if (riskLevel == QLatin1String("low")) {
        return tr("Low risk");
    }
    if (riskLevel == QLatin1String("medium")) {
        return tr("Medium risk");
    }
    if (riskLevel == QLatin1String("high")) {
        return tr("High risk");
    }
    return riskLevel;
}

Theme::Tone AccountText::riskTone(const QString& riskLevel)
{
    if (riskLevel == QLatin1String("high")) {
        return Theme::Tone::Danger;
    }
    if (riskLevel == QLatin1String("medium")) {
        return Theme::Tone::Warning;
    }
    return Theme::Tone::Neutral;
}

QString AccountText::billStatusName(const BillLine& bill)
{
    if (bill.status == QLatin1String("paid")) {
        return bill.paidOn.isValid() ? tr("Paid %1").arg(bill.paidOn.toString(Qt::ISODate)) : tr("Paid");
    }
    if (bill.status == QLatin1String("partial")) {
        return tr("Partly paid");
    }
    if (bill.status == QLatin1String("open")) {
        return tr("Unpaid");
    }
    return bill.status;
}

} // namespace HallDesk
