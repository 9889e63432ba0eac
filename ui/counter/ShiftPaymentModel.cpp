#include "ui/counter/ShiftPaymentModel.h"

#include "app/clock/HallClock.h"
#include "app/counter/Counter.h"
#include "app/counter/CounterService.h"
#include "ui/common/Theme.h"

#include <QFont>

namespace HallDesk {

ShiftPaymentModel::ShiftPaymentModel(CounterService& counter, const QTimeZone& hallZone, QObject* parent)
    : QAbstractTableModel(parent)
    , m_counter(counter)
    , m_hallZone(hallZone)
{
}

void ShiftPaymentModel::load(qint64 shiftId)
{
    const QList<ShiftPayment> payments = shiftId > 0 ? m_counter.shiftPayments(shiftId) : QList<ShiftPayment>();
    beginResetModel();
    m_payments = payments;
    endResetModel();
}

const ShiftPayment* ShiftPaymentModel::paymentAt(int row) const
{
    return row >= 0 && row < m_payments.size() ? &m_payments.at(row) : nullptr;
}

int ShiftPaymentModel::rowOfReceipt(const QString& receiptNo) const
{
    for (int row = 0; row < m_payments.size(); ++row) {
        if (m_payments.at(row).receiptNos.contains(receiptNo)) {
            return row;
        }
    }
    return -1;
}

int ShiftPaymentModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_payments.size());
}

int ShiftPaymentModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ShiftPaymentModel::data(const QModelIndex& index, int role) const
{
    const ShiftPayment* payment = index.isValid() ? paymentAt(index.row()) : nullptr;
    if (!payment) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return payment->createdAt.toTimeZone(m_hallZone).toString(QStringLiteral("HH:mm:ss"));
        case ReceiptColumn:
            return payment->receiptNos.join(QStringLiteral(", "));
        case AccountsColumn:
            return payment->accountNos.join(QStringLiteral(", "));
        case MethodsColumn: {
            QStringList names;
            for (const QString& code : payment->methods) {
                const auto method = tenderMethodFromCode(code);
                names << (method ? tenderMethodName(*method) : code);
            }
            return names.join(QStringLiteral(" + "));
        }
        case AmountColumn:
            return payment->kind == QLatin1String("refund") ? (-payment->amount).toDisplayString()
                                                            : payment->amount.toDisplayString();
        case ChangeColumn:
            return payment->change.isZero() ? QString() : payment->change.toDisplayString();
        case StateColumn:
            if (payment->voided) {
                return tr("Voided");
            }
            return payment->kind == QLatin1String("refund") ? tr("Refund") : tr("Paid");
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(
            (index.column() == AmountColumn || index.column() == ChangeColumn ? Qt::AlignRight : Qt::AlignLeft)
            | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        if (payment->voided) {
            return index.column() == StateColumn ? Theme::dangerText() : Theme::mutedText();
        }
        if (index.column() == StateColumn) {
            return Theme::toneText(Theme::Tone::Good);
        }
        return {};
    case Qt::FontRole:
        if (payment->voided && index.column() != StateColumn) {
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant ShiftPaymentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        return QVariant::fromValue(Qt::Alignment(
            (section == AmountColumn || section == ChangeColumn ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ReceiptColumn:
        return tr("Receipt no.");
    case AccountsColumn:
        return tr("Accounts");
    case MethodsColumn:
        return tr("Paid by");
    case AmountColumn:
        return tr("Amount");
    case ChangeColumn:
        return tr("Change");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

} // namespace HallDesk
