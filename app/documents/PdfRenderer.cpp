#include "app/documents/PdfRenderer.h"

#include "app/documents/DocumentComposer.h"
#include "db/PrivateFiles.h"

#include <QStringEncoder>
#include <QtMath>
#include <hpdf.h>
#include <memory>

namespace HallDesk {

namespace {

constexpr double kPtPerMm = 72.0 / 25.4;

bool isLatin(char32_t c)
{
    return (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xFF);
}

// GBK's two-byte codes as GB18030 writes them; anything longer (four-byte GB18030) is outside GBK and outside
// the GBK-EUC-H CMap. Private-use characters map into GBK's user-defined areas, which Adobe-GB1 leaves empty.
QByteArray gbk(char32_t c)
{
    if (c < 0x80 || (c >= 0xE000 && c <= 0xF8FF)) {
        return {};
    }
    thread_local QStringEncoder encoder("GB18030");
    const QByteArray bytes = encoder.encode(QString::fromUcs4(&c, 1));
    if (encoder.hasError()) {
        encoder.resetState();
        return {};
    }
    if (bytes.size() != 2) {
        return {};
    }
    const auto lead = static_cast<unsigned char>(bytes.at(0));
    const auto trail = static_cast<unsigned char>(bytes.at(1));
    if (lead < 0x81 || lead > 0xFE || trail < 0x40 || trail > 0xFE || trail == 0x7F) {
        return {};
    }
    return bytes;
}

// A stretch of text in one font: Latin-1 in Helvetica or GBK in SimSun/SimHei.
struct Run
{
    bool latin = true;
    QByteArray bytes;
};

QList<Run> runs(const QString& text)
{
    static const QByteArray replacement = gbk(PdfRenderer::kReplacement);
    QList<Run> out;
    for (const char32_t c : text.toUcs4()) {
        const bool latin = isLatin(c);
        QByteArray bytes;
        if (latin) {
            bytes.append(char(c));
        } else {
            bytes = gbk(c);
            if (bytes.isEmpty()) {
                bytes = replacement;
            }
        }
        if (out.isEmpty() || out.last().latin != latin) {
            out.append(Run{latin, {}});
        }
        out.last().bytes += bytes;
    }
    return out;
}

struct HpdfStatus
{
    HPDF_STATUS error = HPDF_OK;
    HPDF_STATUS detail = 0;
};

void onHpdfError(HPDF_STATUS error, HPDF_STATUS detail, void* user)
{
    // libharu is C: record the first error and let the caller throw after the call returns.
    auto* status = static_cast<HpdfStatus*>(user);
    if (status->error == HPDF_OK) {
        status->error = error;
        status->detail = detail;
    }
}

class Pdf final : public TextMeasurer
{
public:
    Pdf()
        : m_doc(HPDF_New(onHpdfError, &m_status), &HPDF_Free)
    {
        if (!m_doc) {
            throw DocumentError(PdfRenderer::tr("The PDF library could not start."));
        }
        HPDF_SetCompressionMode(m_doc.get(), HPDF_COMP_ALL);
        HPDF_UseCNSFonts(m_doc.get());
        HPDF_UseCNSEncodings(m_doc.get());
        m_latin = HPDF_GetFont(m_doc.get(), "Helvetica", "WinAnsiEncoding");
        m_latinBold = HPDF_GetFont(m_doc.get(), "Helvetica-Bold", "WinAnsiEncoding");
        m_cjk = HPDF_GetFont(m_doc.get(), "SimSun", "GBK-EUC-H");
        m_cjkBold = HPDF_GetFont(m_doc.get(), "SimHei", "GBK-EUC-H");
        check();
    }

    double widthMm(const QString& text, const FontSpec& font) const override
    {
        double units = 0;
        for (const Run& run : runs(text)) {
            units += runWidth(run, font);
        }
        return units * font.sizePt / 1000.0 / kPtPerMm;
    }

