#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace HallDesk {

class LookupModel;
class LookupService;
class Store;

// Customer lookup: one search box that takes anything a customer may say or show (户号, name, address, mobile or
// its last four digits, meter number, a scanned bill barcode). Results appear as the person types; arrow keys move
// into them and Enter opens an account.
class LookupScreen final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kDebounceMs = 150;

    LookupScreen(Store& store, LookupService& lookup, QWidget* parent = nullptr);

    // Puts the cursor in the search box with its text selected, ready for the next customer.
    void activate();
    // Fills the search box and searches at once.
    void search(const QString& text);
    // Shows a problem in the hint line (an account that could not be opened) until the next search.
    void showProblem(const QString& message);
    // A search is waiting for the debounce or for its first page.
    bool isBusy() const;

    LookupModel* model() const { return m_model; }
    // The account a clerk means: the current row of the results, or the only result.
    QString currentAccountNo() const;

Q_SIGNALS:
    void openAccount(const QString& accountNo);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void runSearch();
    void onEnter();
    void openBestMatch();
    void openRow(int row);
    void moveIntoResults();
    void updateHint();
    void setHint(const QString& text, const QString& role);
    bool handleSearchKey(QKeyEvent* event);
    bool handleTableKey(QKeyEvent* event);

    QLineEdit* m_search = nullptr;
    QLabel* m_hint = nullptr;
    QTableView* m_table = nullptr;
    LookupModel* m_model = nullptr;
    QTimer m_debounce;
    bool m_openWhenReady = false;
};

} // namespace HallDesk
