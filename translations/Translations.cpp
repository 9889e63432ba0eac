// The compiled translations (.qm) are this library's resources under :/i18n; app/i18n/Language.cpp loads them.
// A static library needs one object file of its own.
namespace HallDesk {
int translationsResourceAnchor()
{
    return 0;
}
} // namespace HallDesk
