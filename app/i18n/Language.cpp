#include "app/i18n/Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace HallDesk {

QString installTranslations(QCoreApplication& app, const QString& override)
{
    QString requested = override;
    if (requested.isEmpty()) {
        requested = qEnvironmentVariable("HALLDESK_LANG");
    }
    const QLocale locale = requested.isEmpty() ? QLocale::system() : QLocale(requested);
    const bool chinese = locale.language() == QLocale::Chinese;
    const QString language = chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
    QLocale::setDefault(chinese ? QLocale(QLocale::Chinese, QLocale::China)
                                : QLocale(QLocale::English, QLocale::China));

    auto* own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/i18n/halldesk_") + language)) {
        QCoreApplication::installTranslator(own);
    } else {
        delete own;
    }
    if (chinese) {
        // Qt's own strings (standard buttons, context menus) where Debian's qt6-translations-l10n is installed.
        auto* qt = new QTranslator(&app);
        if (qt->load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt);
        } else {
            delete qt;
        }
    }
    return language;
}

} // namespace HallDesk