    void draw(const ComposedDocument& composed)
    {
        for (const ComposedPage& page : composed.pages) {
            HPDF_Page p = HPDF_AddPage(m_doc.get());
            HPDF_Page_SetWidth(p, HPDF_REAL(page.sizeMm.width() * kPtPerMm));
            HPDF_Page_SetHeight(p, HPDF_REAL(page.sizeMm.height() * kPtPerMm));
            const double height = page.sizeMm.height() * kPtPerMm;
            bool filling = false; // consecutive rectangles are filled together
            for (const DrawOp& op : page.ops) {
                if (filling && !std::holds_alternative<DrawRect>(op)) {
                    HPDF_Page_Fill(p);
                    filling = false;
                }
                if (const auto* text = std::get_if<DrawText>(&op)) {
                    drawText(p, height, *text);
                } else if (const auto* rect = std::get_if<DrawRect>(&op)) {
                    if (!filling) {
                        HPDF_Page_SetRGBFill(p, 0, 0, 0);
                        filling = true;
                    }
                    const QRectF& r = rect->mm;
                    HPDF_Page_Rectangle(p, HPDF_REAL(r.x() * kPtPerMm), HPDF_REAL(height - r.bottom() * kPtPerMm),
                                        HPDF_REAL(r.width() * kPtPerMm), HPDF_REAL(r.height() * kPtPerMm));
                } else if (const auto* line = std::get_if<DrawLine>(&op)) {
                    drawLine(p, height, *line);
                }
            }
            if (filling) {
                HPDF_Page_Fill(p);
            }
            check();
        }
    }

