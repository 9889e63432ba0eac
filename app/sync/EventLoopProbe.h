#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace HallDesk {

// How responsive the thread's event loop is: a timer ticks every `intervalMs` and the probe keeps the longest gap
// between two ticks. A loop that never waits shows gaps close to the interval; a blocked loop shows the block.
// For tests and benchmarks (halldeskctl bench sync): start(), do the work while the loop runs (QTRY_…, qWait), stop(),
// read the figures.
class EventLoopProbe final : public QObject
{
public:
    explicit EventLoopProbe(int intervalMs = 10, QObject* parent = nullptr);

    void start();
    void stop();

    qint64 maxGapMs() const { return m_maxGapMs; }
    int ticks() const { return m_ticks; }
    qint64 elapsedMs() const { return m_elapsedMs; }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_maxGapMs = 0;
    qint64 m_elapsedMs = 0;
    int m_ticks = 0;
};

// Starts a probe, runs `work` (which should return once its job is done, spinning the event loop meanwhile) and
// returns the longest gap between 10 ms ticks on the calling thread while it ran.
template <typename Work> qint64 maxEventLoopGapMs(Work&& work, int* ticks = nullptr)
{
    EventLoopProbe probe(10);
    probe.start();
    work();
    probe.stop();
    if (ticks) {
        *ticks = probe.ticks();
    }
    return probe.maxGapMs();
}

} // namespace HallDesk
