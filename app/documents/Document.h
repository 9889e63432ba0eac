#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <stdexcept>
#include <variant>

// The one layout description of a printed document (receipt, settlement report, later notices): a page width and
// a list of blocks from top to bottom. It says what goes where, never how a backend draws it; DocumentComposer
// turns it into positioned text, lines and rectangles that PdfRenderer (libharu) and PainterRenderer (QPainter)
// both draw, so the archive PDF and the printed slip come out the same.
namespace HallDesk {

// Raised when a document cannot be produced (libharu failed, a file cannot be written, a printer refused the job).
// The message is meant for a person.
class DocumentError : public std::runtime_error
{
public:
    explicit DocumentError(const QString& message)
        : std::runtime_error(message.toStdString())
        , m_message(message)
    {
    }

    QString message() const { return m_message; }

private:
    QString m_message;
};

// The papers a hall prints on: 80 mm and 58 mm thermal rolls at the counter, A5 sheets on an office printer.
enum class Paper
{
    Roll80,
    Roll58,
    A5,
};

class PaperText
{
    Q_DECLARE_TR_FUNCTIONS(Paper)
};

// "80mm", "58mm", "a5": the code on the command line and in the settings.
QString paperCode(Paper paper);
std::optional<Paper> paperFromCode(QStringView code);
// In the user's language, for a paper choice.
QString paperName(Paper paper);
const QList<Paper>& allPapers();

struct PaperGeometry
{
    double widthMm = 80;
    double heightMm = 0; // 0: a continuous roll, the page is as long as its content
    double marginMm = 4; // rolls: the printer's unprintable edge; sheets: the page margin
    double bodyPt = 9; // the body text size; the other sizes scale with it
};
PaperGeometry paperGeometry(Paper paper);

enum class Align
{
    Left,
    Center,
    Right,
};

// Text sizes relative to the paper's body size, so a 58 mm slip shrinks as a whole.
enum class TextSize
{
    Small, // footnotes
    Body,
    Large, // section heads, the copy mark
    Title, // the company, the document's name
    Huge, // the total amount
};

struct TitleBlock
{
    QString text; // the company
    QString subtitle; // the document's name
};

struct TextBlock
{
    QString text;
    Align align = Align::Left;
    TextSize size = TextSize::Body;
    bool bold = false;
};

// "户号：3301000001". The value starts after the key and wraps under itself; Align::Right puts it at the right
// edge (amounts).
struct KeyValueBlock
{
    QString key;
    QString value;
    Align valueAlign = Align::Left;
    bool bold = false;
};

struct TableColumn
{
    QString header;
    double weight = 1; // share of the width
    Align align = Align::Left;
};

struct TableBlock
{
    QList<TableColumn> columns;
    QList<QStringList> rows;
    QList<int> boldRows; // totals
    bool showHeader = true;
};

struct SeparatorBlock
{
    enum class Style
    {
        Solid,
        Dashed,
        Double,
    };
    Style style = Style::Dashed;
};

// The total, large, with the amount in Chinese capitals (人民币大写) under it.
struct AmountBlock
{
    QString label;
    QString figures;
    QString capitalsLabel;
    QString capitals;
};

struct QrBlock
{
    QString payload;
    QString caption; // under the code
    double sizeMm = 0; // 0: chosen by the paper
    bool corner = false; // at the right edge, the blocks after it flow down its left side (sheets)
};

struct SpacerBlock
{
    double mm = 2;
};

// A line for a handwritten signature: "收费员签字 ________".
struct SignatureBlock
{
    QStringList labels; // side by side
};

using DocumentBlock = std::variant<TitleBlock, TextBlock, KeyValueBlock, TableBlock, SeparatorBlock, AmountBlock,
                                   QrBlock, SpacerBlock, SignatureBlock>;

struct Document
{
    QString title; // PDF metadata and the print job's name
    Paper paper = Paper::Roll80;
    QList<DocumentBlock> blocks;
    QString stamp; // a large diagonal mark over every page (作废 / VOID); empty: none

    // Every text the document shows, for checks such as which characters a PDF font can carry.
    QStringList texts() const;
};

} // namespace HallDesk
