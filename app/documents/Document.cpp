#include "app/documents/Document.h"

namespace HallDesk {

QString paperCode(Paper paper)
{
    switch (paper) {
    case Paper::Roll80:
        return QStringLiteral("80mm");
    case Paper::Roll58:
        return QStringLiteral("58mm");
    case Paper::A5:
        return QStringLiteral("a5");
    }
    return {};
}

std::optional<Paper> paperFromCode(QStringView code)
{
    for (const Paper paper : allPapers()) {
        if (code.compare(paperCode(paper), Qt::CaseInsensitive) == 0) {
            return paper;
        }
    }
    return std::nullopt;
}

QString paperName(Paper paper)
{
    switch (paper) {
    case Paper::Roll80:
        return PaperText::tr("80 mm roll");
    case Paper::Roll58:
        return PaperText::tr("58 mm roll");
    case Paper::A5:
        return PaperText::tr("A5 sheet");
    }
    return {};
}

const QList<Paper>& allPapers()
{
    static const QList<Paper> papers = {Paper::Roll80, Paper::Roll58, Paper::A5};
    return papers;
}

PaperGeometry paperGeometry(Paper paper)
{
    // Roll printers print 72 mm of an 80 mm roll and 48 mm of a 58 mm roll; the margins keep text off the edge.
    switch (paper) {
    case Paper::Roll80:
        return {80, 0, 4, 8.5};
    case Paper::Roll58:
        return {58, 0, 5, 7};
    case Paper::A5:
        return {148, 210, 10, 9};
    }
    return {};
}

QStringList Document::texts() const
{
    QStringList out{title, stamp};
    for (const DocumentBlock& block : blocks) {
        std::visit(
            [&out](const auto& b) {
                using T = std::decay_t<decltype(b)>;
                if constexpr (std::is_same_v<T, TitleBlock>) {
                    out << b.text << b.subtitle;
                } else if constexpr (std::is_same_v<T, TextBlock>) {
                    out << b.text;
                } else if constexpr (std::is_same_v<T, KeyValueBlock>) {
                    out << b.key << b.value;
                } else if constexpr (std::is_same_v<T, TableBlock>) {
                    for (const TableColumn& column : b.columns) {
                        out << column.header;
                    }
                    for (const QStringList& row : b.rows) {
                        out << row;
                    }
                } else if constexpr (std::is_same_v<T, AmountBlock>) {
                    out << b.label << b.figures << b.capitalsLabel << b.capitals;
                } else if constexpr (std::is_same_v<T, QrBlock>) {
                    out << b.caption;
                } else if constexpr (std::is_same_v<T, SignatureBlock>) {
                    out << b.labels;
                }
            },
            block);
    }
    return out;
}

} // namespace HallDesk
