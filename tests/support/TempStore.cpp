#include "tests/support/TempStore.h"

namespace HallDesk::Test {

TempStore::TempStore()
    : m_path(m_dir.filePath(QStringLiteral("store.sqlite")))
    , m_store(Store::open(m_path, Store::OpenMode::CreateIfMissing))
{
}

void TempStore::reopen()
{
    m_store.reset();
    m_store = Store::open(m_path, Store::OpenMode::ExistingOnly);
}

} // namespace HallDesk::Test
