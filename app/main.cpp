// halldesk: the counter application. Composition root: opens the store, builds the services, shows the window.
#include "HallDeskVersion.h"
#include "app/i18n/Language.h"
#include "app/security/StoreProtection.h"
#include "db/Central.h"
#include "db/Store.h"
#include "ui/Desk.h"
#include "ui/MainWindow.h"
#include "ui/ScreenRegistry.h"
#include "ui/ServiceSet.h"
#include "ui/auth/SignInDialog.h"
#include "ui/common/Theme.h"
#include "ui/counter/CounterScreen.h"
#include "ui/counter/TenderPanel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>
#include <QStandardPaths>
#include <QTimer>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

using namespace HallDesk;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(halldesk)
};

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

struct Options
{
    QString db;
    bool defaultDb = false;
    QString operatorCode;
    QString screen; // a registry id; empty: the operator's home screen
    QString accountNo;
    QString query;
    QString server; // the central server for background sync; empty: the store's setting
    // For pictures of a payment under way (hidden options): tender lines entered on the counter, and the cash
    // handed over typed in the entry.
    QStringList tenders;
    QString tendered;
};

// --lang has to be known before the parser is built, so that its help is in the chosen language.
QString languageArgument(const QStringList& arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == QLatin1String("--lang") && i + 1 < arguments.size()) {
            return arguments.at(i + 1);
        }
        if (argument.startsWith(QLatin1String("--lang="))) {
            return argument.mid(7);
        }
    }
    return {};
}

QString defaultStorePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("demo.sqlite"));
}

void printError(const QString& message)
{
    std::fprintf(stderr, "halldesk: %s\n", message.toLocal8Bit().constData());
}

// On stderr always; in a message box too when there is a screen to show one on (not under automation).
void reportFailure(const QString& message)
{
    printError(message);
    const QString platform = QGuiApplication::platformName();
    if (platform != QLatin1String("offscreen") && platform != QLatin1String("minimal")) {
        QMessageBox::critical(nullptr, Text::tr("HallDesk"), message);
    }
}

