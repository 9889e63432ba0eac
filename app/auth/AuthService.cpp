#include "app/auth/AuthService.h"

#include "app/audit/AuditLog.h"
#include "app/clock/HallClock.h"
#include "app/setup/Installation.h"
#include "db/Sql.h"
#include "db/Store.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTimeZone>
#include <algorithm>
#include <sodium.h>

namespace HallDesk {

namespace {

const QString kOperatorColumns = QStringLiteral("id, code, name, hall_id, active, locked_until, password_hash, "
                                                "failed_attempts");

// What sign-in needs beyond the public Operator.
struct Credentials
{
    Operator op;
    QString passwordHash;
    int failedAttempts = 0;
};

void ensureSodium()
{
    // sodium_init() is idempotent and thread-safe; the static makes it run once per process.
    static const int status = sodium_init();
    if (status < 0) {
        throw StoreError(AuthService::tr("The password library (libsodium) could not be initialised."));
    }
}

QDateTime nowUtc()
{
    // Stored timestamps have whole seconds; comparing against a clock with milliseconds would make a lock that
    // ends "now" still hold for a fraction of a second.
    QDateTime now = QDateTime::currentDateTimeUtc();
    now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
    return now;
}

QString utcText(const QDateTime& moment)
{
    return moment.toUTC().toString(Qt::ISODate);
}

QDateTime parseUtc(const QVariant& column)
{
    if (column.isNull()) {
        return {};
    }
    QDateTime moment = QDateTime::fromString(column.toString(), Qt::ISODate);
    if (moment.isValid()) {
        moment = moment.toUTC();
    }
    return moment;
}

int positiveSetting(Store& store, const QString& key)
{
    bool ok = false;
    const int value = store.setting(key).toInt(&ok);
    if (!ok || value <= 0) {
        throw StoreError(AuthService::tr("The setting \"%1\" must be a positive whole number; ask an administrator "
                                         "to correct it.")
                             .arg(key));
    }
    return value;
}

QList<Role> rolesOf(const QSqlDatabase& db, qint64 operatorId)
{
    QList<Role> roles;
    QSqlQuery query
        = Sql::exec(db, QStringLiteral("SELECT role FROM operator_roles WHERE operator_id = ?"), {operatorId});
    while (query.next()) {
        if (const auto role = roleFromCode(query.value(0).toString())) {
            roles.append(*role);
        }
    }
    std::sort(roles.begin(), roles.end());
    return roles;
}

Credentials readCredentials(const QSqlQuery& query, const QDateTime& now)
{
    Credentials credentials;
    Operator& op = credentials.op;
    op.id = query.value(0).toLongLong();
    op.code = query.value(1).toString();
    op.name = query.value(2).toString();
    op.hallId = query.value(3).isNull() ? 0 : query.value(3).toLongLong();
    op.active = query.value(4).toInt() != 0;
    const QDateTime lockedUntil = parseUtc(query.value(5));
    if (lockedUntil.isValid() && lockedUntil > now) {
        op.lockedUntil = lockedUntil;
    }
    credentials.passwordHash = query.value(6).toString();
    credentials.failedAttempts = query.value(7).toInt();
    return credentials;
}

std::optional<Credentials> loadCredentials(const QSqlDatabase& db, const QString& code, const QDateTime& now)
{
    QSqlQuery query
        = Sql::exec(db, QStringLiteral("SELECT %1 FROM operators WHERE code = ?").arg(kOperatorColumns), {code});
    if (!query.next()) {
        return std::nullopt;
    }
    Credentials credentials = readCredentials(query, now);
    credentials.op.roles = rolesOf(db, credentials.op.id);
    return credentials;
}

Credentials requireOperator(const QSqlDatabase& db, const QString& code)
{
    auto credentials = loadCredentials(db, code, nowUtc());
    if (!credentials) {
        throw StoreError(AuthService::tr("There is no operator \"%1\".").arg(code));
    }
    return *credentials;
}

std::optional<qint64> actorId(const std::optional<Operator>& actor)
{
    return actor ? std::optional<qint64>(actor->id) : std::nullopt;
}

QJsonArray roleCodes(const QList<Role>& roles)
{
    QJsonArray codes;
    for (const Role role : roles) {
        codes.append(roleCode(role));
    }
    return codes;
}

void requireNewPassword(const QString& code, const QString& password)
{
    if (const auto problem = AuthService::passwordProblem(password)) {
        throw StoreError(*problem);
    }
    if (password.compare(code, Qt::CaseInsensitive) == 0) {
        throw StoreError(AuthService::tr("The password must not be the operator code."));
    }
}

// A hash of a password nobody types, verified when the operator code is unknown so that an unknown code takes as
// long to refuse as a wrong password (the time must not tell which codes exist).
const QString& decoyHash()
{
    static const QString hash = AuthService::hashPassword(QStringLiteral("decoy password for unknown operators"));
    return hash;
}

// The lock's end as the hall reads its clocks.
QString hallTime(Store& store, const QDateTime& utc)
{
    return utc.toTimeZone(hallTimeZone(store)).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

// One sign-in or approval attempt, decided and recorded in one write transaction so that concurrent attempts
// count every failure and the audit log sees each of them.
AuthService::SignIn attempt(Store& store, const QString& code, const QString& password, std::optional<Role> required)
{
    using Status = AuthService::SignIn::Status;
    const int maxFailures = positiveSetting(store, QStringLiteral("auth.max_failures"));
    const int lockMinutes = positiveSetting(store, QStringLiteral("auth.lock_minutes"));
    const QString terminal = store.setting(QStringLiteral("terminal.code"));
    const QString purpose = required ? QStringLiteral("approve") : QStringLiteral("sign_in");
    const QString wrongCredentials = AuthService::tr("Unknown operator or wrong password.");

    QSqlDatabase db = store.connection();
    Sql::Transaction transaction(db);
    const QDateTime now = nowUtc();
    const auto credentials = loadCredentials(db, code, now);

    AuthService::SignIn result;
    auto audit = [&](const QString& action, std::optional<qint64> operatorId, QJsonObject details) {
        details.insert(QStringLiteral("purpose"), purpose);
        AuditLog::append(db, {action, QStringLiteral("operator"), code, details, operatorId, std::nullopt, terminal});
    };
    auto refuse = [&](Status status, const QString& reason, const QString& message) {
        audit(QStringLiteral("auth.sign_in_failed"), std::nullopt, {{QStringLiteral("reason"), reason}});
        transaction.commit();
        result.status = status;
        result.message = message;
        return result;
    };

    if (!credentials) {
        AuthService::verifyPassword(decoyHash(), password);
        return refuse(Status::WrongCredentials, QStringLiteral("unknown_operator"), wrongCredentials);
    }
    const Operator& op = credentials->op;
    if (!op.active) {
        return refuse(Status::Disabled, QStringLiteral("disabled"),
                      AuthService::tr("Operator %1 is disabled. An administrator can enable it again.").arg(op.code));
    }
    if (op.lockedUntil.isValid()) {
        result.lockedUntil = op.lockedUntil;
        return refuse(
            Status::Locked, QStringLiteral("locked"),
            AuthService::tr("Operator %1 is locked after too many failed sign-ins until %2. Try again then, or ask "
                            "an administrator to set a new password.")
                .arg(op.code, hallTime(store, op.lockedUntil)));
    }

    if (!AuthService::verifyPassword(credentials->passwordHash, password)) {
        const int failures = credentials->failedAttempts + 1;
        if (failures < maxFailures) {
            Sql::exec(db, QStringLiteral("UPDATE operators SET failed_attempts = ? WHERE id = ?"), {failures, op.id});
            audit(QStringLiteral("auth.sign_in_failed"), std::nullopt,
                  {{QStringLiteral("reason"), QStringLiteral("wrong_password")},
                   {QStringLiteral("failed_attempts"), failures}});
            transaction.commit();
            result.status = Status::WrongCredentials;
            result.message = wrongCredentials;
            return result;
        }
        // The counter starts again when the lock ends, so the operator then has the full number of attempts.
        const QDateTime lockedUntil = now.addSecs(qint64(lockMinutes) * 60);
        Sql::exec(db, QStringLiteral("UPDATE operators SET failed_attempts = 0, locked_until = ? WHERE id = ?"),
                  {utcText(lockedUntil), op.id});
        audit(QStringLiteral("auth.sign_in_failed"), std::nullopt,
              {{QStringLiteral("reason"), QStringLiteral("wrong_password")},
               {QStringLiteral("failed_attempts"), failures}});
        audit(QStringLiteral("auth.lock"), std::nullopt,
              {{QStringLiteral("failed_attempts"), failures},
               {QStringLiteral("lock_minutes"), lockMinutes},
               {QStringLiteral("locked_until"), utcText(lockedUntil)}});
        transaction.commit();
        result.status = Status::Locked;
        result.lockedUntil = lockedUntil;
        result.message = AuthService::tr("Too many failed sign-ins: operator %1 is locked until %2.")
                             .arg(op.code, hallTime(store, lockedUntil));
        return result;
    }

    Sql::exec(db, QStringLiteral("UPDATE operators SET failed_attempts = 0, locked_until = NULL WHERE id = ?"),
              {op.id});
    if (required && !op.hasRole(*required)) {
        audit(QStringLiteral("auth.approve_refused"), op.id,
              {{QStringLiteral("reason"), QStringLiteral("missing_role")},
               {QStringLiteral("role"), roleCode(*required)}});
        transaction.commit();
        result.status = Status::MissingRole;
        result.message = AuthService::tr("Operator %1 may not approve this: it needs the role \"%2\".")
                             .arg(op.code, roleName(*required));
        return result;
    }
    if (required) {
        audit(QStringLiteral("auth.approve"), op.id, {{QStringLiteral("role"), roleCode(*required)}});
    } else {
        audit(QStringLiteral("auth.sign_in"), op.id, {});
    }
    transaction.commit();
    result.status = Status::Ok;
    result.op = op;
    return result;
}

} // namespace

AuthService::AuthService(Store& store)
    : m_store(store)
{
    ensureSodium();
}

AuthService::SignIn AuthService::signIn(const QString& code, const QString& password)
{
    return attempt(m_store, code, password, std::nullopt);
}

AuthService::SignIn AuthService::approve(const QString& code, const QString& password, Role required)
{
    return attempt(m_store, code, password, required);
}

Workplace AuthService::workplace()
{
    Workplace workplace;
    workplace.hallCode = m_store.setting(QStringLiteral("hall.code"));
    workplace.terminalCode = m_store.setting(QStringLiteral("terminal.code"));
    workplace.companyName = m_store.setting(QStringLiteral("company.name"));
    if (workplace.hallCode.isEmpty()) {
        return workplace; // a store that `halldeskctl init` or the demo has not configured yet
    }
    QSqlQuery query = Sql::exec(m_store.connection(), QStringLiteral("SELECT id, name FROM halls WHERE code = ?"),
                                {workplace.hallCode});
    if (!query.next()) {
        throw StoreError(tr("The store names hall %1 as its workplace, but has no such hall.").arg(workplace.hallCode));
    }
    workplace.hallId = query.value(0).toLongLong();
    workplace.hallName = query.value(1).toString();
    return workplace;
}

Operator AuthService::addOperator(const QString& code, const QString& name, const QList<Role>& roles,
                                  const QString& password, const std::optional<Operator>& actor)
{
    if (actor && !actor->hasRole(Role::Admin)) {
        throw StoreError(tr("Only an administrator may add operators."));
    }
    if (!Installation::isValidCode(code)) {
        throw StoreError(tr("\"%1\" is not a valid operator code (1 to 16 letters, digits, - or _).").arg(code));
    }
    if (name.trimmed().isEmpty()) {
        throw StoreError(tr("The operator needs a name."));
    }
    if (roles.isEmpty()) {
        throw StoreError(tr("The operator needs at least one role."));
    }
    requireNewPassword(code, password);
    const QString hash = hashPassword(password);
    const Workplace place = workplace();

    Operator op;
    op.code = code;
    op.name = name.trimmed();
    op.hallId = place.hallId;
    op.roles = roles;
    std::sort(op.roles.begin(), op.roles.end());
    op.roles.erase(std::unique(op.roles.begin(), op.roles.end()), op.roles.end());

    QSqlDatabase db = m_store.connection();
    Sql::Transaction transaction(db);
    const QVariant existing
        = Sql::scalar(db, QStringLiteral("SELECT code FROM operators WHERE lower(code) = lower(?)"), {code});
    if (existing.isValid()) {
        throw StoreError(tr("An operator with the code \"%1\" exists already.").arg(existing.toString()));
    }
    const QString now = utcText(nowUtc());
    const QSqlQuery insert = Sql::exec(
        db,
        QStringLiteral("INSERT INTO operators (code, name, hall_id, password_hash, active, failed_attempts, "
                       "created_at, updated_at) VALUES (?, ?, ?, ?, 1, 0, ?, ?)"),
        {op.code, op.name, op.hallId > 0 ? QVariant(op.hallId) : QVariant(QMetaType::fromType<qint64>()), hash, now,
         now});
    op.id = insert.lastInsertId().toLongLong();
    for (const Role role : std::as_const(op.roles)) {
        Sql::exec(db, QStringLiteral("INSERT INTO operator_roles (operator_id, role) VALUES (?, ?)"),
                  {op.id, roleCode(role)});
    }
    AuditLog::append(db,
                     {QStringLiteral("operator.add"),
                      QStringLiteral("operator"),
                      op.code,
                      {{QStringLiteral("name"), op.name}, {QStringLiteral("roles"), roleCodes(op.roles)}},
                      actorId(actor),
                      std::nullopt,
                      place.terminalCode});
    transaction.commit();
    return op;
}

QList<Operator> AuthService::operators()
{
    QSqlDatabase db = m_store.connection();
    const QDateTime now = nowUtc();
    QList<Operator> list;
    QSqlQuery query = Sql::exec(db, QStringLiteral("SELECT %1 FROM operators ORDER BY code").arg(kOperatorColumns));
    while (query.next()) {
        list.append(readCredentials(query, now).op);
    }
    for (Operator& op : list) {
        op.roles = rolesOf(db, op.id);
    }
    return list;
}

void AuthService::setPassword(const QString& code, const QString& password, const std::optional<Operator>& actor)
{
    requireNewPassword(code, password);
    const QString hash = hashPassword(password);
    const QString terminal = m_store.setting(QStringLiteral("terminal.code"));

    QSqlDatabase db = m_store.connection();
    Sql::Transaction transaction(db);
    const Credentials target = requireOperator(db, code);
    if (actor && !actor->hasRole(Role::Admin) && actor->id != target.op.id) {
        throw StoreError(tr("Only an administrator may set another operator's password."));
    }
    // A new password also lifts a lock: it is how an administrator lets a locked-out operator back in.
    Sql::exec(db,
              QStringLiteral("UPDATE operators SET password_hash = ?, failed_attempts = 0, locked_until = NULL, "
                             "updated_at = ? WHERE id = ?"),
              {hash, utcText(nowUtc()), target.op.id});
    AuditLog::append(db,
                     {QStringLiteral("operator.password"),
                      QStringLiteral("operator"),
                      target.op.code,
                      {{QStringLiteral("was_locked"), target.op.lockedUntil.isValid()}},
                      actorId(actor),
                      std::nullopt,
                      terminal});
    transaction.commit();
}

void AuthService::setActive(const QString& code, bool active, const std::optional<Operator>& actor)
{
    if (actor && !actor->hasRole(Role::Admin)) {
        throw StoreError(active ? tr("Only an administrator may enable operators.")
                                : tr("Only an administrator may disable operators."));
    }
    const QString terminal = m_store.setting(QStringLiteral("terminal.code"));

    QSqlDatabase db = m_store.connection();
    Sql::Transaction transaction(db);
    const Credentials target = requireOperator(db, code);
    if (target.op.active == active) {
        transaction.commit();
        return;
    }
    if (!active && target.op.hasRole(Role::Admin)) {
        const qint64 otherAdmins
            = Sql::scalar(
                  db,
                  QStringLiteral("SELECT count(*) FROM operators o JOIN operator_roles r ON r.operator_id = o.id "
                                 "WHERE r.role = 'admin' AND o.active = 1 AND o.id <> ?"),
                  {target.op.id})
                  .toLongLong();
        if (otherAdmins == 0) {
            throw StoreError(
                tr("%1 is the last active administrator and cannot be disabled; enable or add another administrator "
                   "first.")
                    .arg(target.op.code));
        }
    }
    Sql::exec(db, QStringLiteral("UPDATE operators SET active = ?, updated_at = ? WHERE id = ?"),
              {active ? 1 : 0, utcText(nowUtc()), target.op.id});
    AuditLog::append(db,
                     {active ? QStringLiteral("operator.enable") : QStringLiteral("operator.disable"),
                      QStringLiteral("operator"),
                      target.op.code,
                      {},
                      actorId(actor),
                      std::nullopt,
                      terminal});
    transaction.commit();
}

std::optional<Operator> AuthService::findOperator(const QString& code)
{
    const auto credentials = loadCredentials(m_store.connection(), code, nowUtc());
    return credentials ? std::optional<Operator>(credentials->op) : std::nullopt;
}

QString AuthService::hashPassword(const QString& password)
{
    ensureSodium();
    const QByteArray utf8 = password.toUtf8();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, utf8.constData(), quint64(utf8.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0) {
        throw StoreError(tr("Not enough memory to protect the password; close other programs and try again."));
    }
    return QString::fromLatin1(hash);
}

bool AuthService::verifyPassword(const QString& hash, const QString& password)
{
    ensureSodium();
    const QByteArray stored = hash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(), quint64(utf8.size())) == 0;
}

std::optional<QString> AuthService::passwordProblem(const QString& password)
{
    const QList<uint> characters = password.toUcs4();
    if (characters.size() < 8) {
        return tr("A password needs at least 8 characters.");
    }
    if (std::all_of(characters.begin(), characters.end(), [&](uint c) { return c == characters.first(); })) {
        return tr("A password must not be one character repeated.");
    }
    return std::nullopt;
}

} // namespace HallDesk
