#include "ui/accounts/ContactPanel.h"

#include "app/accounts/AccountService.h"
#include "app/accounts/IdCardCheck.h"
#include "db/StoreError.h"
#include "ui/accounts/ContactDialog.h"
#include "ui/common/Theme.h"

#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace HallDesk {

namespace {

QString orDash(const QString& text)
{
    return text.isEmpty() ? QStringLiteral("—") : text;
}

} // namespace

ContactPanel::ContactPanel(AccountService& accounts, const Session& session, QWidget* parent)
    : QWidget(parent)
    , m_accounts(accounts)
    , m_session(session)
    , m_staleBanner(new QLabel(this))
    , m_show(new QPushButton(tr("Show numbers"), this))
    , m_edit(new QPushButton(tr("Edit…"), this))
    , m_checkId(new QPushButton(tr("Check ID card…"), this))
{
    m_staleBanner->setObjectName(QStringLiteral("contactsStaleBanner"));
    m_staleBanner->setWordWrap(true);
    m_staleBanner->setTextFormat(Qt::PlainText);
    Theme::setRole(m_staleBanner, QStringLiteral("banner"));

    auto* form = new QFormLayout;
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(10);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_mobile = addRow(form, tr("Mobile"), QStringLiteral("contactMobile"));
    m_phone = addRow(form, tr("Landline"), QStringLiteral("contactPhone"));
    m_wechat = addRow(form, tr("WeChat"), QStringLiteral("contactWechat"));
    m_email = addRow(form, tr("E-mail"), QStringLiteral("contactEmail"));
    m_idCard = addRow(form, tr("ID card no."), QStringLiteral("contactIdCard"));
    m_updated = addRow(form, tr("Last updated"), QStringLiteral("contactUpdated"));

    m_show->setObjectName(QStringLiteral("showPersonalData"));
    m_show->setToolTip(tr("Shows the full numbers. This is recorded in the audit log."));
    m_edit->setObjectName(QStringLiteral("editContact"));
    m_edit->setToolTip(tr("Update the contact data in one step"));
    connect(m_show, &QPushButton::clicked, this, [this] {
        if (reveal()) {
            refresh();
        }
    });
    connect(m_edit, &QPushButton::clicked, this, &ContactPanel::edit);
    m_checkId->setObjectName(QStringLiteral("checkIdCard"));
    m_checkId->setToolTip(tr("Compare the customer's ID card with the account at the centre. The cache keeps only "
                             "the first six and last four characters."));
    m_checkId->setVisible(false);
    connect(m_checkId, &QPushButton::clicked, this, &ContactPanel::checkIdCard);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_edit);
    buttons->addWidget(m_show);
    buttons->addWidget(m_checkId);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(14);
    layout->addWidget(m_staleBanner);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addStretch(1);
}

ContactPanel::~ContactPanel() = default;

void ContactPanel::enableIdCardCheck(Store& store, const QString& serverUrl)
{
    m_idCheck = std::make_unique<IdCardCheck>(store, serverUrl);
    refresh();
}

QLabel* ContactPanel::addRow(QFormLayout* form, const QString& caption, const QString& objectName)
{
    auto* value = new QLabel(this);
    value->setObjectName(objectName);
    value->setTextFormat(Qt::PlainText);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* label = new QLabel(caption, this);
    Theme::setRole(label, QStringLiteral("caption"));
    form->addRow(label, value);
    return value;
}

void ContactPanel::showAccount(const AccountDetail& account)
{
    if (account.accountNo != m_accountNo) {
        m_revealed = false; // revealing is per account
    }
    m_accountNo = account.accountNo;
    m_name = account.name;
    m_idCardNo = account.idCardNo;
    m_card = account.contact;
    m_stale = account.contactStale;
    refresh();
}

