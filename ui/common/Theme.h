#pragma once

#include <QColor>
#include <QString>

class QApplication;
class QWidget;

namespace HallDesk::Theme {

// The application's look: Fusion, a light palette, a font that renders Chinese with simplified glyphs, and a small
// style sheet for the navigation bar, headers, badges and the search box. Called once by the composition root.
void apply(QApplication& app);

// Colours that item models hand to views (ForegroundRole), the same as the style sheet's.
QColor dangerText();
QColor warningText();
QColor mutedText();

// A coloured badge or amount: the style sheet colours widgets by their "tone" property.
enum class Tone
{
    None,
    Neutral,
    Good,
    Info,
    Warning,
    Danger,
};
void setTone(QWidget* widget, Tone tone);
// Text and background colours of a tone, for widgets that paint themselves (badges).
QColor toneText(Tone tone);
QColor toneBackground(Tone tone);

// Captions, hints, error lines, banners and titles: the style sheet's "role" property.
void setRole(QWidget* widget, const QString& role);

} // namespace HallDesk::Theme
