#include "app/demo/DemoGenerator.h"

#include "app/auth/AuthService.h"
#include "app/demo/DemoCalendar.h"
#include "app/demo/DemoNameGrams.h"
#include "app/demo/DemoPlaces.h"
#include "app/demo/DemoPlan.h"
#include "app/demo/DemoPopulation.h"
#include "app/demo/DemoWriter.h"
#include "app/setup/Installation.h"
#include "db/Store.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QTimeZone>
#include <QWaitCondition>
#include <deque>
#include <exception>
#include <thread>

namespace HallDesk {

namespace {

constexpr int kChunkAccounts = 2048;
constexpr std::size_t kQueuedChunks = 4;

// Hands chunks from the generating thread to the writing one, at most kQueuedChunks ahead.
class ChunkQueue final
{
public:
    ChunkQueue() = default;
    Q_DISABLE_COPY_MOVE(ChunkQueue)

    // False when the writer gave up; the generator then stops.
    bool push(DemoChunk&& chunk)
    {
        QMutexLocker lock(&m_mutex);
        while (m_chunks.size() >= kQueuedChunks && !m_cancelled) {
            m_notFull.wait(&m_mutex);
        }
        if (m_cancelled) {
            return false;
        }
        m_chunks.push_back(std::move(chunk));
        m_notEmpty.wakeOne();
        return true;
    }

    // False when the generator has finished and everything was taken; rethrows what the generator threw.
    bool pop(DemoChunk& out)
    {
        QMutexLocker lock(&m_mutex);
        while (m_chunks.empty() && !m_finished) {
            m_notEmpty.wait(&m_mutex);
        }
        if (m_chunks.empty()) {
            if (m_error) {
                std::rethrow_exception(m_error);
            }
            return false;
        }
        out = std::move(m_chunks.front());
        m_chunks.pop_front();
        m_notFull.wakeOne();
        return true;
    }

    void finish(std::exception_ptr error)
    {
        QMutexLocker lock(&m_mutex);
        m_finished = true;
        m_error = std::move(error);
        m_notEmpty.wakeAll();
    }

