#include "app/sync/EventLoopProbe.h"

#include <algorithm>

namespace HallDesk {

EventLoopProbe::EventLoopProbe(int intervalMs, QObject* parent)
    : QObject(parent)
{
    m_timer.setInterval(intervalMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopProbe::tick);
}

void EventLoopProbe::start()
{
    m_ticks = 0;
    m_maxGapMs = 0;
    m_elapsedMs = 0;
    m_clock.start();
    m_last = 0;
    m_timer.start();
}

void EventLoopProbe::stop()
{
    m_timer.stop();
    m_elapsedMs = m_clock.elapsed();
    // The time since the last tick counts too: a loop blocked until the end shows it.
    m_maxGapMs = std::max(m_maxGapMs, m_elapsedMs - m_last);
}

void EventLoopProbe::tick()
{
    const qint64 now = m_clock.elapsed();
    m_maxGapMs = std::max(m_maxGapMs, now - m_last);
    m_last = now;
    ++m_ticks;
}

} // namespace HallDesk
