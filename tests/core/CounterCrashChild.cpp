// The child TestCounterCrash kills with SIGKILL at random moments: it takes payments (and now and then voids one)
// in a loop and prints each UUID only after its transaction committed, so the test knows what must be in the store.
//
//   counter_crash_child STORE SEED [RETRY_UUID]
//
// Lines on stdout: "START <uuid>" before a payment, "DONE <uuid>" after it committed, "VOID <uuid>" after a void of
// that payment committed. With RETRY_UUID the child first sends that payment again (a retry after a crash).

#include "app/auth/AuthService.h"
#include "app/counter/CounterService.h"
#include "db/Sql.h"
#include "db/Store.h"

#include <QCoreApplication>
#include <QTimeZone>
#include <cstdio>
#include <random>
#include <unistd.h>

using namespace HallDesk;

namespace {

void say(const char* what, const QUuid& uuid)
{
    // write(2) and no stdio buffer: a line printed is a line the parent can read even if we die right after.
    const QByteArray line = QByteArray(what) + ' ' + uuid.toString(QUuid::WithoutBraces).toLatin1() + '\n';
    if (::write(STDOUT_FILENO, line.constData(), size_t(line.size())) != line.size()) {
        std::exit(3);
    }
}

Operator operatorOf(Store& store, const QString& code)
{
    Operator op;
    op.code = code;
    op.id = Sql::scalar(store.connection(), QStringLiteral("SELECT id FROM operators WHERE code = ?"), {code})
                .toLongLong();
    return op;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fputs("usage: counter_crash_child STORE SEED [RETRY_UUID]\n", stderr);
        return 2;
    }
    const std::unique_ptr<Store> store = Store::open(args.at(1));
    const Session session{operatorOf(*store, QStringLiteral("clerk01")), AuthService(*store).workplace()};
    const Operator approver = operatorOf(*store, QStringLiteral("super01"));
    // The fixture's business day, noon in the hall.
    CounterService counter(*store, HallClock::fixed(QDateTime(QDate(2026, 2, 19), QTime(4, 0), Qt::UTC)));
    std::mt19937 random(args.at(2).toUInt());
    const QStringList accounts
        = {QStringLiteral("3300000001"), QStringLiteral("3300000002"), QStringLiteral("3300000003"),
           QStringLiteral("3300000005"), QStringLiteral("3300000006")};

    QUuid retry = args.size() > 3 ? QUuid::fromString(args.at(3)) : QUuid();
    QString lastReceipt;
    QUuid lastUuid;
    for (int i = 0; i < 100'000; ++i) {
        PaymentRequest request;
        request.uuid = retry.isNull() ? QUuid::createUuid() : retry;
        retry = QUuid();
        // The request follows from its UUID, so a retry after a kill sends exactly the same request again.
        std::mt19937 requestRandom(uint(qHash(request.uuid)));
        request.accountNos = {accounts.at(int(requestRandom() % accounts.size()))};
        if (requestRandom() % 4 == 0) {
            const QString second = accounts.at(int(requestRandom() % accounts.size()));
            if (second != request.accountNos.first()) {
                request.accountNos.append(second);
            }
            request.receiptMode = requestRandom() % 2 ? ReceiptMode::PerAccount : ReceiptMode::Combined;
        }
        const Money amount = Money::fromFen(qint64(1 + requestRandom() % 50'000));
        request.tenders = {{TenderMethod::Cash, amount, amount + Money::fromFen(qint64(requestRandom() % 1000)), {}}};
        say("START", request.uuid);
        try {
            const PaymentResult result = counter.pay(request, session);
            say("DONE", result.uuid);
            lastReceipt = result.receiptNos.first();
            lastUuid = result.uuid;
            if (random() % 5 == 0 && !result.replayed) {
                counter.voidPayment(lastReceipt, QStringLiteral("crash test"), approver, session);
                say("VOID", lastUuid);
            }
        } catch (const StoreError& error) {
            std::fprintf(stderr, "%s\n", qPrintable(error.message()));
            return 1;
        }
    }
    return 0;
}
