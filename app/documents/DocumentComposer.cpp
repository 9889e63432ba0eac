#include "app/documents/DocumentComposer.h"

#include "app/documents/QrMatrix.h"

#include <QtMath>
#include <algorithm>

namespace HallDesk {

namespace {

// Line box and baseline as multiples of the font size: CJK glyphs fill nearly the whole em, so the leading is
// generous enough that two lines of Chinese never touch on a thermal print.
constexpr double kLineFactor = 1.42;
constexpr double kBaselineFactor = 1.08;
constexpr double kColumnGapMm = 1.2;

bool isWide(QChar c)
{
    return c.unicode() >= 0x2E80 || c.isHighSurrogate() || c.isLowSurrogate();
}

// Break opportunities: after a space and around every wide (CJK) character; Latin words and numbers stay whole
// unless one alone is wider than the line.
QStringList tokens(const QString& text)
{
    QStringList out;
    QString word;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char(' ') || isWide(c)) {
            if (!word.isEmpty()) {
                out << word;
                word.clear();
            }
            if (c.isHighSurrogate() && i + 1 < text.size()) {
                out << text.mid(i, 2);
                ++i;
            } else {
                out << QString(c);
            }
        } else {
            word += c;
        }
    }
    if (!word.isEmpty()) {
        out << word;
    }
    return out;
}

class Composer
{
public:
    Composer(const Document& document, const TextMeasurer& measurer)
        : m_doc(document)
        , m_measure(measurer)
        , m_geometry(paperGeometry(document.paper))
        , m_roll(m_geometry.heightMm <= 0)
        , m_left(m_geometry.marginMm)
        , m_pageRight(m_geometry.widthMm - m_geometry.marginMm)
    {
    }

    ComposedDocument compose()
    {
        m_result.title = m_doc.title;
        newPage();
        for (const DocumentBlock& block : m_doc.blocks) {
            std::visit([this](const auto& b) { add(b); }, block);
        }
        if (m_roll) {
            // Room below the last line for the tear-off edge.
            m_result.pages.last().sizeMm = QSizeF(m_geometry.widthMm, std::max(m_y, m_insetUntil) + 8);
        }
        if (!m_doc.stamp.isEmpty()) {
            for (ComposedPage& page : m_result.pages) {
                stamp(page);
            }
        }
        return m_result;
    }

private:
    FontSpec font(TextSize size, bool bold = false) const { return {fontSizePt(m_doc.paper, size), bold}; }
    static double lineMm(const FontSpec& f) { return f.sizePt * kMmPerPt * kLineFactor; }
    double right() const { return m_y < m_insetUntil ? m_pageRight - m_insetMm : m_pageRight; }
    double width() const { return right() - m_left; }
    double measure(const QString& text, const FontSpec& f) const { return m_measure.widthMm(text, f); }

    void newPage()
    {
        m_result.pages.append(ComposedPage{QSizeF(m_geometry.widthMm, m_geometry.heightMm), {}});
        m_y = m_roll ? 3 : m_geometry.marginMm;
        m_insetUntil = 0;
    }

    // On sheets, starts a new page when `heightMm` more would run into the bottom margin.
    void reserve(double heightMm)
    {
        if (!m_roll && m_y + heightMm > m_geometry.heightMm - m_geometry.marginMm && m_y > m_geometry.marginMm + 0.1) {
            newPage();
        }
    }

    QList<DrawOp>& ops() { return m_result.pages.last().ops; }

