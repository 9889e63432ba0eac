#include "tests/support/DocumentFixtures.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSizeF>
#include <QTemporaryDir>

namespace HallDesk::Test {

ReceiptData combinedReceipt()
{
    ReceiptData r;
    r.receiptNo = QStringLiteral("H01T01-00000042");
    r.kind = QStringLiteral("payment");
    r.companyName = QStringLiteral("国网杭州供电公司");
    r.hallCode = QStringLiteral("H01");
    r.hallName = QStringLiteral("城东供电营业厅");
    r.terminalCode = QStringLiteral("T01");
    r.operatorCode = QStringLiteral("C007");
    r.operatorName = QStringLiteral("王芳");
    r.createdAt = QDateTime(QDate(2026, 11, 30), QTime(6, 30, 15), Qt::UTC); // 14:30:15 in Shanghai
    r.timeZone = QStringLiteral("Asia/Shanghai");
    r.paymentUuid = QUuid(QStringLiteral("{6f1c2f9e-3b7a-4c1d-9e55-0a2b3c4d5e6f}"));

    ReceiptData::AccountPart zhang;
    zhang.accountNo = QStringLiteral("3301000001");
    zhang.name = QStringLiteral("张伟");
    zhang.address = QStringLiteral("浙江省杭州市上城区望江路88号3幢2单元501室");
    zhang.bills = {{QStringLiteral("2026-09"), Money::fromFen(12050), Money::fromFen(362), Money::fromFen(100)},
                   {QStringLiteral("2026-10"), Money::fromFen(9830), Money::fromFen(0), Money::fromFen(0)}};
    zhang.prepaidAfter = Money::fromFen(0);
    zhang.total = Money::fromFen(22242);

    ReceiptData::AccountPart li;
    li.accountNo = QStringLiteral("3301000002");
    li.name = QStringLiteral("李秀英");
    li.address = QStringLiteral("浙江省杭州市上城区清泰街56号");
    li.bills = {{QStringLiteral("2026-10"), Money::fromFen(25680), Money::fromFen(0), Money::fromFen(0)}};
    li.toPrepaid = Money::fromFen(2078);
    li.prepaidAfter = Money::fromFen(3578);
    li.total = Money::fromFen(27758);

    r.accounts = {zhang, li};
    r.tenders = {{TenderMethod::Cash, Money::fromFen(30000), Money::fromFen(40000), {}},
                 {TenderMethod::Card, Money::fromFen(20000), Money::fromFen(20000), QStringLiteral("88412033")}};
    r.amount = Money::fromFen(50000);
    r.tendered = Money::fromFen(60000);
    r.change = Money::fromFen(10000);
    return r;
}

SettlementData settlementWithVariance()
{
    SettlementData s;
    s.uuid = QUuid(QStringLiteral("{0d7e4a11-8c2b-4f5e-a1d3-2b9c8e7f6a50}"));
    s.companyName = QStringLiteral("国网杭州供电公司");
    s.hallCode = QStringLiteral("H01");
    s.hallName = QStringLiteral("城东供电营业厅");
    s.terminalCode = QStringLiteral("T01");
    s.operatorCode = QStringLiteral("C007");
    s.operatorName = QStringLiteral("王芳");
    s.approverName = QStringLiteral("陈主任");
    s.reason = QStringLiteral("找零时少收五角，已登记");
    s.businessDate = QDate(2026, 11, 30);
    s.createdAt = QDateTime(QDate(2026, 11, 30), QTime(9, 45, 0), Qt::UTC);
    s.blind = true;
    s.cashCounts
        = {{Money::fromYuan(100), 12}, {Money::fromYuan(50), 3}, {Money::fromYuan(20), 4}, {Money::fromYuan(10), 7},
           {Money::fromYuan(5), 1},    {Money::fromYuan(1), 9},  {Money::fromFen(50), 1},  {Money::fromFen(10), 3}};
    // Cash counted: 1200 + 150 + 80 + 70 + 5 + 9 + 0.50 + 0.30 = 1514.80, expected 1515.30.
    s.lines = {{TenderMethod::Cash, Money::fromFen(151530), Money::fromFen(151480)},
               {TenderMethod::Card, Money::fromFen(86000), Money::fromFen(86000)},
               {TenderMethod::Qr, Money::fromFen(43215), Money::fromFen(43215)},
               {TenderMethod::Transfer, Money::fromFen(0), Money::fromFen(0)}};
    s.paymentCount = 37;
    s.voidCount = 1;
    s.refundCount = 0;
    s.firstReceipt = QStringLiteral("H01T01-00000006");
    s.lastReceipt = QStringLiteral("H01T01-00000043");
    s.auditEntries = 1284;
    s.auditHash = QStringLiteral("3f2a9c1e5b7d40a68e21c0f94d3b7a6512e8f0c9a4d6b3e27f1058c9d2e4a6b8");
    return s;
}

ChineseLabels::ChineseLabels()
{
    QFile file(QStringLiteral(HALLDESK_TEST_DATA "/documents/labels_zh_CN.tsv"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return;
    }
    for (const QString& line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        const QStringList parts = line.split(QLatin1Char('\t'));
        if (parts.size() == 3 && !line.startsWith(QLatin1Char('#'))) {
            m_labels.insert(parts.at(0) + QLatin1Char('\n') + parts.at(1), parts.at(2));
        }
    }
}

QString ChineseLabels::translate(const char* context, const char* sourceText, const char*, int) const
{
    return m_labels.value(QString::fromUtf8(context) + QLatin1Char('\n') + QString::fromUtf8(sourceText));
}

QString pdfText(const QString& path, QString* error)
{
    QProcess process;
    process.start(
        QStringLiteral("pdftotext"),
        {QStringLiteral("-layout"), QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (error) {
            *error = QStringLiteral("pdftotext failed on %1: %2 %3")
                         .arg(path, process.errorString(), QString::fromUtf8(process.readAllStandardError()));
        }
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

QStringList pdfQrCodes(const QString& path, QString* error)
{
    QTemporaryDir dir; // not beside the PDF: cups-pdf's folder belongs to the printer
    const QString image = dir.filePath(QStringLiteral("page"));
    QProcess raster;
    raster.start(QStringLiteral("pdftoppm"),
                 {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("300"), QStringLiteral("-singlefile"),
                  path, image});
    if (!raster.waitForFinished(30000) || raster.exitCode() != 0) {
        *error = QStringLiteral("pdftoppm failed on %1: %2").arg(path, raster.errorString());
        return {};
    }
    QProcess zbar;
    zbar.start(QStringLiteral("zbarimg"),
               {QStringLiteral("-q"), QStringLiteral("--raw"), image + QStringLiteral(".png")});
    if (!zbar.waitForFinished(30000) || zbar.exitStatus() != QProcess::NormalExit) {
        *error = QStringLiteral("zbarimg failed (install zbar-tools): %1").arg(zbar.errorString());
        return {};
    }
    QStringList codes = QString::fromUtf8(zbar.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (codes.isEmpty()) {
        *error = QStringLiteral("no QR code found in %1").arg(path);
    }
    return codes;
}

QSizeF pdfPageSizePt(const QString& path)
{
    QProcess process;
    process.start(QStringLiteral("pdfinfo"), {path});
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        return {};
    }
    static const QRegularExpression size(QStringLiteral("Page size:\\s+([0-9.]+) x ([0-9.]+) pts"));
    const QRegularExpressionMatch match = size.match(QString::fromUtf8(process.readAllStandardOutput()));
    return match.hasMatch() ? QSizeF(match.captured(1).toDouble(), match.captured(2).toDouble()) : QSizeF();
}

} // namespace HallDesk::Test
