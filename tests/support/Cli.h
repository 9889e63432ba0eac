#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QStringList>

namespace HallDesk::Test {

// Runs the real halldeskctl program and keeps what it printed.
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonObject json() const; // stdout as one JSON object (fails the test if it is not one)
    QList<QJsonObject> jsonLines() const; // stdout as JSON lines
};

CliRun runCli(const QStringList& args, const QProcessEnvironment& extra = {});
// The same with `input` on its standard input (closed after it).
CliRun runCliWithInput(const QStringList& args, const QByteArray& input, const QProcessEnvironment& extra = {});

} // namespace HallDesk::Test
