#pragma once

#include "app/counter/Counter.h"
#include "app/documents/Document.h"

#include <QCoreApplication>

namespace HallDesk {

// The layout of the daily settlement report (日结报表), labels in the operator's language.
class SettlementLayout final
{
    Q_DECLARE_TR_FUNCTIONS(SettlementLayout)

public:
    // Cash by denomination, expected / counted / variance per tender, payments, voids, refunds, the receipt range,
    // blind count, approver and reason, and lines for the two signatures. SettlementData carries no time zone:
    // the hall's is passed in.
    static Document settlement(const SettlementData& data, Paper paper,
                               const QString& timeZone = QStringLiteral("Asia/Shanghai"));

    // The payload of the report's QR code: "HDS1|<terminal>|<business date>|<counted fen>|<variance fen>|<uuid>".
    static QString verificationCode(const SettlementData& data);
};

} // namespace HallDesk
