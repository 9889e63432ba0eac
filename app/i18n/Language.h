#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace HallDesk {

// Installs HallDesk's and Qt's own translations for `locale` (zh_* -> zh_CN, anything else -> en) on the
// application. `override` ("zh_CN", "en"), from --lang or HALLDESK_LANG, wins over the system locale.
// Returns the language that was installed.
QString installTranslations(QCoreApplication& app, const QString& override = {});

} // namespace HallDesk
