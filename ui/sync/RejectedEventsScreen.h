#pragma once

#include "app/auth/Operator.h"
#include "ui/Services.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTextBrowser;

namespace HallDesk {

class RejectedEventModel;
struct RejectedEvent;

// The supervisor's screen of events the centre rejected (docs/sync.md, "Rejected events"): the open ones, newest
// first (Alt+T: the reviewed ones too), with the centre's reason and, for the selected one, the original payment in
// full. Alt+A sends the selected event again (after the centre was corrected), Alt+R marks it reviewed with a note;
// both need the supervisor role or a supervisor's approval. The list is read again on showing and after every sync
// round.
class RejectedEventsScreen final : public QWidget
{
    Q_OBJECT

public:
    RejectedEventsScreen(const Services& services, const Session& session, QWidget* parent = nullptr);

    // Puts the cursor in the list, on the first event when none is selected.
    void activate();
    // Reads the list again, keeping the selected event when it is still there.
    void reload();
    // A sync round ended: the list is read again now when it is on screen, else when it is shown next.
    void syncRoundFinished();

    void setShowReviewed(bool show);
    bool showsReviewed() const;
    void sendAgain();
    void markReviewed();

    RejectedEventModel* model() const { return m_model; }
    const RejectedEvent* selectedEvent() const;

Q_SIGNALS:
    // How many rejected events are still open, after every reading of the list.
    void openCountChanged(qint64 count);
    // An event went back to the outbox queue: the window syncs now.
    void eventsQueued();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showSelected();
    void updateButtons();
    void showMessage(const QString& text, const QString& role);
    bool isSupervisor() const;
    QString describe(const RejectedEvent& event) const;

    Services m_services;
    Session m_session;
    RejectedEventModel* m_model = nullptr;
    QLabel* m_summary = nullptr;
    QCheckBox* m_showReviewed = nullptr;
    QPushButton* m_sendAgain = nullptr;
    QPushButton* m_review = nullptr;
    QLabel* m_message = nullptr;
    QStackedWidget* m_listStack = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_empty = nullptr;
    QTextBrowser* m_detail = nullptr;
    bool m_stale = true;
};

} // namespace HallDesk