    QByteArray save()
    {
        HPDF_SaveToStream(m_doc.get());
        check();
        HPDF_UINT32 size = HPDF_GetStreamSize(m_doc.get());
        QByteArray bytes(qsizetype(size), Qt::Uninitialized);
        HPDF_ReadFromStream(m_doc.get(), reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
        check();
        bytes.truncate(qsizetype(size));
        return bytes;
    }

private:
    HPDF_Font fontFor(bool latin, bool bold) const
    {
        if (latin) {
            return bold ? m_latinBold : m_latin;
        }
        return bold ? m_cjkBold : m_cjk;
    }

    double runWidth(const Run& run, const FontSpec& font) const
    {
        const HPDF_TextWidth w = HPDF_Font_TextWidth(fontFor(run.latin, font.bold),
                                                     reinterpret_cast<const HPDF_BYTE*>(run.bytes.constData()),
                                                     HPDF_UINT(run.bytes.size()));
        return double(w.width);
    }

    void drawText(HPDF_Page p, double pageHeight, const DrawText& text)
    {
        const bool translucent = text.color.alpha() < 255;
        if (translucent) {
            HPDF_Page_GSave(p);
            HPDF_ExtGState state = HPDF_CreateExtGState(m_doc.get());
            HPDF_ExtGState_SetAlphaFill(state, HPDF_REAL(text.color.alphaF()));
            HPDF_ExtGState_SetAlphaStroke(state, HPDF_REAL(text.color.alphaF()));
            HPDF_Page_SetExtGState(p, state);
        }
        HPDF_Page_SetRGBFill(p, HPDF_REAL(text.color.redF()), HPDF_REAL(text.color.greenF()),
                             HPDF_REAL(text.color.blueF()));
        HPDF_Page_SetRGBStroke(p, HPDF_REAL(text.color.redF()), HPDF_REAL(text.color.greenF()),
                               HPDF_REAL(text.color.blueF()));
        HPDF_Page_SetLineWidth(p, HPDF_REAL(text.font.sizePt * 0.04));
        HPDF_Page_BeginText(p);
        const double rad = qDegreesToRadians(text.angleDeg);
        const double cosA = std::cos(rad);
        const double sinA = std::sin(rad);
        double x = text.baselineMm.x() * kPtPerMm;
        double y = pageHeight - text.baselineMm.y() * kPtPerMm;
        for (const Run& run : runs(text.text)) {
            HPDF_Page_SetFontAndSize(p, fontFor(run.latin, text.font.bold), HPDF_REAL(text.font.sizePt));
            // Viewers without SimHei substitute a regular face; stroking the outline keeps bold Chinese bold.
            HPDF_Page_SetTextRenderingMode(p, !run.latin && text.font.bold ? HPDF_FILL_THEN_STROKE : HPDF_FILL);
            HPDF_Page_SetTextMatrix(p, HPDF_REAL(cosA), HPDF_REAL(sinA), HPDF_REAL(-sinA), HPDF_REAL(cosA),
                                    HPDF_REAL(x), HPDF_REAL(y));
            HPDF_Page_ShowText(p, run.bytes.constData());
            const double advance = runWidth(run, text.font) * text.font.sizePt / 1000.0;
            x += advance * cosA;
            y += advance * sinA;
        }
        HPDF_Page_EndText(p);
        if (translucent) {
            HPDF_Page_GRestore(p);
        }
    }

    static void drawLine(HPDF_Page p, double pageHeight, const DrawLine& line)
    {
        HPDF_Page_SetRGBStroke(p, 0, 0, 0);
        HPDF_Page_SetLineWidth(p, HPDF_REAL(line.widthMm * kPtPerMm));
        if (line.dashed) {
            static const HPDF_UINT16 pattern[] = {3, 2};
            HPDF_Page_SetDash(p, pattern, 2, 0);
        } else {
            HPDF_Page_SetDash(p, nullptr, 0, 0);
        }
        HPDF_Page_MoveTo(p, HPDF_REAL(line.fromMm.x() * kPtPerMm), HPDF_REAL(pageHeight - line.fromMm.y() * kPtPerMm));
        HPDF_Page_LineTo(p, HPDF_REAL(line.toMm.x() * kPtPerMm), HPDF_REAL(pageHeight - line.toMm.y() * kPtPerMm));
        HPDF_Page_Stroke(p);
    }

    void check() const
    {
        if (m_status.error != HPDF_OK) {
            throw DocumentError(PdfRenderer::tr("The PDF library failed (error 0x%1, detail %2).")
                                    .arg(QString::number(m_status.error, 16))
                                    .arg(m_status.detail));
        }
    }

    HpdfStatus m_status;
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, decltype(&HPDF_Free)> m_doc;
    HPDF_Font m_latin = nullptr;
    HPDF_Font m_latinBold = nullptr;
    HPDF_Font m_cjk = nullptr;
    HPDF_Font m_cjkBold = nullptr;
};

QString codePoint(char32_t c)
{
    return QStringLiteral("U+") + QString::number(qulonglong(c), 16).toUpper().rightJustified(4, QLatin1Char('0'));
}

} // namespace

QList<char32_t> PdfRenderer::uncarriable(const QString& text)
{
    QList<char32_t> out;
    for (const char32_t c : text.toUcs4()) {
        if (!isLatin(c) && gbk(c).isEmpty() && !out.contains(c)) {
            out.append(c);
        }
    }
    return out;
}

PdfRenderer::Output PdfRenderer::render(const Document& document)
{
    Output output;
    QList<char32_t> missing;
    for (const QString& text : document.texts()) {
        for (const char32_t c : uncarriable(text)) {
            if (!missing.contains(c)) {
                missing.append(c);
                output.warnings << tr("\"%1\" holds a character the PDF's Chinese font cannot show (%2); the PDF "
                                      "prints it as %3.")
                                       .arg(text, codePoint(c), QString(QChar(kReplacement)));
            }
        }
    }
    Document withNote = document;
    if (!missing.isEmpty()) {
        QStringList points;
        for (const char32_t c : missing) {
            points << codePoint(c);
        }
        withNote.blocks.append(TextBlock{tr("%1 stands for a character this PDF cannot show: %2.")
                                             .arg(QString(QChar(kReplacement)), points.join(QStringLiteral(", "))),
                                         Align::Left, TextSize::Small});
    }
    Pdf pdf;
    pdf.draw(composeDocument(withNote, pdf));
    output.pdf = pdf.save();
    return output;
}

QStringList PdfRenderer::writeFile(const Document& document, const QString& path)
{
    const Output output = render(document);
    // receipts and notices carry names, addresses and account numbers: owner-only, like the store
    QString error;
    if (!PrivateFiles::writeFile(path, output.pdf, &error)) {
        throw DocumentError(tr("Cannot write %1: %2").arg(path, error));
    }
    return output.warnings;
}

} // namespace HallDesk
