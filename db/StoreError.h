#pragma once

#include <QString>
#include <stdexcept>

namespace HallDesk {

// Raised by the data layer for anything the caller cannot repair by retrying the same call: a file that is not a
// HallDesk store, a schema newer than this program, a failed statement. The message is meant for a person.
class StoreError : public std::runtime_error
{
public:
    explicit StoreError(const QString& message)
        : std::runtime_error(message.toStdString())
        , m_message(message)
    {
    }

    QString message() const { return m_message; }

private:
    QString m_message;
};

} // namespace HallDesk
