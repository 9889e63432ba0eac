#include "ui/sync/RejectedEventsScreen.h"

#include "app/sync/RejectedEvents.h"
#include "db/StoreError.h"
#include "ui/common/Tables.h"
#include "ui/common/Theme.h"
#include "ui/counter/ApprovalDialog.h"
#include "ui/sync/RejectedEventDetail.h"
#include "ui/sync/RejectedEventModel.h"
#include "ui/sync/ReviewNoteDialog.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace HallDesk {

RejectedEventsScreen::RejectedEventsScreen(const Services& services, const Session& session, QWidget* parent)
    : QWidget(parent)
    , m_services(services)
    , m_session(session)
    , m_model(new RejectedEventModel(services.rejected, this))
    , m_summary(new QLabel(this))
    , m_showReviewed(new QCheckBox(tr("Show reviewed &too"), this))
    , m_sendAgain(new QPushButton(tr("Send &again"), this))
    , m_review(new QPushButton(tr("Mark &reviewed…"), this))
    , m_message(new QLabel(this))
    , m_listStack(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_detail(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("rejectedEventsScreen"));
    auto* title = new QLabel(tr("Events rejected by the centre"), this);
    Theme::setRole(title, QStringLiteral("title"));
    m_summary->setObjectName(QStringLiteral("rejectedSummary"));
    m_summary->setWordWrap(true);
    Theme::setRole(m_summary, QStringLiteral("hint"));

    m_showReviewed->setObjectName(QStringLiteral("showReviewed"));
    m_showReviewed->setToolTip(tr("Also list the events a supervisor marked reviewed (Alt+T)"));
    connect(m_showReviewed, &QCheckBox::toggled, this, [this] { reload(); });
    m_sendAgain->setObjectName(QStringLiteral("sendAgain"));
    m_sendAgain->setToolTip(tr("Puts the selected event back in the queue: the centre judges it again once it was "
                               "corrected (for example, the account was created there). Alt+A"));
    m_review->setObjectName(QStringLiteral("markReviewed"));
    m_review->setToolTip(tr("Keeps the selected event rejected and takes it off the open list, with your note. "
                            "Alt+R"));
    connect(m_sendAgain, &QPushButton::clicked, this, &RejectedEventsScreen::sendAgain);
    connect(m_review, &QPushButton::clicked, this, &RejectedEventsScreen::markReviewed);
    auto* actions = new QHBoxLayout;
    actions->setSpacing(8);
    actions->addWidget(m_showReviewed);
    actions->addStretch(1);
    actions->addWidget(m_sendAgain);
    actions->addWidget(m_review);

    m_message->setObjectName(QStringLiteral("rejectedMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();

    m_table->setObjectName(QStringLiteral("rejectedEvents"));
    m_table->setModel(m_model);
    setUpListTable(m_table);
    m_table->setTabKeyNavigation(false);
    m_table->setColumnHidden(RejectedEventModel::StateColumn, true);
    // The reason is the last visible column and takes the rest of the width; the state goes before it.
    m_table->horizontalHeader()->moveSection(RejectedEventModel::StateColumn, RejectedEventModel::ReasonColumn);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RejectedEventsScreen::showSelected);

    m_empty->setObjectName(QStringLiteral("rejectedEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    Theme::setRole(m_empty, QStringLiteral("hint"));
    m_listStack->addWidget(m_table);
    m_listStack->addWidget(m_empty);

    m_detail->setObjectName(QStringLiteral("rejectedDetail"));
    m_detail->setOpenLinks(false);
    m_detail->setFrameShape(QFrame::StyledPanel);
    m_detail->document()->setDocumentMargin(12);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_listStack);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 6);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(m_summary);
    layout->addLayout(actions);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);
    setFocusProxy(m_table);
    updateButtons();
}

bool RejectedEventsScreen::isSupervisor() const
{
    return m_session.op.hasRole(Role::Supervisor);
}

void RejectedEventsScreen::activate()
{
    if (m_stale) {
        reload();
    }
    if (m_model->rowCount() > 0 && !m_table->currentIndex().isValid()) {
        m_table->selectRow(0);
    }
    m_table->setFocus(Qt::OtherFocusReason);
}

void RejectedEventsScreen::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    reload();
}

void RejectedEventsScreen::syncRoundFinished()
{
    if (isVisible()) {
        reload();
    } else {
        m_stale = true;
    }
}

void RejectedEventsScreen::setShowReviewed(bool show)
{
    m_showReviewed->setChecked(show); // toggled() reads the list again
}

bool RejectedEventsScreen::showsReviewed() const
{
    return m_showReviewed->isChecked();
}