    QStringList wrap(const QString& text, const FontSpec& f, double maxMm) const
    {
        QStringList lines;
        for (const QString& paragraph : text.split(QLatin1Char('\n'))) {
            QString line;
            for (const QString& token : tokens(paragraph)) {
                if (line.isEmpty() && token == QLatin1String(" ")) {
                    continue;
                }
                if (measure(line + token, f) <= maxMm || line.isEmpty()) {
                    if (line.isEmpty() && measure(token, f) > maxMm) {
                        // A single word wider than the line (a long reference number): break it by character.
                        for (const QChar c : token) {
                            if (!line.isEmpty() && measure(line + c, f) > maxMm) {
                                lines << line;
                                line.clear();
                            }
                            line += c;
                        }
                    } else {
                        line += token;
                    }
                } else {
                    lines << line.trimmed();
                    line = token == QLatin1String(" ") ? QString() : token;
                }
            }
            lines << line.trimmed();
        }
        return lines;
    }

    // Draws one line in [x0, x1] with the given alignment, its line box starting at `top`.
    void line(const QString& text, const FontSpec& f, double x0, double x1, Align align, double top)
    {
        if (text.isEmpty()) {
            return;
        }
        const double w = measure(text, f);
        double x = x0;
        if (align == Align::Center) {
            x = x0 + (x1 - x0 - w) / 2;
        } else if (align == Align::Right) {
            x = x1 - w;
        }
        ops().append(DrawText{QPointF(x, top + f.sizePt * kMmPerPt * kBaselineFactor), text, f});
    }

    // Wrapped text in [x0, x1] from the current position; advances m_y.
    void paragraph(const QString& text, const FontSpec& f, double x0, double x1, Align align)
    {
        for (const QString& l : wrap(text, f, x1 - x0)) {
            reserve(lineMm(f));
            line(l, f, x0, x1, align, m_y);
            m_y += lineMm(f);
        }
    }

    void add(const TitleBlock& b)
    {
        paragraph(b.text, font(TextSize::Title, true), m_left, right(), Align::Center);
        if (!b.subtitle.isEmpty()) {
            m_y += 0.5;
            paragraph(b.subtitle, font(TextSize::Large, true), m_left, right(), Align::Center);
        }
        m_y += 1.5;
    }

    void add(const TextBlock& b) { paragraph(b.text, font(b.size, b.bold), m_left, right(), b.align); }

    static QString withColon(const QString& key)
    {
        if (key.isEmpty()) {
            return key;
        }
        return key + (isWide(key.back()) ? QStringLiteral("\uFF1A") : QStringLiteral(": "));
    }

    void add(const KeyValueBlock& b)
    {
        const FontSpec f = font(TextSize::Body, b.bold);
        const QString key = withColon(b.key);
        const double keyW = measure(key, f);
        const double lh = lineMm(f);
        if (b.valueAlign == Align::Right) {
            const double valueW = measure(b.value, f);
            reserve(lh);
            line(key, f, m_left, right(), Align::Left, m_y);
            if (keyW + kColumnGapMm + valueW > width()) {
                m_y += lh;
                reserve(lh);
            }
            line(b.value, f, m_left, right(), Align::Right, m_y);
            m_y += lh;
            return;
        }
        // The value wraps under itself; when the key leaves too little room it goes under the key instead.
        const bool beside = width() - keyW >= width() * 0.45;
        const double x0 = beside ? m_left + keyW : m_left + 3;
        const QStringList lines = wrap(b.value, f, right() - x0);
        reserve(lh);
        line(key, f, m_left, right(), Align::Left, m_y);
        if (!beside) {
            m_y += lh;
        }
        for (const QString& l : lines) {
            reserve(lh);
            line(l, f, x0, right(), Align::Left, m_y);
            m_y += lh;
        }
    }

    void rule(double y, double widthMm, bool dashed)
    {
        ops().append(DrawLine{{m_left, y}, {right(), y}, widthMm, dashed});
    }

