#pragma once

#include <QtGlobal>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace HallDesk {

// The rows of name_grams for the demo's accounts, made while the accounts are: what the store's trigger
// accounts_grams_insert does row by row (one substr() per row of name_gram_slices that fits in the name, counted in
// characters, duplicates ignored), done for all accounts at once so that the rows can go in in key order.
class DemoNameGrams final
{
public:
    struct Slice
    {
        int start = 1; // 1-based, in characters
        int length = 1;
    };

    explicit DemoNameGrams(std::vector<Slice> slices);

    // Adds the grams of one account; accounts come in increasing id order.
    void add(qint64 accountId, std::string_view name);

    qint64 count() const { return m_count; }

    // Calls `row` for every (gram, account id), ordered as the name_grams primary key orders them.
    void forEachRow(const std::function<void(const std::string& gram, qint64 accountId)>& row) const;

private:
    std::vector<Slice> m_slices;
    std::unordered_map<std::string, std::vector<qint32>> m_accounts; // gram -> account ids, ascending
    std::vector<std::size_t> m_boundaries; // scratch: byte offset of each character
    qint64 m_count = 0;
};

} // namespace HallDesk