void ContactPanel::refresh()
{
    const bool masked = m_session.op.seesPersonalDataMasked() && !m_revealed;
    m_mobile->setText(orDash(masked ? maskPhone(m_card.mobile) : m_card.mobile));
    m_phone->setText(orDash(masked ? maskPhone(m_card.phone) : m_card.phone));
    m_idCard->setText(orDash(masked ? maskIdCard(m_idCardNo) : m_idCardNo));
    m_wechat->setText(orDash(m_card.wechat));
    m_email->setText(orDash(m_card.email));
    m_updated->setText(m_card.updatedAt.isValid()
                           ? QLocale().toString(m_card.updatedAt.toLocalTime(), QLocale::ShortFormat)
                           : tr("never"));
    const bool anythingMasked = !m_card.mobile.isEmpty() || !m_card.phone.isEmpty() || !m_idCardNo.isEmpty();
    m_show->setVisible(masked && anythingMasked);
    m_checkId->setVisible(m_idCheck && !m_idCardNo.isEmpty());
    m_checkId->setEnabled(!m_checking);

    if (m_stale) {
        m_staleBanner->setText(
            m_card.updatedAt.isValid()
                ? tr("The contact data was last confirmed on %1, more than a year ago. Please check it with the "
                     "customer and update it.")
                      .arg(QLocale().toString(m_card.updatedAt.toLocalTime().date(), QLocale::ShortFormat))
                : tr("No contact data has been confirmed for this account. Please ask the customer and record it."));
    }
    m_staleBanner->setVisible(m_stale);
}

bool ContactPanel::reveal()
{
    if (!m_session.op.seesPersonalDataMasked() || m_revealed) {
        return true;
    }
    try {
        for (const auto& [field, value] :
             {std::pair{QStringLiteral("mobile"), m_card.mobile}, std::pair{QStringLiteral("phone"), m_card.phone},
              std::pair{QStringLiteral("id_card_no"), m_idCardNo}}) {
            if (!value.isEmpty()) {
                m_accounts.recordReveal(m_accountNo, field, m_session);
            }
        }
    } catch (const StoreError& error) {
        QMessageBox::warning(this, tr("Personal data"), error.message());
        return false;
    }
    m_revealed = true;
    return true;
}

void ContactPanel::edit()
{
    if (!reveal()) {
        return;
    }
    refresh();
    ContactDialog dialog(m_accounts, m_session, m_accountNo, m_name, m_card, this);
    if (dialog.exec() == QDialog::Accepted) {
        Q_EMIT contactChanged();
    }
}

void ContactPanel::checkIdCard()
{
    if (!m_idCheck || m_checking) {
        return;
    }
    bool ok = false;
    const QString card
        = QInputDialog::getText(this, tr("Check ID card"),
                                tr("The number on the customer's ID card (account %1, %2):").arg(m_accountNo, m_name),
                                QLineEdit::Normal, {}, &ok);
    if (!ok || card.trimmed().isEmpty()) {
        return;
    }
    IdCardCheck::Request request;
    try {
        request = m_idCheck->prepare(m_accountNo, card);
    } catch (const StoreError& error) {
        QMessageBox::warning(this, tr("Check ID card"), error.message());
        return;
    }
    // the centre is asked on a worker thread (it may take up to its timeout); the store is used only here
    m_checking = true;
    refresh();
    auto* watcher = new QFutureWatcher<IdCardCheck::CentreAnswer>(this);
    connect(watcher, &QFutureWatcher<IdCardCheck::CentreAnswer>::finished, this, [this, watcher, request] {
        watcher->deleteLater();
        m_checking = false;
        refresh();
        try {
            const IdCardCheck::Result result = m_idCheck->finish(request, watcher->result(), m_session);
            if (result.source == IdCardCheck::Source::Centre && result.matches) {
                QMessageBox::information(this, tr("Check ID card"), result.message);
            } else {
                QMessageBox::warning(this, tr("Check ID card"), result.message);
            }
        } catch (const StoreError& error) {
            QMessageBox::warning(this, tr("Check ID card"), error.message());
        }
    });
    watcher->setFuture(QtConcurrent::run(&IdCardCheck::askCentre, request));
}

} // namespace HallDesk