std::optional<Options> parseOptions(QApplication& app, int* exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("HallDesk: the counter of an electricity service hall."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QString defaultDb = defaultStorePath();
    parser.addOptions({
        {QStringLiteral("db"),
         Text::tr("The store to open (default: the demo store %1, made by `halldeskctl demo`).").arg(defaultDb),
         QStringLiteral("PATH")},
        {QStringLiteral("operator"),
         Text::tr("Sign in as this operator. With the password in HALLDESK_PASSWORD no sign-in dialog appears."),
         QStringLiteral("CODE")},
        {QStringLiteral("screen"),
         Text::tr("The screen to start on, if the operator's roles allow it: %1.")
             .arg(screenCommandLineNames().join(QStringLiteral(", "))),
         QStringLiteral("NAME")},
        {QStringLiteral("account"),
         Text::tr("Open this account at start (on the counter, ready to pay, with --screen counter)."),
         QStringLiteral("ACCOUNT_NO")},
        {QStringLiteral("query"), Text::tr("Start the lookup with this query."), QStringLiteral("TEXT")},
        {QStringLiteral("lang"), Text::tr("The language: zh_CN or en (default: the system's)."),
         QStringLiteral("LANG")},
        {QStringLiteral("server"),
         Text::tr("Sync with this central server (postgresql://role:password@host:port/database) instead of the "
                  "one in the store's settings."),
         QStringLiteral("URL")},
    });
    QCommandLineOption tenderOption(QStringLiteral("tender"), QStringLiteral("METHOD:AMOUNT[:REFERENCE]"),
                                    QStringLiteral("TENDER"));
    tenderOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption tenderedOption(QStringLiteral("tendered"), QStringLiteral("AMOUNT"), QStringLiteral("AMOUNT"));
    tenderedOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(tenderOption);
    parser.addOption(tenderedOption);
    parser.process(app);

    Options options;
    options.defaultDb = !parser.isSet(QStringLiteral("db"));
    options.db = options.defaultDb ? defaultDb : parser.value(QStringLiteral("db"));
    options.operatorCode = parser.value(QStringLiteral("operator")).trimmed();
    options.accountNo = parser.value(QStringLiteral("account")).trimmed();
    options.query = parser.value(QStringLiteral("query"));
    options.server = parser.value(QStringLiteral("server")).trimmed();
    if (!options.server.isEmpty()) {
        try {
            CentralSettings::fromUrl(options.server);
        } catch (const StoreError& error) {
            printError(error.message());
            *exitCode = kExitUsage;
            return std::nullopt;
        }
    }
    options.tenders = parser.values(tenderOption);
    options.tendered = parser.value(tenderedOption);
    if (parser.isSet(QStringLiteral("screen"))) {
        const ScreenEntry* screen = findScreenByCommandLineName(parser.value(QStringLiteral("screen")));
        if (!screen) {
            printError(
                Text::tr("Unknown screen \"%1\"; the screens are %2.")
                    .arg(parser.value(QStringLiteral("screen")), screenCommandLineNames().join(QStringLiteral(", "))));
            *exitCode = kExitUsage;
            return std::nullopt;
        }
        options.screen = screen->id;
    }
    const QString lang = parser.value(QStringLiteral("lang"));
    if (!lang.isEmpty() && lang != QLatin1String("zh_CN") && lang != QLatin1String("en")) {
        printError(Text::tr("Unknown language \"%1\"; use zh_CN or en.").arg(lang));
        *exitCode = kExitUsage;
        return std::nullopt;
    }
    return options;
}

std::unique_ptr<Store> openStore(const Options& options)
{
    if (options.defaultDb && !QFileInfo::exists(options.db)) {
        throw StoreError(Text::tr("There is no demo store at %1 yet. Create it with\n\n"
                                  "    halldeskctl demo --db \"%1\" --accounts 200000\n\n"
                                  "(or run scripts/demo.sh), or open another store with --db PATH.")
                             .arg(QDir::toNativeSeparators(options.db)));
    }
    return Store::open(options.db, Store::OpenMode::ExistingOnly);
}

// Startup figures for HALLDESK_STARTUP_LOG: time to the first painted window, and memory, from /proc.
class StartupLog final : public QObject
{
public:
    explicit StartupLog(const QElapsedTimer& sinceMain)
        : m_sinceMain(sinceMain)
    {
    }

    void watch(QWidget* widget)
    {
        if (!m_done) {
            widget->installEventFilter(this);
        }
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            watched->removeEventFilter(this);
            // Once this paint is done and its pixels are flushed, the window takes input.
            QTimer::singleShot(0, this, [this, name = watched->metaObject()->className()] { report(name); });
        }
        return false;
    }

private:
    static QString statusField(const QByteArray& status, const QByteArray& field)
    {
        for (const QByteArray& line : status.split('\n')) {
            if (line.startsWith(QByteArray(field + ':'))) {
                return QString::fromLatin1(line.mid(field.size() + 1).simplified());
            }
        }
        return QStringLiteral("?");
    }

    // Milliseconds since the kernel started this process (its start time has a resolution of one clock tick).
    static qint64 processAgeMs()
    {
        QFile stat(QStringLiteral("/proc/self/stat"));
        QFile uptime(QStringLiteral("/proc/uptime"));
        if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly)) {
            return -1;
        }
        const QByteArray statText = stat.readAll();
        const QList<QByteArray> fields = statText.mid(statText.lastIndexOf(')') + 2).split(' ');
        // Field 22 of stat (starttime) is the 20th after the command name.
        const qint64 startTicks = fields.value(19).toLongLong();
        const QList<QByteArray> uptimeFields = uptime.readAll().split(' ');
        const QList<QByteArray> secondsAndHundredths = uptimeFields.value(0).split('.');
        const qint64 uptimeMs
            = secondsAndHundredths.value(0).toLongLong() * 1000 + secondsAndHundredths.value(1).toLongLong() * 10;
        const long ticksPerSecond = sysconf(_SC_CLK_TCK);
        return ticksPerSecond > 0 ? uptimeMs - startTicks * 1000 / ticksPerSecond : -1;
    }

    void report(const char* what)
    {
        QFile status(QStringLiteral("/proc/self/status"));
        const QByteArray text = status.open(QIODevice::ReadOnly) ? status.readAll() : QByteArray();
        const QString line = QStringLiteral("startup: %1 usable after %2 ms since main(), %3 ms since process start; "
                                            "resident %4 (peak %5)")
                                 .arg(QString::fromLatin1(what))
                                 .arg(m_sinceMain.elapsed())
                                 .arg(processAgeMs())
                                 .arg(statusField(text, "VmRSS"), statusField(text, "VmHWM"));
        std::fprintf(stderr, "halldesk: %s\n", line.toLocal8Bit().constData());
    }

    const QElapsedTimer& m_sinceMain;
    bool m_done = false;
};

// HALLDESK_SCREENSHOT=PATH: saves a picture of the first window once its work is done, then quits. Used by the
// demo script on headless machines and for the README's screenshots.
class Screenshot final : public QObject
{
public:
    explicit Screenshot(QString path)
        : m_path(std::move(path))
    {
        m_poll.setInterval(50);
        connect(&m_poll, &QTimer::timeout, this, &Screenshot::poll);
    }

    void take(QWidget* widget, std::function<bool()> busy)
    {
        if (m_widget) {
            return;
        }
        m_widget = widget;
        m_busy = std::move(busy);
        m_started.start();
        m_poll.start();
    }

private:
    void poll()
    {
        constexpr qint64 kSettleMs = 400;
        constexpr qint64 kGiveUpMs = 15000;
        if (!m_widget) {
            m_poll.stop();
            return;
        }
        const bool busy = m_busy && m_busy();
        if ((busy || m_started.elapsed() < kSettleMs) && m_started.elapsed() < kGiveUpMs) {
            return;
        }
        m_poll.stop();
        const QPixmap picture = m_widget->grab();
        if (picture.save(m_path)) {
            std::fprintf(stderr, "halldesk: saved %s (%dx%d)\n", QFile::encodeName(m_path).constData(), picture.width(),
                         picture.height());
            QCoreApplication::exit(0);
        } else {
            printError(Text::tr("Cannot save the screenshot to %1.").arg(m_path));
            QCoreApplication::exit(kExitFailure);
        }
    }

