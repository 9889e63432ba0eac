#pragma once

#include "db/Store.h"

#include <QTemporaryDir>
#include <memory>

namespace HallDesk::Test {

// A fresh store in a temporary folder, deleted with the object.
class TempStore final
{
public:
    TempStore();
    Q_DISABLE_COPY_MOVE(TempStore)

    Store& store() { return *m_store; }
    QString path() const { return m_path; }
    QString dir() const { return m_dir.path(); }

    // Closes and opens the store again (for tests of persistence).
    void reopen();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Store> m_store;
};

} // namespace HallDesk::Test