    void add(const TableBlock& b)
    {
        double total = 0;
        for (const TableColumn& column : b.columns) {
            total += column.weight;
        }
        QList<double> edges{m_left};
        for (const TableColumn& column : b.columns) {
            edges << edges.last() + width() * column.weight / std::max(total, 0.001);
        }
        auto row = [&](const QStringList& cells, const FontSpec& f) {
            QList<QStringList> wrapped;
            int height = 1;
            for (qsizetype c = 0; c < b.columns.size(); ++c) {
                const double gap = c + 1 < b.columns.size() ? kColumnGapMm : 0;
                wrapped << wrap(cells.value(c), f, edges.at(c + 1) - edges.at(c) - gap);
                height = std::max(height, int(wrapped.last().size()));
            }
            reserve(height * lineMm(f));
            for (qsizetype c = 0; c < b.columns.size(); ++c) {
                const double gap = c + 1 < b.columns.size() ? kColumnGapMm : 0;
                for (qsizetype l = 0; l < wrapped.at(c).size(); ++l) {
                    line(wrapped.at(c).at(l), f, edges.at(c), edges.at(c + 1) - gap, b.columns.at(c).align,
                         m_y + l * lineMm(f));
                }
            }
            m_y += height * lineMm(f);
        };
        if (b.showHeader) {
            QStringList headers;
            for (const TableColumn& column : b.columns) {
                headers << column.header;
            }
            row(headers, font(TextSize::Body, true));
            rule(m_y + 0.2, 0.15, false);
            m_y += 0.8;
        }
        for (qsizetype r = 0; r < b.rows.size(); ++r) {
            const bool bold = b.boldRows.contains(int(r));
            if (bold) {
                rule(m_y + 0.2, 0.15, false);
                m_y += 0.8;
            }
            row(b.rows.at(r), font(TextSize::Body, bold));
        }
        m_y += 0.8;
    }

    void add(const SeparatorBlock& b)
    {
        reserve(3);
        m_y += 1.2;
        switch (b.style) {
        case SeparatorBlock::Style::Solid:
            rule(m_y, 0.25, false);
            break;
        case SeparatorBlock::Style::Dashed:
            rule(m_y, 0.2, true);
            break;
        case SeparatorBlock::Style::Double:
            rule(m_y, 0.25, false);
            m_y += 0.7;
            rule(m_y, 0.25, false);
            break;
        }
        m_y += 1.6;
    }

    void add(const AmountBlock& b)
    {
        const FontSpec labelFont = font(TextSize::Large, true);
        const FontSpec figureFont = font(TextSize::Huge, true);
        const double lh = lineMm(figureFont);
        reserve(lh + 2 * lineMm(font(TextSize::Body)));
        const double baseline = m_y + figureFont.sizePt * kMmPerPt * kBaselineFactor;
        // The label sits on the figures' baseline, so both read as one line.
        const double labelTop = baseline - labelFont.sizePt * kMmPerPt * kBaselineFactor;
        line(b.label, labelFont, m_left, right(), Align::Left, labelTop);
        line(b.figures, figureFont, m_left, right(), Align::Right, m_y);
        m_y += lh;
        if (!b.capitals.isEmpty()) {
            add(KeyValueBlock{b.capitalsLabel, b.capitals, Align::Left, true});
        }
    }

    void add(const QrBlock& b)
    {
        const QrMatrix matrix = encodeQr(b.payload);
        double size = b.sizeMm;
        if (size <= 0) {
            size = m_doc.paper == Paper::Roll58 ? 24 : 28;
        }
        const int quiet = 2; // modules of white around; the paper around the slip adds the rest
        const double module = size / (matrix.size + 2 * quiet);
        const FontSpec captionFont = font(TextSize::Small);
        const double captionH = b.caption.isEmpty() ? 0 : lineMm(captionFont);
        reserve(size + captionH);
        const double top = m_y;
        const double left = b.corner ? m_pageRight - size : m_left + (width() - size) / 2;
        const double x0 = left + quiet * module;
        const double y0 = m_y + quiet * module;
        // One rectangle per run of dark modules in a row: fewer operations, and no hairline gaps between modules.
        for (int y = 0; y < matrix.size; ++y) {
            int x = 0;
            while (x < matrix.size) {
                if (!matrix.dark(x, y)) {
                    ++x;
                    continue;
                }
                const int start = x;
                while (x < matrix.size && matrix.dark(x, y)) {
                    ++x;
                }
                ops().append(DrawRect{QRectF(x0 + start * module, y0 + y * module, (x - start) * module, module)});
            }
        }
        m_y += size;
        if (!b.caption.isEmpty()) {
            paragraph(b.caption, captionFont, b.corner ? left - 4 : m_left, b.corner ? left + size + 4 : right(),
                      Align::Center);
        }
        if (b.corner) {
            m_insetMm = size + 2;
            m_insetUntil = m_y;
            m_y = top;
        }
    }