    QString m_path;
    QPointer<QWidget> m_widget;
    std::function<bool()> m_busy;
    QElapsedTimer m_started;
    QTimer m_poll;
};

// The hidden --tender and --tendered options: a split payment under way on the counter, for pictures.
void enterTenders(MainWindow* window, const QStringList& tenders, const QString& tendered)
{
    if (!window->counterScreen()) {
        printError(Text::tr("Only a clerk takes money: there is no counter to enter tenders on."));
        return;
    }
    TenderPanel* panel = window->counterScreen()->tenderPanel();
    for (const QString& text : tenders) {
        const QStringList parts = text.split(QLatin1Char(':'));
        const auto method = tenderMethodFromCode(parts.value(0));
        const auto amount = Money::parse(parts.value(1));
        if (!method || !amount) {
            printError(Text::tr("Cannot read the tender \"%1\".").arg(text));
            continue;
        }
        Tender tender{*method, *amount, *amount, parts.value(2)};
        panel->addTender(tender);
    }
    if (!tendered.isEmpty()) {
        panel->selectMethod(TenderMethod::Cash);
        panel->setTendered(tendered);
    }
}

} // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    // Belt and braces: whatever HallDesk writes is owner-only even where a file is not made private explicitly
    // (docs/security.md).
    ::umask(077);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("HallDesk"));
    QApplication::setApplicationVersion(QStringLiteral(HALLDESK_VERSION));
    installTranslations(app, languageArgument(QCoreApplication::arguments()));
    Theme::apply(app);

    int exitCode = 0;
    const std::optional<Options> options = parseOptions(app, &exitCode);
    if (!options) {
        return exitCode;
    }

    std::unique_ptr<Store> store;
    Workplace workplace;
    try {
        store = openStore(*options);
    } catch (const StoreError& error) {
        reportFailure(error.message());
        return kExitFailure;
    }
    StoreProtection protection(*store);
    try {
        protection.recordPermissionFixes(QStringLiteral("halldesk"));
    } catch (const StoreError& error) {
        reportFailure(error.message());
        return kExitFailure;
    }
    ServiceSet services(*store);
    AuthService& auth = services.auth;
    try {
        workplace = auth.workplace();
    } catch (const StoreError& error) {
        reportFailure(error.message());
        return kExitFailure;
    }
    if (workplace.hallCode.isEmpty()) {
        reportFailure(Text::tr("The store %1 has no hall and terminal yet. Set it up with `halldeskctl init`.")
                          .arg(QDir::toNativeSeparators(store->path())));
        return kExitFailure;
    }

    Desk desk(services.view(), workplace);
    desk.setStart({options->screen, options->accountNo, options->query});
    desk.setSyncServer(options->server);
    QObject::connect(&desk, &Desk::cancelled, &app, &QCoreApplication::quit);

    if (!options->tenders.isEmpty() || !options->tendered.isEmpty()) {
        QObject::connect(&desk, &Desk::windowShown, &app,
                         [&](MainWindow* window) { enterTenders(window, options->tenders, options->tendered); });
    }

    std::unique_ptr<StartupLog> startupLog;
    if (qEnvironmentVariableIsSet("HALLDESK_STARTUP_LOG")) {
        startupLog = std::make_unique<StartupLog>(sinceMain);
        QObject::connect(&desk, &Desk::signInShown, startupLog.get(), [&](SignInDialog* d) { startupLog->watch(d); });
        QObject::connect(&desk, &Desk::windowShown, startupLog.get(), [&](MainWindow* w) { startupLog->watch(w); });
    }
    std::unique_ptr<Screenshot> screenshot;
    if (const QString path = qEnvironmentVariable("HALLDESK_SCREENSHOT"); !path.isEmpty()) {
        screenshot = std::make_unique<Screenshot>(path);
        QObject::connect(&desk, &Desk::signInShown, screenshot.get(),
                         [&](SignInDialog* dialog) { screenshot->take(dialog, {}); });
        QObject::connect(&desk, &Desk::windowShown, screenshot.get(), [&](MainWindow* window) {
            window->resize(1280, 800); // the same picture whatever size the window had last time
            screenshot->take(window, [window] { return window->isBusy(); });
        });
    }

    const QString password = qEnvironmentVariable("HALLDESK_PASSWORD");
    if (!options->operatorCode.isEmpty() && !password.isEmpty()) {
        AuthService::SignIn result;
        try {
            result = auth.signIn(options->operatorCode, password);
        } catch (const StoreError& error) {
            result.message = error.message();
        }
        if (!result.ok() || !result.op) {
            reportFailure(result.message.isEmpty() ? Text::tr("Sign-in was refused.") : result.message);
            return kExitFailure;
        }
        desk.openWindow(*result.op);
    } else {
        desk.showSignIn(options->operatorCode);
    }
    return QApplication::exec();
}
