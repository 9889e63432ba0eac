#include "ui/common/Theme.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

namespace HallDesk::Theme {

namespace {

// Names and ids of widgets that the style sheet addresses are set where the widgets are built; the colours here
// are the only place they are chosen.
const char* const kStyleSheet = R"(
QToolBar#navigation { background: #1e2b3a; border: none; padding: 8px 0px; spacing: 2px; }
QToolBar#navigation QToolButton {
    color: #d5dee8; background: transparent; border: none; border-left: 3px solid transparent;
    padding: 10px 8px; min-width: 72px;
}
QToolBar#navigation QToolButton:hover { background: #263749; }
QToolBar#navigation QToolButton:checked { background: #2d435a; color: #ffffff; border-left: 3px solid #4da3ff; }

QLineEdit#lookupSearch {
    font-size: 16pt; padding: 8px 12px; border: 2px solid #b8c4d0; border-radius: 8px; background: #ffffff;
}
QLineEdit#lookupSearch:focus { border-color: #2f7ed8; }

QLineEdit#counterAccount {
    font-size: 16pt; padding: 7px 12px; border: 2px solid #b8c4d0; border-radius: 8px; background: #ffffff;
}
QLineEdit#counterAccount:focus { border-color: #2f7ed8; }
QFrame#dueCard { background: #f6f8fb; border: 1px solid #d9e1e8; border-radius: 8px; }
QLabel#amountDue { font-size: 30pt; font-weight: 700; color: #1b2733; }
QLabel#amountDue[tone="danger"] { color: #b42318; }
QLabel#changeDue { font-size: 28pt; font-weight: 700; color: #1b2733; }
QLabel#changeDue[tone="good"] { color: #1e6b34; }
QWidget#tenderPanel QLineEdit[role="money"] { font-size: 15pt; padding: 5px 10px; }
QWidget#tenderPanel QToolButton {
    background: #ffffff; color: #33414f; border: 1px solid #c9d3dd; border-radius: 6px; padding: 6px 4px;
    font-weight: 600;
}
QWidget#tenderPanel QToolButton:checked { background: #2f7ed8; color: #ffffff; border-color: #2f7ed8; }
QWidget#tenderPanel QToolButton:disabled { color: #a0aab4; }
QPushButton#takePayment {
    background: #1e6b34; color: #ffffff; border: none; border-radius: 6px; padding: 10px; font-size: 14pt;
    font-weight: 600;
}
QPushButton#takePayment:disabled { background: #b9c6bd; }
QFrame#counterSection, QWidget#counterSection { background: #ffffff; border: 1px solid #d9e1e8; border-radius: 8px; }
QLabel[role="section"] { font-size: 12pt; font-weight: 600; color: #14314f; }
QLabel#loadedAccounts { background: #ffffff; border: 1px solid #d9e1e8; border-radius: 6px; padding: 8px 12px; }

QFrame#accountHeader { background: #f6f8fb; border: 1px solid #d9e1e8; border-radius: 8px; }
QLabel#accountNo { font-size: 22pt; font-weight: 600; color: #14314f; }
QLabel#accountName { font-size: 18pt; font-weight: 600; color: #1b2733; }
QLabel#totalDue { font-size: 24pt; font-weight: 600; color: #1b2733; }
QLabel#totalDue[tone="danger"] { color: #b42318; }

QLabel[tone="good"] { color: #1e6b34; }
QLabel[tone="warning"] { color: #8a5300; }
QLabel[tone="danger"] { color: #b42318; }
QLabel[tone="info"] { color: #1d5b99; }
QLabel[tone="neutral"] { color: #46525e; }

QLabel[role="caption"] { color: #66727f; }
QLabel[role="hint"] { color: #5b6b7b; }
QLabel[role="error"] { color: #b42318; }
QLabel[role="banner"] {
    color: #7a4a00; background: #fff6dc; border: 1px solid #f0d58c; border-radius: 6px; padding: 8px 12px;
}
QLabel[role="success"] {
    color: #14532d; background: #e2f3e7; border: 1px solid #9fd3ae; border-radius: 6px; padding: 8px 12px;
    font-size: 13pt; font-weight: 600;
}
QLabel[role="title"] { font-size: 15pt; font-weight: 600; color: #14314f; }

QTableView {
    gridline-color: #e6ebf0; selection-background-color: #cfe3fa; selection-color: #102a43;
    alternate-background-color: #f7f9fb;
}
QHeaderView::section {
    background: #eef2f6; padding: 6px 8px; border: none; border-bottom: 1px solid #d6dde4;
    border-right: 1px solid #e1e6eb; font-weight: 600; color: #33414f;
}
QTabWidget::pane { border: 1px solid #d9e1e8; border-radius: 6px; background: #ffffff; top: -1px; }
QTabBar::tab {
    background: transparent; color: #52606d; border: none; border-bottom: 3px solid transparent;
    padding: 8px 18px; margin-right: 4px;
}
QTabBar::tab:selected { color: #14314f; border-bottom: 3px solid #2f7ed8; }
QTabBar::tab:hover:!selected { color: #1b2733; border-bottom: 3px solid #c9d6e3; }
QTabBar::tab:focus { color: #1d5b99; }

QPushButton { padding: 5px 16px; }

QStatusBar { background: #eef2f6; border-top: 1px solid #d6dde4; }
QStatusBar QLabel { padding: 0px 10px; color: #33414f; }

QWidget#lockScreen { background: #1e2b3a; }
QFrame#lockCard { background: #ffffff; border-radius: 12px; }
QFrame#signInHeader { background: #1e2b3a; }
QFrame#signInHeader QLabel { color: #e8eef4; }
QLabel#signInTitle { font-size: 16pt; font-weight: 600; color: #ffffff; }
)";

void repolish(QWidget* widget)
{
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
    widget->update();
}

} // namespace

void apply(QApplication& app)
{
    if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"))) {
        QApplication::setStyle(fusion);
    }
    QPalette palette = QApplication::style()->standardPalette();
    palette.setColor(QPalette::Window, QColor(0xfa, 0xfb, 0xfc));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf9, 0xfb));
    palette.setColor(QPalette::Highlight, QColor(0x2f, 0x7e, 0xd8));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x96, 0xa3));
    QApplication::setPalette(palette);

    // Han characters are shared between Chinese, Japanese and Korean; naming a Simplified Chinese face first keeps
    // the glyph shapes a reader in mainland China expects. The first available family wins.
    QFont font = QApplication::font();
    font.setFamilies({QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Source Han Sans SC"),
                      QStringLiteral("Microsoft YaHei UI"), QStringLiteral("Microsoft YaHei"),
                      QStringLiteral("PingFang SC"), QStringLiteral("WenQuanYi Micro Hei"), font.family()});
    font.setPointSizeF(11);
    QApplication::setFont(font);

    app.setStyleSheet(QString::fromUtf8(kStyleSheet));
}

QColor dangerText()
{
    return QColor(0xb4, 0x23, 0x18);
}

QColor warningText()
{
    return QColor(0x8a, 0x53, 0x00);
}

QColor mutedText()
{
    return QColor(0x7a, 0x86, 0x92);
}

void setTone(QWidget* widget, Tone tone)
{
    const char* name = "";
    switch (tone) {
    case Tone::None:
        break;
    case Tone::Neutral:
        name = "neutral";
        break;
    case Tone::Good:
        name = "good";
        break;
    case Tone::Info:
        name = "info";
        break;
    case Tone::Warning:
        name = "warning";
        break;
    case Tone::Danger:
        name = "danger";
        break;
    }
    const QVariant value = tone == Tone::None ? QVariant() : QVariant(QString::fromLatin1(name));
    if (widget->property("tone") != value) {
        widget->setProperty("tone", value);
        repolish(widget);
    }
}

QColor toneText(Tone tone)
{
    switch (tone) {
    case Tone::Good:
        return QColor(0x1e, 0x6b, 0x34);
    case Tone::Info:
        return QColor(0x1d, 0x5b, 0x99);
    case Tone::Warning:
        return QColor(0x8a, 0x53, 0x00);
    case Tone::Danger:
        return dangerText();
    case Tone::None:
    case Tone::Neutral:
        break;
    }
    return QColor(0x46, 0x52, 0x5e);
}

QColor toneBackground(Tone tone)
{
    switch (tone) {
    case Tone::Good:
        return QColor(0xe2, 0xf3, 0xe7);
    case Tone::Info:
        return QColor(0xe3, 0xee, 0xfa);
    case Tone::Warning:
        return QColor(0xff, 0xf1, 0xd0);
    case Tone::Danger:
        return QColor(0xfd, 0xe7, 0xe5);
    case Tone::None:
    case Tone::Neutral:
        break;
    }
    return QColor(0xe9, 0xed, 0xf1);
}

void setRole(QWidget* widget, const QString& role)
{
    if (widget->property("role").toString() != role) {
        widget->setProperty("role", role);
        repolish(widget);
    }
}

} // namespace HallDesk::Theme
