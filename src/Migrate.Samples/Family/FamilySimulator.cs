namespace Migrate.Samples;

/// <summary>
/// The population simulator vendor B and vendor C samples share: households of a head, a spouse, children,
/// sometimes a parent, a grandchild, a child's spouse or a lodger; their addresses, history events and
/// 支援措置. Each vendor calls these in its own order and draws its own extras in between from the same
/// stream (<see cref="Random"/>), so each call's draws are part of that vendor's sample identity.
/// </summary>
internal sealed class FamilySimulator(SampleRandom random, FamilyNames names, double gaijiHouseholdRate)
{
    /// <summary>The "as of" date of the export.</summary>
    public static readonly DateOnly Today = new(2024, 12, 31);

    private const double SupportRate = 0.005;

    private static readonly int UpdatedFrom = Wareki.Day(2015, 1, 1);
    private static readonly int SupportFrom = Wareki.Day(2012, 1, 1);
    private static readonly int ArrivalFrom = Wareki.Day(1970, 1, 1);

    private long _persons;

    public SampleRandom Random => random;

    /// <summary>The members of the next household, the head first.</summary>
    public List<FamilyMember> Members()
    {
        var members = new List<FamilyMember>();
        var gaiji = gaijiHouseholdRate > 0 && random.Chance(gaijiHouseholdRate);
        var s = random.Next(gaiji ? names.GaijiCount : names.SurnameCount);
        var headMale = random.Chance(0.8);
        var headBirth = Birth(1940, 1995);
        var y = headBirth.Year;
        members.Add(Member(s, gaiji, Relation.Head, false, headMale, headBirth));
        if (random.Chance(0.7))
        {
            members.Add(Member(s, gaiji, Relation.Spouse, headMale, !headMale, Birth(y - 5, Math.Min(y + 5, 1998))));
        }

        var children = random.Next(4);
        for (var c = 0; c < children; c++)
        {
            var male = random.Chance(0.5);
            members.Add(Member(s, gaiji, Relation.Child, false, male, Birth(Math.Min(y + 25, 2020), Math.Min(y + 40, 2023))));
        }

        if (random.Chance(0.1))
        {
            var male = random.Chance(0.4);
            var birth = Birth(Math.Max(y - 35, 1920), Math.Max(y - 25, 1925));
            members.Add(Member(s, gaiji, Relation.Parent, random.Chance(0.4), male, birth));
        }

        if (children > 0 && random.Chance(0.05))
        {
            var male = random.Chance(0.5);
            members.Add(Member(s, gaiji, Relation.Grandchild, false, male, Birth(2010, 2023)));
        }

        if (children > 0 && random.Chance(0.04))
        {
            var other = random.Next(names.SurnameCount);
            members.Add(Member(other, false, Relation.ChildSpouse, false, false, Birth(1980, 1998)));
        }

        if (random.Chance(0.02))
        {
            var other = random.Next(names.SurnameCount);
            var male = random.Chance(0.5);
            var birth = Birth(1950, 2000);
            members.Add(Member(other, false, Relation.Other, random.Chance(0.5), male, birth));
        }

        return members;
    }

    /// <summary>Which members ask for a 支援措置, one draw each.</summary>
    public bool[] Supported(List<FamilyMember> members) => [.. members.Select(_ => random.Chance(SupportRate))];

    /// <summary>東京都千代田区 + town + 丁目番号, and for one household in ten an apartment.</summary>
    public FamilyAddress Address()
    {
        var town = random.Next(FamilyNames.Towns.Count);
        var address = $"東京都千代田区{FamilyNames.Towns[town]}{FamilyNames.FullWidth(random.Between(1, 4))}丁目" +
            $"{FamilyNames.FullWidth(random.Between(1, 20))}番{FamilyNames.FullWidth(random.Between(1, 9))}号";
        var katagaki = random.Chance(0.1)
            ? $"コーポ千代田{FamilyNames.FullWidth(random.Between(1, 5))}０{FamilyNames.FullWidth(random.Between(1, 9))}号室"
            : null;
        return new FamilyAddress(town, address, katagaki);
    }