    void add(const SpacerBlock& b) { m_y += b.mm; }

    void add(const SignatureBlock& b)
    {
        const FontSpec f = font(TextSize::Body);
        const double writeRoom = 9; // height to sign in
        // Side by side on a sheet or an 80 mm roll when each label leaves room to sign; otherwise one per line.
        double widest = 0;
        for (const QString& label : b.labels) {
            widest = std::max(widest, measure(withColon(label), f));
        }
        const int perRow = (b.labels.size() > 1 && width() / b.labels.size() >= widest + 22) ? int(b.labels.size()) : 1;
        const double cell = width() / perRow;
        for (qsizetype i = 0; i < b.labels.size(); i += perRow) {
            reserve(writeRoom);
            m_y += writeRoom - lineMm(f);
            for (int j = 0; j < perRow && i + j < b.labels.size(); ++j) {
                const double x0 = m_left + j * cell;
                const QString label = withColon(b.labels.at(i + j));
                line(label, f, x0, x0 + cell, Align::Left, m_y);
                const double baseline = m_y + f.sizePt * kMmPerPt * kBaselineFactor + 0.6;
                ops().append(DrawLine{{x0 + measure(label, f), baseline}, {x0 + cell - 3, baseline}, 0.15, false});
            }
            m_y += lineMm(f);
        }
    }

    void stamp(ComposedPage& page)
    {
        const double angle = 28;
        FontSpec f{72, true};
        // As large as fits diagonally across the printable width.
        const double w = measure(m_doc.stamp, f);
        if (w > 0) {
            f.sizePt = std::clamp(f.sizePt * (width() * 0.95) / w, 12.0, 160.0);
        }
        const double textW = measure(m_doc.stamp, f);
        const double textH = f.sizePt * kMmPerPt * 0.75;
        const double rad = qDegreesToRadians(angle);
        const QPointF dir(std::cos(rad), -std::sin(rad)); // along the baseline, page y pointing down
        const QPointF up(-std::sin(rad), -std::cos(rad));
        const QPointF centre(page.sizeMm.width() / 2, page.sizeMm.height() / 2);
        const QPointF start = centre - dir * (textW / 2) - up * (textH / 2);
        page.ops.append(DrawText{start, m_doc.stamp, f, angle, QColor(200, 0, 0, 120)});
    }

    const Document& m_doc;
    const TextMeasurer& m_measure;
    const PaperGeometry m_geometry;
    const bool m_roll;
    const double m_left;
    const double m_pageRight;
    // A QR code in the corner: text to its left stays clear of it until m_y passes its bottom.
    double m_insetMm = 0;
    double m_insetUntil = 0;
    double m_y = 0;
    ComposedDocument m_result;
};

} // namespace

double fontSizePt(Paper paper, TextSize size)
{
    const double body = paperGeometry(paper).bodyPt;
    switch (size) {
    case TextSize::Small:
        return body * 0.85;
    case TextSize::Body:
        return body;
    case TextSize::Large:
        return body * 1.2;
    case TextSize::Title:
        return body * 1.4;
    case TextSize::Huge:
        return body * 1.9;
    }
    return body;
}

ComposedDocument composeDocument(const Document& document, const TextMeasurer& measurer)
{
    return Composer(document, measurer).compose();
}

} // namespace HallDesk
