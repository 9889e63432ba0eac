#include "tests/support/ModalHelper.h"

#include <QApplication>
#include <QDialog>
#include <QPointer>

namespace HallDesk::Test {

ModalHelper::ModalHelper(std::function<void(QDialog&)> answer, int timeoutMs)
    : m_answer(std::move(answer))
    , m_timeoutMs(timeoutMs)
{
    m_timer.setInterval(10);
    connect(&m_timer, &QTimer::timeout, this, &ModalHelper::poll);
    m_timer.start();
    m_waiting.start();
}

void ModalHelper::poll()
{
    QPointer<QDialog> dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
    if (!dialog || !dialog->isVisible()) {
        if (m_waiting.elapsed() > m_timeoutMs) {
            m_timer.stop();
        }
        return;
    }
    // Keys go where a person's would only once the dialog is the active window.
    if (!dialog->isActiveWindow() && m_waiting.elapsed() <= m_timeoutMs) {
        dialog->activateWindow();
        return;
    }
    m_timer.stop();
    m_answered = true;
    m_answer(*dialog);
    if (dialog && dialog->isVisible()) {
        dialog->reject();
    }
}

} // namespace HallDesk::Test
