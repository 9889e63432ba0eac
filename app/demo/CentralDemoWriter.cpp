#include "app/demo/CentralDemoWriter.h"

#include "app/auth/AuthService.h"
#include "app/billing/CustomerClass.h"
#include "app/demo/DemoCalendar.h"
#include "app/demo/DemoChunk.h"
#include "app/demo/DemoPlaces.h"
#include "app/demo/DemoPlan.h"
#include "app/demo/DemoPopulation.h"
#include "db/Central.h"
#include "db/StoreError.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <array>
#include <functional>
#include <string_view>
#include <unordered_map>

namespace HallDesk {

namespace {

constexpr int kChunkAccounts = 2048;

void field(QByteArray& out, std::string_view value)
{
    appendCopyText(out, value);
}

void field(QByteArray& out, qint64 value)
{
    out += QByteArray::number(value);
}

void nullField(QByteArray& out)
{
    out += "\\N";
}

// Makes the demo's accounts from the start, chunk by chunk, as DemoGenerator does: each pass over them (one per
// table COPY fills) gives the same rows.
class Accounts final
{
public:
    Accounts(quint64 seed, const DemoPlan& plan, const DemoCalendar& calendar)
        : m_population(seed ^ DemoGenerator::kPopulationStream, plan, calendar)
    {
        m_chunk.accounts.reserve(kChunkAccounts);
    }

    // The next chunk, or nullptr when every account is made.
    const DemoChunk* next()
    {
        m_chunk.areas.clear();
        m_chunk.accounts.clear();
        return m_population.next(m_chunk, kChunkAccounts) ? &m_chunk : nullptr;
    }

private:
    DemoPopulation m_population;
    DemoChunk m_chunk;
};

} // namespace

CentralDemoWriter::CentralDemoWriter(const DemoOptions& options)
    : m_options(options)
{
}

CentralDemoSummary CentralDemoWriter::load(CentralConnection& connection) const
{
    QElapsedTimer timer;
    timer.start();
    if (m_options.accounts < 1 || m_options.accounts > DemoGenerator::kMaxAccounts) {
        throw StoreError(
            tr("The demo makes 1 to %1 accounts, not %2.").arg(DemoGenerator::kMaxAccounts).arg(m_options.accounts));
    }
    const QDate asOf = m_options.asOf.isValid() ? m_options.asOf : DemoGenerator::today();
    if (asOf.year() < 2000 || asOf.year() > 2999) {
        throw StoreError(tr("The demo's date must lie between the years 2000 and 2999."));
    }
    if (!connection.scalar(QStringLiteral("SELECT to_regclass('central.accounts') IS NOT NULL")).toBool()) {
        throw StoreError(tr("The central database has no HallDesk schema; run halldeskctl central migrate first."));
    }
    if (connection.scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM central.accounts)")).toBool()) {
        throw Occupied(tr("The central database holds accounts already; the demo loads only into a centre without "
                          "accounts."));
    }

    // The same plan, calendar and population as DemoGenerator::create for this seed and date.
    const QByteArray passwordHash = AuthService::hashPassword(DemoGenerator::password()).toUtf8();
    DemoRandom random(m_options.seed);
    const DemoPlan plan = DemoPlan::make(random, m_options.accounts, m_options.oneHall);
    const DemoCalendar calendar(asOf);

    CentralDemoSummary summary;
    summary.seed = m_options.seed;
    summary.asOf = asOf;

