namespace Migrate.Samples;

/// <summary>
/// How vendor A's clerks filled in a history row, drawn per row after its defect: 異動日 sometimes typed in the
/// letter form, the 届出日 a few days after the event, and the free-text MEMO.
/// </summary>
internal sealed class RecordingHabits(SampleRandom r, VendorAData d)
{
    private const double IdoLetterRate = 0.001; // per row
    private const double MemoRate = 0.05; // per row

    private static readonly int IdoYmd = JuminLayout.Instance.IndexOf("IDO_YMD");

    /// <summary>The 異動日's form (unless a defect replaced or dropped it: nothing to draw then) and the 届出日.</summary>
    public void DrawDates(JuminRow row)
    {
        row.IdoLetter = row.DefectField != DefectField.Ido && row.DroppedColumn != IdoYmd && r.Chance(IdoLetterRate);
        var ev = row.Event;
        if (ev.Kind is not (LifeEventKind.A3 or LifeEventKind.B3 or LifeEventKind.C3))
        {
            int delay = ev.Kind == LifeEventKind.A2 ? r.Between(0, 14) : r.Chance(0.5) ? 0 : r.Between(1, 14);
            row.TodokedeDay = Math.Min(ev.Day + delay, VendorACalendar.BaseDay);
        }
    }

    /// <summary>The MEMO of a row: test records say so; some residents have a note.</summary>
    public byte[]? Memo(Resident p) => p.Test ? d.TestMemo : r.Chance(MemoRate) ? d.Memos[r.Next(d.Memos.Length)] : null;
}
