#pragma once

#include <QCoreApplication>
#include <QHashFunctions>
#include <QList>
#include <QString>
#include <optional>

namespace HallDesk {

// The four customer classes of the tariff. The class decides the late-fee rate, notice periods and the collection
// approach. Stored by code ("residential", …).
enum class CustomerClass
{
    Residential, // 居民
    Commercial, // 一般工商业
    Industrial, // 大工业
    Agricultural, // 农业
};

QList<CustomerClass> allCustomerClasses();
QString customerClassCode(CustomerClass customerClass);
std::optional<CustomerClass> customerClassFromCode(QStringView code);
// The class's name in the user's language.
QString customerClassName(CustomerClass customerClass);

// Qt 6.4 has no qHash for scoped enums; QHash<CustomerClass, …> (LateFeePolicy::rates) needs this one.
constexpr size_t qHash(CustomerClass customerClass, size_t seed = 0) noexcept
{
    return ::qHash(static_cast<int>(customerClass), seed);
}

} // namespace HallDesk