    QSqlDatabase db = connection.db();
    if (!db.transaction()) {
        throw StoreError(tr("The central database did not begin a transaction."));
    }
    try {
        // Halls (a centre may know some already, by code), then the demo's hall numbers mapped to the centre's.
        const auto sites = DemoPlaces::halls();
        std::unordered_map<qint64, qint64> hallIds; // the demo's hall id (site + 1) -> central.halls.hall_id
        for (std::size_t site = 0; site < sites.size(); ++site) {
            const DemoHallSite& hall = sites[site];
            connection.exec(QStringLiteral("INSERT INTO central.halls (code, name, province, district, address, phone) "
                                           "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING"),
                            {QString::fromUtf8(hall.code), QString::fromUtf8(hall.name),
                             QString::fromUtf8(DemoPlaces::province()),
                             QString::fromUtf8(DemoPlaces::districts()[std::size_t(hall.districts.front())].name),
                             QString::fromUtf8(hall.address), QString::fromUtf8(hall.phone)});
            hallIds[qint64(site) + 1] = connection
                                            .scalar(QStringLiteral("SELECT hall_id FROM central.halls WHERE code = ?"),
                                                    {QString::fromUtf8(hall.code)})
                                            .toLongLong();
        }
        summary.halls = qint64(sites.size());

        // The demo sign-ins and the collectors, all with the demo password.
        std::unordered_map<qint64, std::string> operatorCodes;
        for (const DemoOperatorRow& row : plan.operators) {
            QStringList roles;
            for (const Role role : row.roles) {
                roles << roleCode(role);
            }
            connection.exec(QStringLiteral("INSERT INTO central.operators (hall_id, code, name, password_hash, roles) "
                                           "VALUES (?, ?, ?, ?, CAST(? AS text[])) ON CONFLICT (code) DO NOTHING"),
                            {row.hallId > 0 ? QVariant(hallIds.at(row.hallId)) : QVariant(QMetaType(QMetaType::Int)),
                             row.code, row.name, QString::fromUtf8(passwordHash),
                             QStringLiteral("{%1}").arg(roles.join(QLatin1Char(',')))});
            operatorCodes[row.id] = row.code.toStdString();
        }
        summary.operators = qint64(plan.operators.size());

        const auto copy = [&connection](const char* statement, const std::function<bool(QByteArray&)>& produce) {
            connection.copyIn(QByteArray(statement), produce);
        };
        const auto hallOf = [&hallIds](qint64 demoHall) { return hallIds.at(demoHall); };
        const auto collector = [&operatorCodes](QByteArray& out, qint64 id) {
            const auto found = operatorCodes.find(id);
            if (found == operatorCodes.end()) {
                nullField(out);
            } else {
                field(out, found->second);
            }
        };

        // Accounts, the transformer areas they open kept for later, and the member accounts' numbers.
        std::unordered_map<qint64, std::string> areaCodes;
        QByteArray areas;
        std::unordered_map<qint64, std::pair<qint64, std::string>> memberAccounts; // id -> (hall, account_no)
        {
            Accounts accounts(m_options.seed, plan, calendar);
            copy("COPY central.accounts (hall_id, account_no, name, customer_class, address, area_code, meter_no, "
                 "status, risk_level, collector_code, prepaid_fen, id_card_no, opened_on, updated_at) FROM STDIN",
                 [&](QByteArray& out) {
                     const DemoChunk* chunk = accounts.next();
                     if (chunk == nullptr) {
                         return false;
                     }
                     for (const DemoAreaRow& area : chunk->areas) {
                         areaCodes[area.id] = area.code;
                         field(areas, hallOf(area.hallId));
                         areas += '\t';
                         field(areas, area.code);
                         areas += '\t';
                         field(areas, area.name);
                         areas += '\t';
                         collector(areas, area.collectorId);
                         areas += '\n';
                         ++summary.areas;
                     }
                     for (const DemoAccountRow& row : chunk->accounts) {
                         field(out, hallOf(row.hallId));
                         out += '\t';
                         field(out, row.accountNo);
                         out += '\t';
                         field(out, row.name);
                         out += '\t';
                         field(out, demoClassCode(row.customerClass));
                         out += '\t';
                         field(out, row.address);
                         out += '\t';
                         const auto area = areaCodes.find(row.areaId);
                         if (area == areaCodes.end()) {
                             nullField(out);
                         } else {
                             field(out, area->second);
                         }
                         out += '\t';
                         field(out, row.meterNo);
                         out += '\t';
                         field(out, std::string_view(row.billing.status));
                         out += '\t';
                         field(out, std::string_view(row.billing.riskLevel));
                         out += '\t';
                         collector(out, row.collectorId);
                         out += '\t';
                         field(out, row.billing.prepaidFen);
                         out += '\t';
                         field(out, row.idCardNo);
                         out += '\t';
                         field(out, std::string_view(calendar.date(row.openedOnDay), 10));
                         out += '\t';
                         field(out, row.updatedAt);
                         out += '\n';
                         if (plan.membership[std::size_t(row.id - 1)].group != 0) {
                             memberAccounts[row.id] = {hallOf(row.hallId), row.accountNo};
                         }
                         ++summary.accounts;
                     }
                     return true;
                 });
        }
        copy("COPY central.transformer_areas (hall_id, code, name, collector_code) FROM STDIN",
             [&areas](QByteArray& out) {
                 out = std::move(areas);
                 return false;
             });

        {
            Accounts accounts(m_options.seed, plan, calendar);
            copy("COPY central.contacts (hall_id, account_no, phone, mobile, wechat, email, updated_at) FROM STDIN",
                 [&](QByteArray& out) {
                     const DemoChunk* chunk = accounts.next();
                     if (chunk == nullptr) {
                         return false;
                     }
                     for (const DemoAccountRow& row : chunk->accounts) {
                         field(out, hallOf(row.hallId));
                         out += '\t';
                         field(out, row.accountNo);
                         out += '\t';
                         field(out, row.contact.phone);
                         out += '\t';
                         field(out, row.contact.mobile);
                         out += '\t';
                         field(out, row.contact.wechat);
                         out += '\t';
                         field(out, row.contact.email);
                         out += '\t';
                         field(out, row.contact.updatedAt);
                         out += '\n';
                     }
                     return true;
                 });
        }

        {
            Accounts accounts(m_options.seed, plan, calendar);
            copy("COPY central.bills (hall_id, account_no, period, kwh, amount_fen, issue_date, due_date, paid_fen, "
                 "status, paid_on) FROM STDIN",
                 [&](QByteArray& out) {
                     const DemoChunk* chunk = accounts.next();
                     if (chunk == nullptr) {
                         return false;
                     }
                     for (const DemoAccountRow& row : chunk->accounts) {
                         for (int period = 0; period < DemoCalendar::kPeriods; ++period) {
                             const DemoCalendar::Period& dates = calendar.period(period);
                             const DemoBill& bill = row.billing.bills[std::size_t(period)];
                             field(out, hallOf(row.hallId));
                             out += '\t';
                             field(out, row.accountNo);
                             out += '\t';
                             field(out, dates.text);
                             out += '\t';
                             field(out, bill.kwh);
                             out += '\t';
                             field(out, bill.amountFen);
                             out += '\t';
                             field(out, std::string_view(calendar.date(dates.issueDay), 10));
                             out += '\t';
                             field(out, std::string_view(calendar.date(dates.dueDay), 10));
                             out += '\t';
                             field(out, bill.paidFen);
                             out += '\t';
                             field(out, std::string_view(demoBillStatusCode(bill.status)));
                             out += '\t';
                             if (bill.paidOnDay >= 0) {
                                 field(out, std::string_view(calendar.date(bill.paidOnDay), 10));
                             } else {
                                 nullField(out);
                             }
                             out += '\n';
                             ++summary.bills;
                         }
                     }
                     return true;
                 });
        }

        // Payer groups, then their members (the group touched by each member, as the centre's trigger does).
        copy("COPY central.payer_groups (code, name, kind) FROM STDIN", [&plan](QByteArray& out) {
            for (const DemoGroupPlan& group : plan.groups) {
                field(out, group.code);
                out += '\t';
                field(out, group.name);
                out += '\t';
                field(out, std::string_view(group.kind == DemoGroupPlan::Kind::Family ? "family" : "company"));
                out += '\n';
            }
            return false;
        });
        summary.groups = qint64(plan.groups.size());
        std::unordered_map<qint64, const std::string*> groupCodes;
        for (const DemoGroupPlan& group : plan.groups) {
            groupCodes[group.id] = &group.code;
        }
        copy("COPY central.payer_group_members (hall_id, group_code, account_no) FROM STDIN", [&](QByteArray& out) {
            for (const auto& [group, account] : plan.members) {
                const auto& [hall, accountNo] = memberAccounts.at(account);
                field(out, hall);
                out += '\t';
                field(out, *groupCodes.at(group));
                out += '\t';
                field(out, accountNo);
                out += '\n';
                ++summary.members;
            }
            return false;
        });

        // Every prepaid balance enters the centre's ledger as its opening line, as in the local demo store.
        connection.exec(
            QStringLiteral("INSERT INTO central.prepaid_ledger (hall_id, account_no, delta_fen, balance_after, note) "
                           "SELECT hall_id, account_no, prepaid_fen, prepaid_fen, 'opening' FROM central.accounts "
                           "WHERE prepaid_fen <> 0 ORDER BY hall_id, account_no"));
        if (!db.commit()) {
            throw StoreError(tr("The central database did not commit the demo data."));
        }
    } catch (...) {
        db.rollback();
        throw;
    }
    // Statistics for the planner: the pull's first queries should not guess.
    connection.exec(QStringLiteral("ANALYZE central.accounts, central.contacts, central.bills, "
                                   "central.payer_group_members, central.transformer_areas"));
    summary.milliseconds = timer.elapsed();
    return summary;
}

} // namespace HallDesk
