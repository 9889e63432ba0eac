#include "app/demo/DemoNameGrams.h"

#include <algorithm>

namespace HallDesk {

DemoNameGrams::DemoNameGrams(std::vector<Slice> slices)
    : m_slices(std::move(slices))
{
}

void DemoNameGrams::add(qint64 accountId, std::string_view name)
{
    // SQLite's length() and substr() count characters of UTF-8 text: a character starts at every byte that is not
    // a continuation byte (10xxxxxx).
    m_boundaries.clear();
    for (std::size_t i = 0; i < name.size(); ++i) {
        if ((static_cast<unsigned char>(name[i]) & 0xC0) != 0x80) {
            m_boundaries.push_back(i);
        }
    }
    const int characters = int(m_boundaries.size());
    m_boundaries.push_back(name.size());
    for (const Slice& slice : m_slices) {
        if (slice.start < 1 || slice.length < 1 || slice.start + slice.length - 1 > characters) {
            continue;
        }
        const std::size_t from = m_boundaries[std::size_t(slice.start - 1)];
        const std::size_t to = m_boundaries[std::size_t(slice.start - 1 + slice.length)];
        std::vector<qint32>& ids = m_accounts[std::string(name.substr(from, to - from))];
        if (ids.empty() || ids.back() != qint32(accountId)) { // INSERT OR IGNORE: a gram once per account
            ids.push_back(qint32(accountId));
            ++m_count;
        }
    }
}

void DemoNameGrams::forEachRow(const std::function<void(const std::string& gram, qint64 accountId)>& row) const
{
    // Text keys in SQLite's BINARY order, which is std::string's: bytewise, unsigned.
    std::vector<const std::pair<const std::string, std::vector<qint32>>*> grams;
    grams.reserve(m_accounts.size());
    for (const auto& entry : m_accounts) {
        grams.push_back(&entry);
    }
    std::sort(grams.begin(), grams.end(),
              [](const auto* left, const auto* right) { return left->first < right->first; });
    for (const auto* entry : grams) {
        for (const qint32 id : entry->second) {
            row(entry->first, id);
        }
    }
}

} // namespace HallDesk
