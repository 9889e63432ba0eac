// halldesk: the counter application. Composition root: opens the store, builds the services, shows the window.
#include "app/i18n/Language.h"

#include <QApplication>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    HallDesk::installTranslations(app);
    return 0;
}
