#include "ui/sync/SyncSettingsDialog.h"

#include "app/sync/SyncWorker.h"
#include "db/Store.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace HallDesk {

SyncSettingsDialog::SyncSettingsDialog(Store& store, const Session& session, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_session(session)
{
    setWindowTitle(tr("Central server"));
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("syncServerUrl"));
    m_url->setPlaceholderText(tr("postgresql://role:password@host:5432/database"));
    m_url->setMinimumWidth(420);
    m_url->setText(syncServerUrl(store));
    m_testButton = new QPushButton(tr("Test connection"), this);
    m_testButton->setObjectName(QStringLiteral("syncTest"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("syncTestResult"));
    m_result->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Server URL:"), m_url);
    form->addRow(QString(), m_testButton);
    auto* hint = new QLabel(tr("Leave empty to work offline without a central server."), this);
    hint->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_result);
    layout->addWidget(buttons);

    connect(m_testButton, &QPushButton::clicked, this, &SyncSettingsDialog::testConnection);
    connect(&m_test, &QFutureWatcher<QString>::finished, this, &SyncSettingsDialog::testFinished);
    connect(buttons, &QDialogButtonBox::accepted, this, &SyncSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SyncSettingsDialog::reject);
}

SyncSettingsDialog::~SyncSettingsDialog()
{
    // The test's thread ends within its connect timeout; its result is not wanted any more.
    m_test.waitForFinished();
}

QString SyncSettingsDialog::url() const
{
    return m_url->text().trimmed();
}

void SyncSettingsDialog::setUrl(const QString& url)
{
    m_url->setText(url);
}

QString SyncSettingsDialog::resultText() const
{
    return m_result->text();
}

void SyncSettingsDialog::testConnection()
{
    if (m_test.isRunning()) {
        return;
    }
    const QString url = this->url();
    m_testButton->setEnabled(false);
    m_result->setText(tr("Connecting…"));
    m_test.setFuture(QtConcurrent::run([url]() -> QString {
        try {
            return QStringLiteral("+") + testSyncServer(url);
        } catch (const StoreError& error) {
            return QStringLiteral("-") + error.message();
        } catch (const std::exception& error) {
            return QStringLiteral("-") + QString::fromLocal8Bit(error.what());
        }
    }));
}

void SyncSettingsDialog::testFinished()
{
    m_testButton->setEnabled(true);
    const QString outcome = m_test.result();
    const bool ok = outcome.startsWith(QLatin1Char('+'));
    m_result->setText(ok ? outcome.mid(1) : tr("Cannot connect: %1").arg(outcome.mid(1)));
    m_result->setStyleSheet(ok ? QStringLiteral("QLabel { color: #1e8449; }")
                               : QStringLiteral("QLabel { color: #c0392b; }"));
}

void SyncSettingsDialog::accept()
{
    try {
        saveSyncServerUrl(m_store, url(), m_session.op.id, m_session.workplace.terminalCode);
    } catch (const StoreError& error) {
        m_result->setText(tr("Not saved: %1").arg(error.message()));
        m_result->setStyleSheet(QStringLiteral("QLabel { color: #c0392b; }"));
        return;
    }
    QDialog::accept();
}

} // namespace HallDesk
