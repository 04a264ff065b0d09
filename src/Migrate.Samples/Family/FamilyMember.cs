namespace Migrate.Samples;

/// <summary>A member's place in the household; each vendor writes it with its own 続柄 code.</summary>
internal enum Relation : byte
{
    Head,
    Spouse, // variant: the head is male (so this is the wife)
    Child,
    Parent, // variant: drawn separately from the sex, as the vendors' samples always did
    Grandchild,
    ChildSpouse,
    Other, // variant: 同居人 rather than 縁故者
}

/// <summary>What happened in a history row of the family simulation.</summary>
internal enum FamilyEventKind : byte
{
    Arrival,
    Birth,
    Move,
    MovedOut,
    Death,
}

/// <summary>A history event with the 住定日 (date settled at the address) as of it.</summary>
internal readonly record struct FamilyEvent(FamilyEventKind Kind, DateOnly Date, DateOnly Jutei)
{
    /// <summary>住民状態 as both vendors write it: 1 住登者, 2 転出者, 3 死亡者.</summary>
    public string Status => Kind switch { FamilyEventKind.MovedOut => "2", FamilyEventKind.Death => "3", _ => "1" };
}

/// <summary>
/// One simulated person: <paramref name="Id"/> counts persons from 1, <paramref name="Atena"/> is the 宛名番号
/// derived from it; names are indexes into <see cref="FamilyNames"/>.
/// </summary>
internal sealed record FamilyMember(
    long Id, long Atena, Relation Relation, bool Variant, int Surname, bool Gaiji, int Given, bool Male, DateOnly Birth);

/// <summary>The household's address, drawn once and written by each vendor in its own columns.</summary>
internal sealed record FamilyAddress(int Town, string Address, string? Katagaki)
{
    /// <summary>The sample municipality's postal codes: 10000 + the town's number.</summary>
    public string Postal => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"10000{Town + 1:D2}");
}

/// <summary>A 支援措置: 区分 (1 支援措置, 2 仮支援措置, 3 終了), start and, once ended, end.</summary>
internal readonly record struct FamilySupport(int Kubun, DateOnly Start, DateOnly? End);
