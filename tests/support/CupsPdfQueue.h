#pragma once

#include <QDateTime>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace HallDesk::Test {

// A real CUPS queue that prints into PDF files (Debian's printer-driver-cups-pdf), for tests that print through
// QPrinter the way a counter prints to its receipt printer.
//
// ensure() starts a cupsd of the test's own, in the foreground, with its configuration, spool, cache, state, logs
// and the PDFs in a temporary folder, listening on a socket there and on a free loopback port; it points this
// process (CUPS_SERVER) at that socket and adds the queue HallDeskPDF with the cups-pdf driver. A CUPS server that
// is already running on the machine is never used nor touched. The destructor stops the cupsd; if the test process
// dies first, the kernel stops it (parent-death signal), and the next CupsPdfQueue removes what a killed test left.
//
// Call ensure() before anything in the process talks to CUPS: libcups reads CUPS_SERVER once. Nothing is skipped:
// when CUPS cannot be made to work, ensure() returns false with the reason and the test fails.
class CupsPdfQueue final
{
public:
    static constexpr const char* kQueue = "HallDeskPDF";

    CupsPdfQueue();
    ~CupsPdfQueue();
    CupsPdfQueue(const CupsPdfQueue&) = delete;
    CupsPdfQueue& operator=(const CupsPdfQueue&) = delete;

    bool ensure(QString* error);

    // Waits (up to `timeoutMs`) for the PDF that cups-pdf writes for a job titled `title` after `since`, and returns
    // its path; empty with *error (including the job's state and the CUPS log tail) when none appears.
    QString waitForOutput(const QString& title, const QDateTime& since, int timeoutMs, QString* error) const;

    QString socketPath() const;
    int port() const { return m_port; }

private:
    static void reapAbandoned();
    bool start(QString* error);
    void stop();
    QString path(const QString& name) const;
    QString cupsPdfConfig() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_cupsd;
    int m_port = 0;
};

} // namespace HallDesk::Test
