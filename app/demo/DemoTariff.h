#pragma once

#include "app/billing/CustomerClass.h"

#include <QtGlobal>

namespace HallDesk {

// The tariffs the demo bills are computed with. HallDesk never computes real bills (they come from the central
// billing system); these only make the demo's amounts look like 浙江's. Prices are integers in thousandths of a
// yuan per kWh (厘/kWh); an amount is price × kWh in thousandths, rounded half up to the fen.
class DemoTariff final
{
public:
    // 居民阶梯电价, per month: the first 230 kWh at 0.538, 231 to 420 kWh at 0.588, beyond 420 kWh at 0.838.
    static constexpr qint64 kTier1Limit = 230;
    static constexpr qint64 kTier2Limit = 420;
    static constexpr qint64 kTier1Price = 538;
    static constexpr qint64 kTier2Price = 588;
    static constexpr qint64 kTier3Price = 838;
    // Flat prices of the other classes (energy charge only; the demo leaves out capacity charges).
    static constexpr qint64 kCommercialPrice = 665;
    static constexpr qint64 kIndustrialPrice = 601;
    static constexpr qint64 kAgriculturalPrice = 479;

    // The price of `kwh` in thousandths of a yuan.
    static qint64 priceInThousandths(CustomerClass customerClass, qint64 kwh);
    // The bill amount in fen: the price rounded half up to the fen.
    static qint64 amountFen(CustomerClass customerClass, qint64 kwh);
};

} // namespace HallDesk
