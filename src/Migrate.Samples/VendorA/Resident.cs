namespace Migrate.Samples;

/// <summary>Vendor A's sex codes, as the vendor writes them (SEIBETSU).</summary>
internal static class Sex
{
    public const byte Male = (byte)'M';
    public const byte Female = (byte)'F';
    public const byte Unknown = (byte)'U';
}

/// <summary>Vendor A's 異動事由 codes (IDO_JIYU is the enum name: A1 … C4).</summary>
internal enum LifeEventKind : byte
{
    A1, // 転入
    A2, // 出生
    A3, // 職権記載
    B1, // 転出
    B2, // 死亡
    B3, // 職権消除
    C1, // 転居
    C2, // 世帯主変更
    C3, // 職権修正
    C4, // 世帯分離
}

/// <summary>How a 生年月日 was recorded: the forms standard 1.1.8 keeps, plus the letter form (S50.03.01).</summary>
internal enum BirthForm : byte
{
    Normal,
    Letter,
    DayUnknown,
    MonthUnknown,
    AllUnknown,
    NonCalendar, // 暦上日以外: 2月29日 of a common year (2月30日 of a leap year), GYYMMDD
    AboutYear, // 昭和３０年頃, typed with full-width digits
    MonthWritten, // 昭和30年3月日不詳, typed
}

/// <summary>One history row's event: what happened and on which day (a DateOnly day number).</summary>
internal readonly record struct LifeEvent(LifeEventKind Kind, int Day);

/// <summary>One 支援措置 (区分 1 支援措置, 2 仮支援措置, 3 終了), its days and the index of the 担当課.</summary>
internal readonly record struct SupportMeasure(int Kubun, int Start, int End, int TantoKa);

/// <summary>
/// The current snapshot of the resident being simulated: one instance, reset per person, changed by each event
/// before the next history row is written. Names and places are pre-encoded CP932 bytes, shared, never copied.
/// </summary>
internal sealed class Resident
{
    public SupportMeasure[] Supports { get; } = new SupportMeasure[2];

    public long Atena { get; set; }

    public long Setai { get; set; }

    public bool Test { get; set; }

    public bool Foreign { get; set; }

    public bool IsHead { get; set; }

    public byte[] Shimei { get; set; } = [];

    public byte[] Kana { get; set; } = [];

    public byte[]? Kyuuji { get; set; }

    public byte[] Hittosha { get; set; } = [];

    public byte[] Alpha { get; set; } = [];

    public byte[] Tsusho { get; set; } = [];

    public Nationality? Nationality { get; set; }

    public Status? Status { get; set; }

    public int PeriodIndex { get; set; }

    public int Manryo { get; set; }

    public byte[] Card { get; set; } = [];

    public int Birth { get; set; }

    public BirthForm Form { get; set; }

    public byte Sex { get; set; }

    /// <summary>The vendor's 続柄 code, 1 世帯主 … 15.</summary>
    public int Zokugara { get; set; }

    public int Town { get; set; }

    public int Chome { get; set; }

    public int Ban { get; set; }

    public int Go { get; set; }

    /// <summary>Index into the apartment names, −1 for none.</summary>
    public int Apartment { get; set; }

    public int Room { get; set; }

    public Place? Tennyu { get; set; }

    public byte[]? TennyuCountry { get; set; }

    public int TennyuA { get; set; }

    public int TennyuB { get; set; }

    public int TennyuC { get; set; }

    public Place? Honseki { get; set; }

    public int HonsekiBan { get; set; }

    public long KojinNo { get; set; }

    public long JukiCode { get; set; }

    public int JuminDay { get; set; }

    public int JuteiDay { get; set; }

    public bool Chiiki { get; set; }

    public int SupportCount { get; private set; }

    public bool SupportActive { get; private set; }

    public bool UnresolvedGaiji { get; set; }

    public int SupportActiveFrom { get; private set; }

    public void AddSupport(int kubun, int start, int end, int tantoKa)
    {
        Supports[SupportCount++] = new SupportMeasure(kubun, start, end, tantoKa);
        SupportActive = kubun != 3;
        SupportActiveFrom = start;
    }

    public void Reset()
    {
        Test = false;
        Foreign = false;
        IsHead = false;
        Kyuuji = null;
        Hittosha = [];
        Alpha = [];
        Tsusho = [];
        Nationality = null;
        Status = null;
        PeriodIndex = 0;
        Manryo = 0;
        Card = [];
        Form = BirthForm.Normal;
        Tennyu = null;
        TennyuCountry = null;
        Honseki = null;
        SupportCount = 0;
        UnresolvedGaiji = false;
        SupportActive = false;
        SupportActiveFrom = 0;
    }
}
