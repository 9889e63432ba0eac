// glyphcheck: does this machine draw Chinese text with real glyphs? The package test (scripts/package-test.sh) runs
// it in the bare Debian root on the package's own Qt and fonts, and on the build machine.
//
//   glyphcheck [--save PNG] [--compare PNG] LABEL...
//
// Lays each label out in the window's own font (Theme::apply: Simplified Chinese faces first) and prints for each
// font that drew it "family: NAME". Glyph 0 is a font's empty box: a character drawn with it, or with no Chinese font
// at all, fails the check (exit 1). --save draws the labels into a picture; --compare checks that the picture has the
// same pixels as one drawn elsewhere (the build machine), which tells boxes from characters by sight.
#include "ui/common/Theme.h"

#include <QApplication>
#include <QGlyphRun>
#include <QImage>
#include <QPainter>
#include <QRawFont>
#include <QTextLayout>
#include <cstdio>

namespace {

constexpr int kPixelSize = 24;
constexpr int kLineHeight = 36;

void print(const QString& line)
{
    std::printf("%s\n", line.toUtf8().constData());
}

QImage draw(const QStringList& labels, const QFont& font)
{
    QImage image(kPixelSize * 16, kLineHeight * int(labels.size()) + 8, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setFont(font);
    painter.setPen(Qt::black);
    for (int i = 0; i < labels.size(); ++i) {
        painter.drawText(8, kLineHeight * (i + 1), labels.at(i));
    }
    return image;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    HallDesk::Theme::apply(app); // the window's font
    QStringList args = QCoreApplication::arguments().mid(1);
    QString savePath;
    QString comparePath;
    while (args.size() >= 2 && args.first().startsWith(QLatin1String("--"))) {
        const QString option = args.takeFirst();
        (option == QLatin1String("--save") ? savePath : comparePath) = args.takeFirst();
    }
    if (args.isEmpty()) {
        std::fprintf(stderr, "usage: glyphcheck [--save PNG] [--compare PNG] LABEL...\n");
        return 2;
    }

    QFont font = QApplication::font();
    font.setPixelSize(kPixelSize);
    print(QStringLiteral("window font: %1").arg(font.families().join(QStringLiteral(", "))));
    bool ok = true;
    QStringList families;
    for (const QString& label : std::as_const(args)) {
        QTextLayout layout(label, font);
        layout.beginLayout();
        layout.createLine();
        layout.endLayout();
        for (const QGlyphRun& run : layout.glyphRuns()) {
            const QString family = run.rawFont().familyName();
            if (!families.contains(family)) {
                families << family;
                print(QStringLiteral("family: %1").arg(family));
            }
            for (const quint32 glyph : run.glyphIndexes()) {
                if (glyph == 0) {
                    print(QStringLiteral("box: \"%1\" has a character that %2 draws as a box").arg(label, family));
                    ok = false;
                }
            }
        }
    }
    const QImage image = draw(args, font);
    if (!savePath.isEmpty() && !image.save(savePath)) {
        print(QStringLiteral("cannot save %1").arg(savePath));
        ok = false;
    }
    if (!comparePath.isEmpty()) {
        const QImage other(comparePath);
        if (other.convertToFormat(QImage::Format_RGB32) != image) {
            print(QStringLiteral("different: the labels do not look as in %1").arg(comparePath));
            ok = false;
        } else {
            print(QStringLiteral("same pixels as %1").arg(comparePath));
        }
    }
    return ok ? 0 : 1;
}
