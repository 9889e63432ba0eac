#include "app/demo/DemoTariff.h"

#include <algorithm>

namespace HallDesk {

qint64 DemoTariff::priceInThousandths(CustomerClass customerClass, qint64 kwh)
{
    switch (customerClass) {
    case CustomerClass::Residential: {
        const qint64 tier1 = std::min(kwh, kTier1Limit);
        const qint64 tier2 = std::clamp(kwh - kTier1Limit, qint64(0), kTier2Limit - kTier1Limit);
        const qint64 tier3 = std::max(kwh - kTier2Limit, qint64(0));
        return tier1 * kTier1Price + tier2 * kTier2Price + tier3 * kTier3Price;
    }
    case CustomerClass::Commercial:
        return kwh * kCommercialPrice;
    case CustomerClass::Industrial:
        return kwh * kIndustrialPrice;
    case CustomerClass::Agricultural:
        return kwh * kAgriculturalPrice;
    }
    return 0;
}

qint64 DemoTariff::amountFen(CustomerClass customerClass, qint64 kwh)
{
    // One fen is ten thousandths of a yuan.
    return (priceInThousandths(customerClass, kwh) + 5) / 10;
}

} // namespace HallDesk