    void cancel()
    {
        QMutexLocker lock(&m_mutex);
        m_cancelled = true;
        m_notFull.wakeAll();
    }

private:
    QMutex m_mutex;
    QWaitCondition m_notEmpty;
    QWaitCondition m_notFull;
    std::deque<DemoChunk> m_chunks;
    bool m_finished = false;
    bool m_cancelled = false;
    std::exception_ptr m_error;
};

void removeStoreFiles(const QString& path)
{
    for (const QString& suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        QFile::remove(path + suffix);
    }
}

HallInfo hallInfo(const DemoHallSite& site)
{
    return HallInfo{QString::fromUtf8(site.code),
                    QString::fromUtf8(site.name),
                    QString::fromUtf8(DemoPlaces::province()),
                    QString::fromUtf8(DemoPlaces::districts()[std::size_t(site.districts.front())].name),
                    QString::fromUtf8(site.address),
                    QString::fromUtf8(site.phone)};
}

QString terminalCode(int number)
{
    return QStringLiteral("T%1").arg(number, 2, 10, QLatin1Char('0'));
}

// The new store with its schema, its workplace (the first hall, terminal T01) and the demo's settings.
void createStore(const QString& path, const DemoOptions& options, const QDate& asOf)
{
    auto store = Store::open(path, Store::OpenMode::CreateIfMissing);
    Installation::configure(*store, hallInfo(DemoPlaces::halls().front()), terminalCode(1));
    store->setSetting(QStringLiteral("company.name"), QString::fromUtf8(DemoPlaces::companyName()));
    store->setSetting(QStringLiteral("demo.seed"), QString::number(options.seed));
    store->setSetting(QStringLiteral("demo.as_of"), asOf.toString(Qt::ISODate));
}

// Writes the halls, terminals, operators and payer groups, then the accounts as the generating thread makes them.
void load(const QString& path, const DemoOptions& options, const DemoCalendar& calendar, const DemoPlan& plan,
          const QByteArray& passwordHash, const DemoGenerator::Progress& progress, DemoSummary& summary)
{
    DemoWriter writer(path);
    writer.begin(calendar);
    const auto sites = DemoPlaces::halls();
    for (std::size_t site = 1; site < sites.size(); ++site) {
        writer.writeHall(qint64(site) + 1, sites[site]);
    }
    for (std::size_t site = 0; site < sites.size(); ++site) {
        for (int terminal = 1; terminal <= DemoGenerator::kTerminalsPerHall; ++terminal) {
            writer.writeTerminal(qint64(site) + 1, terminalCode(terminal));
        }
    }
    const QByteArray createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8();
    for (const DemoOperatorRow& row : plan.operators) {
        writer.writeOperator(row, passwordHash, createdAt);
    }
    for (const DemoGroupPlan& group : plan.groups) {
        writer.writeGroup(group);
    }

    ChunkQueue queue;
    DemoNameGrams grams(writer.nameGramSlices());
    qint64 written = 0;
    {
        // Accounts are made (and their name grams collected) on this thread while the calling one writes.
        std::jthread generator([&queue, &grams, &plan, &calendar, seed = options.seed] {
            try {
                DemoPopulation population(seed ^ DemoGenerator::kPopulationStream, plan, calendar);
                for (;;) {
                    DemoChunk chunk;
                    chunk.accounts.reserve(kChunkAccounts);
                    if (!population.next(chunk, kChunkAccounts)) {
                        break;
                    }
                    for (const DemoAccountRow& account : chunk.accounts) {
                        grams.add(account.id, account.name);
                    }
                    if (!queue.push(std::move(chunk))) {
                        break;
                    }
                }
                queue.finish(nullptr);
            } catch (...) {
                queue.finish(std::current_exception());
            }
        });
        try {
            DemoChunk chunk;
            while (queue.pop(chunk)) {
                writer.writeChunk(chunk, calendar);
                written += qint64(chunk.accounts.size());
                summary.areas += qint64(chunk.areas.size());
                if (progress) {
                    progress(written, options.accounts);
                }
            }
        } catch (...) {
            queue.cancel();
            throw;
        }
    }
    for (const auto& [group, account] : plan.members) {
        writer.writeMember(group, account);
    }
    writer.finish(grams);
    summary.accounts = written;
    summary.bills = written * DemoCalendar::kPeriods;
}

} // namespace

QStringList DemoGenerator::operatorCodes()
{
    QStringList codes;
    for (const DemoOperatorRow& row : DemoPlan::demoOperators()) {
        codes << row.code;
    }
    codes << QStringLiteral("coll01");
    return codes;
}

QString DemoGenerator::password()
{
    return QStringLiteral("demo1234");
}

QDate DemoGenerator::today()
{
    QTimeZone zone(QByteArrayLiteral("Asia/Shanghai"));
    if (!zone.isValid()) {
        zone = QTimeZone(8 * 3600);
    }
    return QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
}

DemoGenerator::DemoGenerator(const DemoOptions& options)
    : m_options(options)
{
}

DemoSummary DemoGenerator::create(const QString& path, const Progress& progress) const
{
    QElapsedTimer timer;
    timer.start();
    if (m_options.accounts < 1 || m_options.accounts > kMaxAccounts) {
        throw StoreError(tr("The demo makes 1 to %1 accounts, not %2.").arg(kMaxAccounts).arg(m_options.accounts));
    }
    const QDate asOf = m_options.asOf.isValid() ? m_options.asOf : today();
    if (asOf.year() < 2000 || asOf.year() > 2999) {
        throw StoreError(tr("The demo's date must lie between the years 2000 and 2999."));
    }
    if (QFileInfo::exists(path)) {
        throw StoreError(tr("%1 exists already; the demo never overwrites a file.").arg(path));
    }
    if (!QFileInfo(path).absoluteDir().exists()) {
        throw StoreError(tr("There is no folder %1 to create the demo store in.").arg(QFileInfo(path).absolutePath()));
    }

    // One hash for every demo sign-in: argon2id is slow on purpose.
    const QByteArray passwordHash = AuthService::hashPassword(password()).toUtf8();
    DemoRandom random(m_options.seed);
    const DemoPlan plan = DemoPlan::make(random, m_options.accounts, m_options.oneHall);
    const DemoCalendar calendar(asOf);

    DemoSummary summary;
    summary.path = path;
    summary.seed = m_options.seed;
    summary.asOf = asOf;
    summary.halls = qint64(DemoPlaces::halls().size());
    summary.operators = qint64(plan.operators.size());
    summary.groups = qint64(plan.groups.size());
    // Built under another name and renamed when complete, so that an interrupted run never leaves a file that
    // looks like a demo store.
    const QString building = QStringLiteral("%1.creating-%2").arg(path).arg(QCoreApplication::applicationPid());
    removeStoreFiles(building);
    try {
        createStore(building, m_options, asOf);
        load(building, m_options, calendar, plan, passwordHash, progress, summary);
        Store::open(building); // the finished file opens as any store does
        if (!QFile::rename(building, path)) {
            throw StoreError(tr("The demo store could not be saved as %1 (does it exist already?).").arg(path));
        }
    } catch (...) {
        removeStoreFiles(building);
        throw;
    }
    summary.milliseconds = timer.elapsed();
    return summary;
}

} // namespace HallDesk
