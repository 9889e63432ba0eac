#include "app/billing/CustomerClass.h"

#include <array>

namespace HallDesk {

namespace {

struct ClassText
{
    CustomerClass customerClass;
    const char16_t* code;
    const char* name;
};

// The codes are stored in the accounts and late_fee_rates tables; never change them.
constexpr std::array<ClassText, 4> kClasses = {{
    {CustomerClass::Residential, u"residential", QT_TRANSLATE_NOOP("CustomerClass", "Residential")},
    {CustomerClass::Commercial, u"commercial", QT_TRANSLATE_NOOP("CustomerClass", "Commercial")},
    {CustomerClass::Industrial, u"industrial", QT_TRANSLATE_NOOP("CustomerClass", "Large industrial")},
    {CustomerClass::Agricultural, u"agricultural", QT_TRANSLATE_NOOP("CustomerClass", "Agricultural")},
}};

const ClassText& textOf(CustomerClass customerClass)
{
    for (const ClassText& text : kClasses) {
        if (text.customerClass == customerClass) {
            return text;
        }
    }
    Q_UNREACHABLE();
}

} // namespace

QList<CustomerClass> allCustomerClasses()
{
    QList<CustomerClass> classes;
    classes.reserve(qsizetype(kClasses.size()));
    for (const ClassText& text : kClasses) {
        classes.append(text.customerClass);
    }
    return classes;
}

QString customerClassCode(CustomerClass customerClass)
{
    return QString::fromUtf16(textOf(customerClass).code);
}

std::optional<CustomerClass> customerClassFromCode(QStringView code)
{
    for (const ClassText& text : kClasses) {
        if (code == QStringView(text.code)) {
            return text.customerClass;
        }
    }
    return std::nullopt;
}

QString customerClassName(CustomerClass customerClass)
{
    return QCoreApplication::translate("CustomerClass", textOf(customerClass).name);
}

} // namespace HallDesk
