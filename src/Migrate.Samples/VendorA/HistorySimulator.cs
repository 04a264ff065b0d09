namespace Migrate.Samples;

/// <summary>Receives the simulated residents: each history row (a full snapshot) and then the person's 支援措置.</summary>
internal interface IResidentSink
{
    void HistoryRow(Resident resident, int rireki, LifeEvent ev, bool last);

    void SupportMeasures(Resident resident);
}

/// <summary>
/// Lives through one resident's history: 1–4 events (転居, 職権修正, 世帯主変更, 世帯分離, and for some a final
/// 転出, 死亡 or 職権消除), the 支援措置 some residents ask for, and the snapshot after each event, handed to the
/// sink row by row. Draws come from the population's stream, interleaved with the sink's own draws per row.
/// </summary>
internal sealed class HistorySimulator(PopulationDraws draws, ResidentNumbers numbers, IResidentSink sink)
{
    private const double ShienRate = 0.006;

    private readonly SampleRandom _r = draws.Random;
    private readonly VendorAData _d = draws.Data;
    private readonly LifeEvent[] _events = new LifeEvent[4];

    public long Persons { get; private set; }

    /// <summary>Plans 1–4 history rows for the person, writes them and any support-measure rows.</summary>
    public void Live(Resident p, LifeEventKind first, int firstDay)
    {
        Persons++;
        int baseDay = VendorACalendar.BaseDay;
        int x = _r.Next(100);
        int rows = x < 40 ? 1 : x < 70 ? 2 : x < 90 ? 3 : 4;
        int span = baseDay - firstDay;
        if (span < 60 * rows)
        {
            rows = Math.Max(1, Math.Min(rows, span / 60));
        }

        // The days first, sorted; then what happened on each.
        _events[0] = new LifeEvent(first, firstDay);
        for (int k = 1; k < rows; k++)
        {
            int day = firstDay + 1 + _r.Next(span);
            int j = k;
            while (j > 1 && _events[j - 1].Day > day)
            {
                _events[j] = _events[j - 1];
                j--;
            }

            _events[j] = new LifeEvent(LifeEventKind.C3, day);
        }

        bool hasC2 = false;
        bool hasC4 = false;
        for (int k = 1; k < rows; k++)
        {
            int y = _r.Next(100);
            var kind = y < 45 ? LifeEventKind.C1 : y < 82 ? LifeEventKind.C3 : y < 90 ? LifeEventKind.C2 : LifeEventKind.C4;
            if (kind == LifeEventKind.C4 && (p.IsHead || p.Test || hasC4 || VendorACalendar.AgeAt(p.Birth, _events[k].Day) < 18))
            {
                kind = LifeEventKind.C3;
            }

            hasC4 |= kind == LifeEventKind.C4;

            if (kind == LifeEventKind.C2 && p.IsHead && hasC2)
            {
                kind = LifeEventKind.C1;
            }

            hasC2 |= kind == LifeEventKind.C2;
            _events[k] = new LifeEvent(kind, _events[k].Day);
        }

        if (rows >= 2 && !p.Test)
        {
            bool elderly = VendorACalendar.AgeAt(p.Birth, baseDay) >= 75;
            if (_r.Chance(elderly ? 0.22 : 0.08))
            {
                int y = _r.Next(100);
                var kind = elderly
                    ? (y < 70 ? LifeEventKind.B2 : y < 95 ? LifeEventKind.B1 : LifeEventKind.B3)
                    : (y < 75 ? LifeEventKind.B1 : y < 85 ? LifeEventKind.B2 : LifeEventKind.B3);
                _events[rows - 1] = new LifeEvent(kind, _events[rows - 1].Day);
            }
        }

        // The head who became head by 世帯主変更 was 妻 or 子 of the previous head before it.
        if (p.IsHead && hasC2)
        {
            p.Zokugara = p.Sex == Sex.Female && first != LifeEventKind.A2 ? 2 : 4;
        }

        PlanSupport(p, firstDay);

        for (int k = 0; k < rows; k++)
        {
            var ev = _events[k];
            if (k > 0)
            {
                Apply(p, ev);
            }

            sink.HistoryRow(p, k + 1, ev, k == rows - 1);
        }

        sink.SupportMeasures(p);
    }

    private void Apply(Resident p, LifeEvent ev)
    {
        switch (ev.Kind)
        {
            case LifeEventKind.C1:
                int town = p.Town;
                draws.Address(p);
                if (_r.Chance(0.4))
                {
                    p.Town = town; // moved within the same town
                    int maxChome = _d.Towns[town].MaxChome;
                    p.Chome = maxChome == 0 ? 0 : _r.Between(1, maxChome);
                }

                p.JuteiDay = ev.Day;
                break;
            case LifeEventKind.C2:
                p.Zokugara = p.IsHead ? 1 : p.Zokugara;
                break;
            case LifeEventKind.C3:
                if (p.Foreign && p.Status!.Months.Length > 0)
                {
                    // 在留期間更新: new expiry and a new card.
                    p.PeriodIndex = _r.Next(p.Status.Months.Length);
                    p.Manryo = VendorACalendar.AddMonths(ev.Day, p.Status.Months[p.PeriodIndex]);
                    draws.ResidenceCard(p);
                }
                else if (!p.Foreign && _r.Chance(0.5))
                {
                    p.Honseki = draws.Pick(_d.HonsekiPlaces);
                    p.HonsekiBan = _r.Between(1, 999);
                }
                else
                {
                    draws.Katagaki(p);
                }

                break;
            case LifeEventKind.C4:
                p.Setai = numbers.NextSetai();
                p.Zokugara = 1;
                break;
            default:
                break;
        }
    }

    private void PlanSupport(Resident p, int firstDay)
    {
        // A person under 支援措置 whose name holds the unresolved 外字 would be rejected, and a rejected
        // critical record stops every run by design: such persons get no support measure. The check
        // comes after the draw so that every other sample stays byte-identical.
        if (p.Test || !_r.Chance(ShienRate) || p.UnresolvedGaiji)
        {
            return;
        }

        int baseDay = VendorACalendar.BaseDay;
        int from = Math.Max(firstDay, VendorACalendar.ShienFrom);
        if (from >= baseDay - 2)
        {
            from = baseDay - 2;
        }

        if (from < baseDay - 800 && _r.Chance(0.2))
        {
            // An ended measure followed by a current one.
            int start = _r.Between(from, baseDay - 800);
            int end = start + _r.Between(365, 730);
            p.AddSupport(3, start, end, _r.Next(_d.TantoKa.Length));
            int again = _r.Between(end + 1, baseDay - 1);
            p.AddSupport(_r.Chance(0.85) ? 1 : 2, again, 0, _r.Next(_d.TantoKa.Length));
        }
        else
        {
            int y = _r.Next(100);
            int kbn = y < 70 ? 1 : y < 85 ? 2 : 3;
            int start = _r.Between(from, baseDay - 1);
            int end = 0;
            if (kbn == 3)
            {
                end = start + _r.Between(180, 730);
                if (end >= baseDay)
                {
                    kbn = 1;
                    end = 0;
                }
            }

            p.AddSupport(kbn, start, end, _r.Next(_d.TantoKa.Length));
        }
    }
}
