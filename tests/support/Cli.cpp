#include "tests/support/Cli.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTest>

namespace HallDesk::Test {

QJsonObject CliRun::json() const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        QTest::qFail(qPrintable(QStringLiteral("not one JSON object: %1").arg(QString::fromUtf8(out))), __FILE__,
                     __LINE__);
        return {};
    }
    return doc.object();
}

QList<QJsonObject> CliRun::jsonLines() const
{
    QList<QJsonObject> lines;
    for (const QByteArray& line : out.split('\n')) {
        if (line.trimmed().isEmpty()) {
            continue;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (!doc.isObject()) {
            QTest::qFail(qPrintable(QStringLiteral("not a JSON line: %1").arg(QString::fromUtf8(line))), __FILE__,
                         __LINE__);
            return {};
        }
        lines.append(doc.object());
    }
    return lines;
}

CliRun runCli(const QStringList& args, const QProcessEnvironment& extra)
{
    return runCliWithInput(args, {}, extra);
}

CliRun runCliWithInput(const QStringList& args, const QByteArray& input, const QProcessEnvironment& extra)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HALLDESK_LANG"), QStringLiteral("en"));
    for (const QString& key : extra.keys()) {
        env.insert(key, extra.value(key));
    }
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(HALLDESKCTL_PATH), args);
    if (process.waitForStarted()) {
        process.write(input);
        process.closeWriteChannel();
    }
    CliRun run;
    if (!process.waitForFinished(300'000)) {
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace HallDesk::Test
