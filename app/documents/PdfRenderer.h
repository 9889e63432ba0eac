#pragma once

#include "app/documents/Document.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

namespace HallDesk {

// Renders a Document to PDF with libharu 2.3 (the archive copy, `halldeskctl receipt`, batch printing).
//
// Chinese goes through libharu's built-in CID fonts (SimSun, SimHei for bold) with the GBK-EUC-H encoding, the text
// converted to GB18030; embedding a TrueType CJK font through libharu's UTF-8 path gives wrong glyphs in 2.3.
// Digits and Latin text go in Helvetica, so text extraction (pdftotext) finds receipt numbers and amounts.
//
// A character GBK cannot carry (an emoji, a rare ideograph of CJK extension A/B such as 𠮷, a private-use
// character) is never dropped: it is printed as 〓 (U+3013 GETA MARK, the sign Chinese typesetting uses for a
// missing character), a footnote on the document names its code point (U+20BB7), and render() returns a warning
// for each. We do not refuse the whole receipt: a customer whose name holds a rare character must still get one,
// and the printed slip (QPainter, system fonts) usually shows the character itself.
class PdfRenderer final
{
    Q_DECLARE_TR_FUNCTIONS(PdfRenderer)

public:
    static constexpr char16_t kReplacement = u'\u3013';

    struct Output
    {
        QByteArray pdf;
        QStringList warnings; // one per character that was replaced, for a person
    };

    // Throws DocumentError when libharu fails.
    static Output render(const Document& document);
    // Writes the PDF atomically; returns the warnings. Throws DocumentError.
    static QStringList writeFile(const Document& document, const QString& path);

    // The code points of `text` that the PDF's fonts cannot carry (neither Latin-1 for Helvetica nor GBK).
    static QList<char32_t> uncarriable(const QString& text);
};

} // namespace HallDesk
