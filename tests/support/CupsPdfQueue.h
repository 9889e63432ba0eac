#pragma once

#include <QDateTime>
#include <QString>

namespace HallDesk::Test {

// A real CUPS queue that prints into PDF files (Debian's printer-driver-cups-pdf), for tests that print through
// QPrinter the way a counter prints to its receipt printer.
//
// ensure() starts the system's cupsd when it is not running (CI runs as root on a machine without systemd services)
// and adds the queue HallDeskPDF with the cups-pdf driver when it is missing. Nothing is skipped: when CUPS cannot
// be made to work, ensure() returns false with the reason and the test fails.
class CupsPdfQueue final
{
public:
    static constexpr const char* kQueue = "HallDeskPDF";

    bool ensure(QString* error);

    // Waits (up to `timeoutMs`) for the PDF that cups-pdf writes for a job titled `title` after `since`, and returns
    // its path; empty with *error (including the job's state and the CUPS log tail) when none appears.
    QString waitForOutput(const QString& title, const QDateTime& since, int timeoutMs, QString* error) const;

private:
    QStringList outputFolders() const;
};

} // namespace HallDesk::Test