    /// <summary>The day the household record was last updated.</summary>
    public DateOnly UpdatedOn() => DateOnly.FromDayNumber(UpdatedFrom + random.Next(3000));

    /// <summary>
    /// One draw in [0, 1) split into consecutive bands of the given rates: the index of the band it falls in, or −1.
    /// A supported person draws nothing and gets −1: persons under 支援措置 never carry a defect.
    /// </summary>
    public int PersonDefect(bool supported, ReadOnlySpan<double> rates)
    {
        var roll = supported ? 1.0 : random.NextDouble();
        for (var k = 0; k < rates.Length; k++)
        {
            if (roll >= 0 && roll < rates[k])
            {
                return k;
            }

            roll -= rates[k];
        }

        return -1;
    }

    /// <summary>The member's history: born here or arrived, perhaps moved, perhaps moved out or died.</summary>
    public List<FamilyEvent> Events(FamilyMember p)
    {
        var born = p.Birth.Year >= 1960 && random.Chance(0.5);
        var first = born
            ? p.Birth
            : DateOnly.FromDayNumber(Math.Min(Today.DayNumber - 1, Math.Max(p.Birth.DayNumber, ArrivalFrom) + random.Next(9000)));
        var events = new List<FamilyEvent> { new(born ? FamilyEventKind.Birth : FamilyEventKind.Arrival, first, first) };
        if (random.Chance(0.4))
        {
            var moved = first.AddDays(30 + random.Next(6000));
            if (moved < Today)
            {
                events.Add(new(FamilyEventKind.Move, moved, moved));
            }
        }

        if (random.Chance(0.1))
        {
            var last = events[^1].Date.AddDays(30 + random.Next(3000));
            if (last < Today)
            {
                events.Add(new(random.Chance(0.5) ? FamilyEventKind.Death : FamilyEventKind.MovedOut, last, events[^1].Jutei));
            }
        }

        return events;
    }

    /// <summary>The 届出日: up to nine days after the event, never after the export.</summary>
    public DateOnly Notified(DateOnly date) => date.AddDays(random.Next(10)) is var d && d > Today ? Today : d;

    /// <summary>A 12-digit 個人番号; a wrong check digit (the last digit plus one) when <paramref name="bad"/>.</summary>
    public long MyNumber(bool bad)
    {
        var myNumber = CheckDigits.WithMyNumber(10_000_000_000 + random.NextLong(89_999_999_999));
        return bad ? (myNumber / 10 * 10) + ((myNumber % 10 + 1) % 10) : myNumber;
    }

    /// <summary>An 11-digit 住民票コード.</summary>
    public long JukiCode() => 10_000_000_000 + random.NextLong(89_999_999_999);

    /// <summary>A 支援措置 that started since 2012; an ended one lasted one to three years.</summary>
    public FamilySupport Support()
    {
        var kubun = random.Next(10) switch { < 6 => 1, < 8 => 2, _ => 3 };
        var start = DateOnly.FromDayNumber(SupportFrom + random.Next(4000));
        return new FamilySupport(kubun, start, kubun == 3 ? start.AddDays(365 + random.Next(700)) : null);
    }

    private DateOnly Birth(int fromYear, int toYear)
    {
        var from = Wareki.Day(Math.Min(fromYear, toYear), 1, 1);
        var to = Wareki.Day(Math.Max(fromYear, toYear), 12, 31);
        return DateOnly.FromDayNumber(from + random.Next(to - from + 1));
    }

    private FamilyMember Member(int surname, bool gaiji, Relation relation, bool variant, bool male, DateOnly birth)
    {
        var id = ++_persons;
        var given = random.Next(FamilyNames.GivenCount);
        return new FamilyMember(id, CheckDigits.WithModulus11(100_000_000 + id), relation, variant, surname, gaiji, given, male, birth);
    }
}
