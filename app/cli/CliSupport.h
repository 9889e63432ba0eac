#pragma once

#include "app/auth/Operator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <memory>
#include <optional>

namespace HallDesk {
class Store;
}

namespace HallDesk::Cli {

// Exit codes: 0 done; 1 the work failed (store error, check found problems); 2 bad input or usage.
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

// Thrown by the helpers below; main() prints the message on stderr and exits with the code.
struct CliError
{
    QString message;
    int exitCode = kExitUsage;
};

// Parses `args` (the command's own arguments, the command name first) and throws CliError on unknown options or
// missing values. Adds --help.
void parse(QCommandLineParser& parser, const QStringList& args);
// The value of a required option; throws CliError naming it when absent.
QString required(const QCommandLineParser& parser, const QString& option);

// Opens the store named by --db; throws CliError with the store's message.
std::unique_ptr<Store> openStore(const QString& path);

// Signs in the operator named by --operator with the password in HALLDESK_PASSWORD, for commands that change
// data; throws CliError when either is missing or the sign-in is refused.
Session signIn(Store& store, const QString& operatorCode);

// A password for a terminal's login role at the centre: 24 random bytes from libsodium, URL-safe base64
// (CentralCommands.cpp).
QString newPassword();

// One JSON object on stdout, on one line.
void printJson(const QJsonObject& object);

// Command-line texts use this context for translation.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(halldeskctl)
};

} // namespace HallDesk::Cli
