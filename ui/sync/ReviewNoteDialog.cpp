#include "ui/sync/ReviewNoteDialog.h"

#include "ui/common/Icons.h"
#include "ui/common/Theme.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace HallDesk {

ReviewNoteDialog::ReviewNoteDialog(const QString& question, QWidget* parent)
    : QDialog(parent)
    , m_note(new QPlainTextEdit(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("reviewDialog"));
    setWindowTitle(tr("Mark a rejected event reviewed"));
    setWindowIcon(Icons::application());

    auto* questionLabel = new QLabel(question, this);
    questionLabel->setTextFormat(Qt::PlainText);
    questionLabel->setWordWrap(true);
    auto* noteLabel = new QLabel(tr("&Note (required): what you found and what was done"), this);
    noteLabel->setBuddy(m_note);
    m_note->setObjectName(QStringLiteral("reviewNote"));
    m_note->setTabChangesFocus(true);
    m_note->setPlaceholderText(tr("e.g. the customer paid twice; refunded at the counter on receipt …"));
    m_note->setFixedHeight(fontMetrics().height() * 4 + 14);
    m_note->installEventFilter(this);
    m_message->setObjectName(QStringLiteral("reviewMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    Theme::setRole(m_message, QStringLiteral("error"));
    m_message->hide();

    auto* buttons = new QDialogButtonBox(this);
    QPushButton* confirm = buttons->addButton(tr("Mark reviewed"), QDialogButtonBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("reviewConfirm"));
    confirm->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &ReviewNoteDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ReviewNoteDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 16);
    layout->setSpacing(10);
    layout->addWidget(questionLabel);
    layout->addWidget(noteLabel);
    layout->addWidget(m_note);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(buttons);

    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 44);
    m_note->setFocus(Qt::OtherFocusReason);
}

QString ReviewNoteDialog::note() const
{
    return m_note->toPlainText().simplified();
}

void ReviewNoteDialog::showMessage(const QString& message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

bool ReviewNoteDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_note && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && !(key->modifiers() & Qt::ShiftModifier)) {
            accept();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ReviewNoteDialog::accept()
{
    if (note().isEmpty()) {
        showMessage(tr("Write the note first: what was found, and what was done about it."));
        m_note->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (m_action) {
        if (const auto problem = m_action(note())) {
            showMessage(*problem);
            return;
        }
    }
    QDialog::accept();
}

} // namespace HallDesk