void RejectedEventsScreen::reload()
{
    const RejectedEvent* selected = selectedEvent();
    const qint64 seq = selected ? selected->seq : 0;
    const int row = m_table->currentIndex().row();
    qint64 open = 0;
    try {
        m_model->load(showsReviewed() ? RejectedEvents::Scope::All : RejectedEvents::Scope::Open);
        open = m_services.rejected.openCount();
    } catch (const StoreError& error) {
        showMessage(error.message(), QStringLiteral("error"));
        return;
    }
    m_stale = false;
    m_table->setColumnHidden(RejectedEventModel::StateColumn, !showsReviewed());
    const int rows = m_model->rowCount();
    if (rows > 0) {
        int again = seq ? m_model->rowOfSeq(seq) : -1;
        if (again < 0 && row >= 0) {
            again = qMin(row, rows - 1); // the one after a row that left the list
        }
        m_table->selectRow(qMax(again, 0));
    }
    m_summary->setText(open == 0 ? tr("Every event this terminal sent was accepted, or is still waiting to be sent. "
                                      "Events the central server refuses appear here; nothing is dropped.")
                                 : tr("%n event(s) refused by the central server wait for a supervisor. Correct the "
                                      "cause at the centre and send the event again, or mark it reviewed with a note.",
                                      nullptr, int(open)));
    m_empty->setText(showsReviewed() ? tr("The centre has not rejected any event of this terminal.")
                                     : tr("No open rejected events."));
    m_listStack->setCurrentWidget(rows > 0 ? static_cast<QWidget*>(m_table) : m_empty);
    m_detail->setVisible(rows > 0);
    showSelected();
    Q_EMIT openCountChanged(open);
}

const RejectedEvent* RejectedEventsScreen::selectedEvent() const
{
    return m_model->eventAt(m_table->currentIndex().row());
}

void RejectedEventsScreen::showSelected()
{
    const RejectedEvent* event = selectedEvent();
    m_detail->setHtml(event ? RejectedEventDetail::html(*event) : QString());
    updateButtons();
}

void RejectedEventsScreen::updateButtons()
{
    const RejectedEvent* event = selectedEvent();
    m_sendAgain->setEnabled(event != nullptr);
    m_review->setEnabled(event != nullptr && !event->reviewed());
}

void RejectedEventsScreen::showMessage(const QString& text, const QString& role)
{
    m_message->setText(text);
    Theme::setRole(m_message, role);
    m_message->setVisible(!text.isEmpty());
}

QString RejectedEventsScreen::describe(const RejectedEvent& event) const
{
    const QString receipts = RejectedEventModel::receiptText(event);
    return receipts.isEmpty() ? tr("%1 of %2")
                                    .arg(RejectedEvents::typeName(event.type),
                                         event.createdAtUtc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                              : tr("%1 %2").arg(RejectedEvents::typeName(event.type), receipts);
}

void RejectedEventsScreen::sendAgain()
{
    const RejectedEvent* selected = selectedEvent();
    if (!selected) {
        showMessage(tr("Select the event to send again."), QStringLiteral("hint"));
        return;
    }
    const RejectedEvent event = *selected;
    const QString done = tr("%1 is queued and goes to the centre with the next sync round.").arg(describe(event));
    if (isSupervisor()) {
        try {
            m_services.rejected.sendAgain(event.seq, m_session);
        } catch (const StoreError& error) {
            showMessage(error.message(), QStringLiteral("error"));
            return;
        }
    } else {
        ApprovalDialog dialog(m_services.auth, m_session, tr("Send a rejected event again"),
                              tr("Send %1 to the centre again? The centre rejected it: %2. Do this once the cause "
                                 "was corrected at the centre.")
                                  .arg(describe(event), event.reason),
                              this);
        dialog.setObjectName(QStringLiteral("sendAgainApproval"));
        dialog.setAction([&](const Operator& approver, const QString& reason) -> std::optional<QString> {
            try {
                m_services.rejected.sendAgain(event.seq, m_session, approver, reason);
                return std::nullopt;
            } catch (const StoreError& error) {
                return error.message();
            }
        });
        if (dialog.exec() != QDialog::Accepted) {
            return;
        }
    }
    reload();
    showMessage(done, QStringLiteral("success"));
    Q_EMIT eventsQueued();
}

void RejectedEventsScreen::markReviewed()
{
    const RejectedEvent* selected = selectedEvent();
    if (!selected) {
        showMessage(tr("Select the event to mark reviewed."), QStringLiteral("hint"));
        return;
    }
    const RejectedEvent event = *selected;
    const QString question
        = tr("%1 stays rejected and leaves the open list. The centre said: %2").arg(describe(event), event.reason);
    int result = QDialog::Rejected;
    if (isSupervisor()) {
        ReviewNoteDialog dialog(question, this);
        dialog.setAction([&](const QString& note) -> std::optional<QString> {
            try {
                m_services.rejected.markReviewed(event.seq, note, m_session);
                return std::nullopt;
            } catch (const StoreError& error) {
                return error.message();
            }
        });
        result = dialog.exec();
    } else {
        ApprovalDialog dialog(m_services.auth, m_session, tr("Mark a rejected event reviewed"),
                              question + QLatin1Char('\n') + tr("The reason is kept as the review note."), this);
        dialog.setObjectName(QStringLiteral("reviewApproval"));
        dialog.setAction([&](const Operator& approver, const QString& reason) -> std::optional<QString> {
            try {
                m_services.rejected.markReviewed(event.seq, reason, m_session, approver);
                return std::nullopt;
            } catch (const StoreError& error) {
                return error.message();
            }
        });
        result = dialog.exec();
    }
    if (result != QDialog::Accepted) {
        return;
    }
    reload();
    showMessage(tr("%1 is marked reviewed.").arg(describe(event)), QStringLiteral("success"));
}

} // namespace HallDesk
