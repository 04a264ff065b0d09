namespace Migrate.Samples;

/// <summary>
/// The random picks the population simulator is made of: ages, names, nationalities, addresses, residence cards.
/// Each pick draws from the one shared stream, so callers must keep their order (it is the sample's identity).
/// </summary>
internal sealed class PopulationDraws(SampleRandom r, VendorAData d)
{
    private const double UnresolvedGaijiShare = 0.06;

    public SampleRandom Random => r;

    public VendorAData Data => d;

    public T Pick<T>(T[] items) => items[r.Next(items.Length)];

    public int HouseholdSize()
    {
        int x = r.Next(100);
        return x < 38 ? 1 : x < 66 ? 2 : x < 83 ? 3 : x < 96 ? 4 : 5;
    }

    public int BirthForAge(int age)
    {
        int day = VendorACalendar.BaseDay - (int)(age * 365.2425) - r.Next(365);
        return Math.Max(day, VendorACalendar.MinBirth);
    }

    public NamePart GivenName(byte sex, int birth)
    {
        int year = DateOnly.FromDayNumber(birth).Year;
        bool male = sex == Sex.Male || (sex == Sex.Unknown && r.Chance(0.5));
        var list = year < 1950 ? (male ? d.MaleOld : d.FemaleOld)
            : year < 1990 ? (male ? d.MaleMid : d.FemaleMid)
            : (male ? d.MaleYoung : d.FemaleYoung);
        return Pick(list);
    }

    public NamePart JapaneseSurname(bool gaiji)
    {
        if (gaiji)
        {
            return r.Chance(UnresolvedGaijiShare) ? d.UnresolvedGaijiSurname : Pick(d.GaijiSurnames);
        }

        return d.Surnames[r.Skewed(d.Surnames.Length)];
    }

    public Nationality Nationality()
    {
        int x = r.Next(d.NationalityWeightTotal);
        foreach (var n in d.Nationalities)
        {
            if (x < n.Weight)
            {
                return n;
            }

            x -= n.Weight;
        }

        return d.Nationalities[0];
    }

    public void Address(Resident p)
    {
        p.Town = r.Next(d.Towns.Length);
        int maxChome = d.Towns[p.Town].MaxChome;
        p.Chome = maxChome == 0 ? 0 : r.Between(1, maxChome);
        p.Ban = r.Between(1, maxChome == 0 ? 40 : 25);
        p.Go = maxChome == 0 ? (r.Chance(0.6) ? r.Between(1, 20) : 0) : r.Between(1, 20);
        Katagaki(p);
    }

    public void Katagaki(Resident p)
    {
        if (r.Chance(0.35))
        {
            p.Apartment = r.Next(d.Apartments.Length);
            p.Room = (r.Between(1, 12) * 100) + r.Between(1, 8);
        }
        else
        {
            p.Apartment = -1;
        }
    }

    /// <summary>在留カード番号: 2 letters, 8 digits, 2 letters.</summary>
    public void ResidenceCard(Resident p)
    {
        var card = new byte[12];
        card[0] = (byte)('A' + r.Next(26));
        card[1] = (byte)('A' + r.Next(26));
        for (int i = 2; i < 10; i++)
        {
            card[i] = (byte)('0' + r.Next(10));
        }

        card[10] = (byte)('A' + r.Next(26));
        card[11] = (byte)('A' + r.Next(26));
        p.Card = card;
    }

    public long MyNumber() => CheckDigits.WithMyNumber(r.NextLong(100_000_000_000L));

    public long JukiCode() => r.NextLong(100_000_000_000L);

    public static byte[] Concat(byte[] a, byte[] separator, byte[] b)
    {
        var result = new byte[a.Length + separator.Length + b.Length];
        a.CopyTo(result, 0);
        separator.CopyTo(result, a.Length);
        b.CopyTo(result, a.Length + separator.Length);
        return result;
    }
}
