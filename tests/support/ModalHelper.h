#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <functional>

class QDialog;

namespace HallDesk::Test {

// Answers a modal dialog that the code under test opens with a blocking QDialog::exec(). Create the helper before
// the click that opens the dialog: a timer running inside the dialog's own event loop waits for it to appear and
// calls `answer` with it once. A dialog the answer leaves open is rejected, so that a failing test never hangs.
class ModalHelper final : public QObject
{
public:
    explicit ModalHelper(std::function<void(QDialog&)> answer, int timeoutMs = 10000);
    Q_DISABLE_COPY_MOVE(ModalHelper)

    // The dialog appeared and was answered.
    bool answered() const { return m_answered; }

private:
    void poll();

    std::function<void(QDialog&)> m_answer;
    QTimer m_timer;
    QElapsedTimer m_waiting;
    int m_timeoutMs;
    bool m_answered = false;
};

} // namespace HallDesk::Test
