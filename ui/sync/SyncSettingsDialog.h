#pragma once

#include "app/auth/Operator.h"

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QLineEdit;
class QPushButton;

namespace HallDesk {

class Store;

// The administrator's settings for the central server: its URL, a "test connection" that says hello to the centre
// on a worker thread (the dialog never waits for the network), and Save, which writes sync.server_url with an
// audit entry.
class SyncSettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    SyncSettingsDialog(Store& store, const Session& session, QWidget* parent = nullptr);
    ~SyncSettingsDialog() override;
    Q_DISABLE_COPY_MOVE(SyncSettingsDialog)

    QString url() const;
    void setUrl(const QString& url);
    void testConnection();
    bool isTesting() const { return m_test.isRunning(); }
    QString resultText() const;

    void accept() override;

private:
    void testFinished();

    Store& m_store;
    Session m_session;
    QLineEdit* m_url = nullptr;
    QPushButton* m_testButton = nullptr;
    QLabel* m_result = nullptr;
    QFutureWatcher<QString> m_test;
};

} // namespace HallDesk
