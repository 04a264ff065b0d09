namespace Migrate.Samples;

/// <summary>Where a seeded defect sits in a JUMIN.CSV row, for the defects that replace one value.</summary>
internal enum DefectField : byte
{
    None,
    Birth,
    Jutei,
    Ido,
    Zokugara,
    IdoJiyu,
}

/// <summary>
/// Everything one JUMIN.CSV row shows, decided before it is rendered: the resident's snapshot and event, the
/// defect planned for the row and the clerical habits drawn for it. The layout renders it without drawing.
/// One instance is reused for every row.
/// </summary>
internal sealed class JuminRow
{
    public Resident Person { get; private set; } = null!;

    /// <summary>履歴番号, 1 for the first row of the person.</summary>
    public int Rireki { get; private set; }

    public LifeEvent Event { get; private set; }

    /// <summary>The person's latest row.</summary>
    public bool Last { get; private set; }

    /// <summary>住民状態: 0 住登者, 1 転出者, 2 死亡者, 9 その他消除者.</summary>
    public int Jotai => Event.Kind switch { LifeEventKind.B1 => 1, LifeEventKind.B2 => 2, LifeEventKind.B3 => 9, _ => 0 };

    /// <summary>The latest row of a current resident: it carries today's numbers whatever its date.</summary>
    public bool Current => Last && Jotai == 0;

    /// <summary>The seeded defect, an index into <see cref="SampleDefectKinds.All"/>, or −1.</summary>
    public int Defect { get; set; }

    public DefectField DefectField { get; set; }

    /// <summary>The impossible or invalid date written in <see cref="DefectField"/> (era code, year, month, day).</summary>
    public (int Era, int Year, int Month, int Day) BadDate { get; set; }

    /// <summary>A name over the standard's 100 characters (length defect), or null.</summary>
    public byte[]? LongName { get; set; }

    /// <summary>A 個人番号 with a wrong check digit (check-digit defect), or 0.</summary>
    public long BadKojinNo { get; set; }

    /// <summary>The column the row loses (column-count defect), or −1.</summary>
    public int DroppedColumn { get; set; }

    /// <summary>IDO_YMD typed in the letter form (S50.03.01).</summary>
    public bool IdoLetter { get; set; }

    /// <summary>届出日, 0 for events nobody notifies (職権).</summary>
    public int TodokedeDay { get; set; }

    public byte[]? Memo { get; set; }

    public JuminRow Start(Resident person, int rireki, LifeEvent ev, bool last)
    {
        Person = person;
        Rireki = rireki;
        Event = ev;
        Last = last;
        Defect = -1;
        DefectField = DefectField.None;
        BadDate = default;
        LongName = null;
        BadKojinNo = 0;
        DroppedColumn = -1;
        IdoLetter = false;
        TodokedeDay = 0;
        Memo = null;
        return this;
    }
}
