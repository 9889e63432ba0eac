#pragma once

#include <QDialog>
#include <functional>
#include <optional>

class QLabel;
class QPlainTextEdit;

namespace HallDesk {

// The supervisor's note for "mark reviewed": what was found and what was done. The note is required; the action
// runs on OK (Enter in the note; Shift+Enter breaks the line) and a refusal keeps the dialog open with its message
// in red.
class ReviewNoteDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ReviewNoteDialog(const QString& question, QWidget* parent = nullptr);

    void setAction(std::function<std::optional<QString>(const QString& note)> action) { m_action = std::move(action); }
    QString note() const;

public Q_SLOTS:
    void accept() override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showMessage(const QString& message);

    std::function<std::optional<QString>(const QString&)> m_action;
    QPlainTextEdit* m_note = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace HallDesk
