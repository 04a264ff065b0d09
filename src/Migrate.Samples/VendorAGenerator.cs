using System.Collections.ObjectModel;

namespace Migrate.Samples;

/// <summary>
/// Streams vendor A's JUMIN.CSV and SHIEN.CSV. One household is generated at a time and written at once;
/// nothing else is kept, so memory stays flat for any number of persons. Every choice comes from seeded
/// <see cref="SampleRandom"/> streams in a fixed order, so the same (seed, persons) gives byte-identical files.
/// </summary>
internal sealed class VendorAGenerator
{
    // Rates (per person unless noted).
    private const double TestPersonRate = 0.0044; // per household slot: about 0.2% of rows
    private const double ForeignHouseholdRate = 0.037;
    private const double GaijiHouseholdRate = 0.003;
    private const double UnresolvedGaijiShare = 0.06;
    private const double BirthUnknownRate = 0.01;
    private const double BirthLetterRate = 0.005;
    private const double IdoLetterRate = 0.001; // per row
    private const double MemoRate = 0.05; // per row
    private const double ChiikiRate = 0.30;
    private const double ShienRate = 0.006;
    private const double KyuujiRate = 0.08; // of wives
    private const double SexUnknownRate = 0.0005;

    // Defect kinds (index into SampleDefectKinds.All) and one defect per this many eligible rows.
    private const int EraOutOfRange = 0;
    private const int DateInvalid = 1;
    private const int CodeUnknown = 2;
    private const int CheckMyNumber = 3;
    private const int LengthExceeded = 4;
    private const int EncodingInvalid = 5;
    private const int CsvColumnCount = 6;

    // JUMIN.CSV column positions that defects touch.
    private const int ColShimei = 3;
    private const int ColSeinengappi = 6;
    private const int ColZokugara = 8;
    private const int ColJuteiYmd = 12;
    private const int ColIdoJiyu = 22;
    private const int ColIdoYmd = 23;
    private const int ColumnCount = 35;

    private const int ProgressEvery = 10_000;
    private const int FlushThreshold = 1 << 20;

    private const byte Male = (byte)'M';
    private const byte Female = (byte)'F';
    private const byte Unknown = (byte)'U';

    private static readonly int[] DefectBlocks = [500, 500, 500, 500, 1000, 5000, 5000];

    /// <summary>The "as of" date of the export: a fixed day, never the clock.</summary>
    private static readonly int BaseDay = Wareki.Day(2025, 3, 31);

    private static readonly int MinBirth = Wareki.Day(1915, 1, 1);
    private static readonly int JapaneseArrivalFrom = Wareki.Day(1965, 4, 1);
    private static readonly int ForeignArrivalFrom = Wareki.Day(2012, 7, 9); // 外国人住民 in 住基 since this day
    private static readonly int JukiCodeFrom = Wareki.Day(2002, 8, 5);
    private static readonly int MyNumberFrom = Wareki.Day(2015, 10, 5);
    private static readonly int KyuujiFrom = Wareki.Day(2019, 11, 5);
    private static readonly int ShienFlagColumnFrom = Wareki.Day(2004, 1, 1);
    private static readonly int ShienFrom = Wareki.Day(2004, 7, 1);

    private static readonly byte[][] EventCodes =
        [.. new[] { "A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2", "C3", "C4" }.Select(Cp932.Encode)];

    private static readonly byte[][] ZokugaraCodes =
        [.. Enumerable.Range(0, 16).Select(i => Cp932.Encode(i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)))];

    private static readonly byte[] UnknownZokugara = Cp932.Encode("77");
    private static readonly byte[] UnknownIdoJiyu = Cp932.Encode("Z9");
    private static readonly byte[] ShichosonCode = Cp932.Encode("131016");

    private static readonly byte[][] InvalidSequences = [[0x81, 0x20], [0x85, 0x40], [0x82, 0x31]];

    private const string LongNameSyllables =
        "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワンガギグゲゴザジズゼゾダデドバビブベボパピプペポ";

    private readonly long _total;
    private readonly SampleRandom _r;
    private readonly SampleRandom _schedule;
    private readonly VendorAData _d = VendorAData.Instance;
    private readonly CsvByteWriter _jumin;
    private readonly CsvByteWriter _shien;
    private readonly long[] _defectCounts = new long[DefectBlocks.Length];
    private readonly long[] _defectBlockStart = new long[DefectBlocks.Length];
    private readonly long[] _defectNext = new long[DefectBlocks.Length];
    private readonly Person _p = new();
    private readonly Event[] _events = new Event[4];
    private readonly char[] _longName = new char[160];

    private long _persons;
    private long _atenaSeq;
    private long _setaiSeq;
    private long _testSeq;
    private long _juminRows;
    private long _shienRows;
    private int _eventCount;

    public VendorAGenerator(long persons, int seed, Stream jumin, Stream shien)
    {
        _total = persons;
        _r = new SampleRandom(seed, 1);
        _schedule = new SampleRandom(seed, 2);
        _jumin = new CsvByteWriter(jumin, FlushThreshold + (64 * 1024));
        _shien = new CsvByteWriter(shien, 256 * 1024);
        for (int k = 0; k < DefectBlocks.Length; k++)
        {
            _defectNext[k] = _schedule.NextLong(DefectBlocks[k]);
        }
    }

    private enum EventKind : byte
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

    private enum BirthForm : byte
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

    public async Task<SampleSummary> RunAsync(string vendor, IProgress<long>? progress, CancellationToken ct)
    {
        WriteHeader(_jumin, VendorASample.JuminColumns);
        WriteHeader(_shien, VendorASample.ShienColumns);
        long nextProgress = ProgressEvery;
        long reported = -1;
        while (_persons < _total)
        {
            ct.ThrowIfCancellationRequested();
            if (_r.Chance(TestPersonRate))
            {
                WriteTestPerson();
            }
            else
            {
                WriteHousehold((int)Math.Min(_total - _persons, HouseholdSize()));
            }

            if (_persons >= nextProgress)
            {
                progress?.Report(_persons);
                reported = _persons;
                nextProgress = ((_persons / ProgressEvery) + 1) * ProgressEvery;
            }

            if (_jumin.Pending >= FlushThreshold)
            {
                await _jumin.FlushAsync(ct).ConfigureAwait(false);
            }

            if (_shien.Pending >= FlushThreshold)
            {
                await _shien.FlushAsync(ct).ConfigureAwait(false);
            }
        }

        await _jumin.FlushAsync(ct).ConfigureAwait(false);
        await _shien.FlushAsync(ct).ConfigureAwait(false);
        if (reported != _persons)
        {
            progress?.Report(_persons);
        }

        var rows = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [VendorASample.JuminFile] = _juminRows,
            [VendorASample.ShienFile] = _shienRows,
        };
        var defects = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int k = 0; k < _defectCounts.Length; k++)
        {
            defects[SampleDefectKinds.All[k]] = _defectCounts[k];
        }

        return new SampleSummary(vendor, _persons, new ReadOnlyDictionary<string, long>(rows), new ReadOnlyDictionary<string, long>(defects));
    }

    private static void WriteHeader(CsvByteWriter w, IReadOnlyList<string> columns)
    {
        foreach (string column in columns)
        {
            w.Field(Cp932.Encode(column));
        }

        w.EndRow();
    }

    private static byte[] Concat(byte[] a, byte[] separator, byte[] b)
    {
        var result = new byte[a.Length + separator.Length + b.Length];
        a.CopyTo(result, 0);
        separator.CopyTo(result, a.Length);
        b.CopyTo(result, a.Length + separator.Length);
        return result;
    }

    private static int AddMonths(int day, int months) => DateOnly.FromDayNumber(day).AddMonths(months).DayNumber;

    private int HouseholdSize()
    {
        int x = _r.Next(100);
        return x < 38 ? 1 : x < 66 ? 2 : x < 83 ? 3 : x < 96 ? 4 : 5;
    }

    private long NextAtena() => CheckDigits.WithModulus11(++_atenaSeq);

    private long NextSetai() => CheckDigits.WithModulus11(++_setaiSeq);

    private int BirthForAge(int age)
    {
        int day = BaseDay - (int)(age * 365.2425) - _r.Next(365);
        return Math.Max(day, MinBirth);
    }

    private static int AgeAt(int birth, int day) => (int)((day - birth) / 365.2425);

    private T Pick<T>(T[] items) => items[_r.Next(items.Length)];

    private NamePart GivenName(byte sex, int birth)
    {
        int year = DateOnly.FromDayNumber(birth).Year;
        bool male = sex == Male || (sex == Unknown && _r.Chance(0.5));
        var list = year < 1950 ? (male ? _d.MaleOld : _d.FemaleOld)
            : year < 1990 ? (male ? _d.MaleMid : _d.FemaleMid)
            : (male ? _d.MaleYoung : _d.FemaleYoung);
        return Pick(list);
    }

    private NamePart JapaneseSurname(bool gaiji)
    {
        if (gaiji)
        {
            return _r.Chance(UnresolvedGaijiShare) ? _d.UnresolvedGaijiSurname : Pick(_d.GaijiSurnames);
        }

        return _d.Surnames[_r.Skewed(_d.Surnames.Length)];
    }

    private Nationality PickNationality()
    {
        int x = _r.Next(_d.NationalityWeightTotal);
        foreach (var n in _d.Nationalities)
        {
            if (x < n.Weight)
            {
                return n;
            }

            x -= n.Weight;
        }

        return _d.Nationalities[0];
    }

    private void RandomAddress(Person p)
    {
        p.Town = _r.Next(_d.Towns.Length);
        int maxChome = _d.Towns[p.Town].MaxChome;
        p.Chome = maxChome == 0 ? 0 : _r.Between(1, maxChome);
        p.Ban = _r.Between(1, maxChome == 0 ? 40 : 25);
        p.Go = maxChome == 0 ? (_r.Chance(0.6) ? _r.Between(1, 20) : 0) : _r.Between(1, 20);
        RandomKatagaki(p);
    }

    private void RandomKatagaki(Person p)
    {
        if (_r.Chance(0.35))
        {
            p.Apartment = _r.Next(_d.Apartments.Length);
            p.Room = (_r.Between(1, 12) * 100) + _r.Between(1, 8);
        }
        else
        {
            p.Apartment = -1;
        }
    }

    private void RandomCard(Person p)
    {
        var card = new byte[12];
        card[0] = (byte)('A' + _r.Next(26));
        card[1] = (byte)('A' + _r.Next(26));
        for (int i = 2; i < 10; i++)
        {
            card[i] = (byte)('0' + _r.Next(10));
        }

        card[10] = (byte)('A' + _r.Next(26));
        card[11] = (byte)('A' + _r.Next(26));
        p.Card = card;
    }

    private void WriteHousehold(int size)
    {
        var p = _p;
        bool foreign = _r.Chance(ForeignHouseholdRate);
        var nat = foreign ? PickNationality() : null;
        if (foreign && size > 3)
        {
            size = _r.Between(1, 3);
        }

        long setai = NextSetai();
        bool gaiji = !foreign && _r.Chance(GaijiHouseholdRate);
        var headSurname = foreign ? Pick(nat!.Surnames) : JapaneseSurname(gaiji);
        byte headSex = size == 1 ? (_r.Chance(0.5) ? Male : Female) : (_r.Chance(0.78) ? Male : Female);
        int headAge = foreign ? _r.Between(19, 62) : size == 1 ? _r.Between(18, 95) : _r.Between(24, 90);
        int headBirth = BirthForAge(headAge);
        bool headBornHere = !foreign && headAge < 60 && _r.Chance(0.12);
        int arrivalFrom = foreign ? ForeignArrivalFrom : Math.Max(headBirth + (18 * 365), JapaneseArrivalFrom);
        int arrival = arrivalFrom >= BaseDay - 1 ? BaseDay - 1 : _r.Between(arrivalFrom, BaseDay - 1);

        // Shared household facts: address, 本籍, previous address.
        RandomAddress(p);
        int town = p.Town, chome = p.Chome, ban = p.Ban, go = p.Go, apartment = p.Apartment, room = p.Room;
        var honseki = Pick(_d.HonsekiPlaces);
        int honsekiBan = _r.Between(1, 999);
        var tennyu = Pick(_d.OtherPlaces);
        int tennyuA = _r.Between(1, 5), tennyuB = _r.Between(1, 30), tennyuC = _r.Between(1, 20);
        byte[] hittosha = [];

        for (int i = 0; i < size; i++)
        {
            // Relationship, sex, age and family name of this member.
            int zokugara;
            byte sex;
            int age;
            bool ownSurname = false;
            if (i == 0)
            {
                zokugara = 1;
                sex = headSex;
                age = headAge;
            }
            else
            {
                (zokugara, sex, age, ownSurname) = Relation(i, headSex, headAge);
                if (ownSurname is false && zokugara is 2 or 3 && foreign && nat!.FamilyNameKept)
                {
                    ownSurname = true;
                }
            }

            if (_r.Chance(SexUnknownRate))
            {
                sex = Unknown;
            }

            int birth = i == 0 ? headBirth : BirthForAge(age);
            var surname = i == 0 || !ownSurname ? headSurname : foreign ? Pick(nat!.Surnames) : JapaneseSurname(false);
            var given = foreign ? Pick(sex == Female || (sex == Unknown && _r.Chance(0.5)) ? nat!.Female : nat!.Male) : GivenName(sex, birth);

            p.Reset();
            p.Atena = NextAtena();
            p.Setai = setai;
            // The household's names may carry the unresolved 外字 (F045): 氏名 and 筆頭者 are then rejected.
            p.UnresolvedGaiji = ReferenceEquals(headSurname.Written, _d.UnresolvedGaijiSurname.Written);
            p.Foreign = foreign;
            p.Sex = sex;
            p.Birth = birth;
            p.Zokugara = zokugara;
            p.IsHead = i == 0;
            p.Shimei = Concat(surname.Written, _d.FullWidthSpace, given.Written);
            p.Kana = Concat(surname.Kana, " "u8.ToArray(), given.Kana);
            p.Town = town;
            p.Chome = chome;
            p.Ban = ban;
            p.Go = go;
            p.Apartment = apartment;
            p.Room = room;
            p.KojinNo = CheckDigits.WithMyNumber(_r.NextLong(100_000_000_000L));
            p.JukiCode = _r.NextLong(100_000_000_000L);
            p.Chiiki = _r.Chance(ChiikiRate);

            if (foreign)
            {
                p.Alpha = Concat(surname.Alpha, " "u8.ToArray(), given.Alpha);
                p.Nationality = nat;
                if (nat!.CodeText is "CHN" or "KOR" && _r.Chance(0.25))
                {
                    p.Tsusho = Concat(JapaneseSurname(false).Written, _d.FullWidthSpace, GivenName(sex, birth).Written);
                }

                p.Status = nat.CodeText == "KOR" && age >= 30 && _r.Chance(0.5)
                    ? _d.Statuses[1]
                    : _d.Statuses[_r.Chance(0.3) ? 0 : _r.Between(2, _d.Statuses.Length - 1)];
                if (p.Status.Months.Length > 0)
                {
                    p.PeriodIndex = _r.Next(p.Status.Months.Length);
                }

                if (p.Status != _d.Statuses[1])
                {
                    RandomCard(p);
                }
            }
            else
            {
                bool sameFamily = !ownSurname && zokugara != 14;
                p.Honseki = sameFamily ? honseki : Pick(_d.HonsekiPlaces);
                p.HonsekiBan = sameFamily ? honsekiBan : _r.Between(1, 999);
                if (i == 0 || !sameFamily)
                {
                    p.Hittosha = p.Shimei;
                    if (i == 0)
                    {
                        hittosha = p.Shimei;
                    }
                }
                else
                {
                    p.Hittosha = hittosha;
                }

                if (zokugara == 2 && _r.Chance(KyuujiRate))
                {
                    p.Kyuuji = JapaneseSurname(false).Written;
                }
            }

            // First history row: 出生 here, 転入 (with the previous address) or 職権記載.
            EventKind first;
            int firstDay;
            if ((i == 0 && headBornHere) || birth >= arrival)
            {
                first = EventKind.A2;
                firstDay = birth;
            }
            else
            {
                first = !foreign && _r.Chance(0.005) ? EventKind.A3 : EventKind.A1;
                firstDay = arrival;
                if (i == 1 && zokugara is 2 or 3 && _r.Chance(0.3))
                {
                    firstDay = _r.Between(arrival, BaseDay - 1); // joined the household later (marriage)
                }

                if (first == EventKind.A1)
                {
                    if (foreign)
                    {
                        p.TennyuCountry = nat!.Country;
                    }
                    else
                    {
                        p.Tennyu = tennyu;
                        p.TennyuA = tennyuA;
                        p.TennyuB = tennyuB;
                        p.TennyuC = tennyuC;
                    }
                }

                if (!foreign && _r.Chance(BirthUnknownRate))
                {
                    // The forms standard 1.1.8 keeps: coded 00 parts, a day not on the calendar, and 不詳 typed as text.
                    int x = _r.Next(10);
                    p.Form = x switch
                    {
                        < 4 => BirthForm.DayUnknown,
                        < 6 => BirthForm.MonthUnknown,
                        6 => BirthForm.NonCalendar,
                        7 => BirthForm.AboutYear,
                        8 => BirthForm.MonthWritten,
                        _ => BirthForm.AllUnknown,
                    };
                }
            }

            if (p.Form == BirthForm.Normal && _r.Chance(BirthLetterRate))
            {
                p.Form = BirthForm.Letter;
            }

            p.JuminDay = firstDay;
            p.JuteiDay = firstDay;
            if (foreign && p.Status!.Months.Length > 0)
            {
                p.Manryo = AddMonths(firstDay, p.Status.Months[p.PeriodIndex]);
            }

            WritePerson(p, first, firstDay);
        }
    }

    /// <summary>続柄 (vendor code), sex, age and whether the member has a different family name.</summary>
    private (int Zokugara, byte Sex, int Age, bool OwnSurname) Relation(int index, byte headSex, int headAge)
    {
        if (index == 1 && headAge >= 20 && _r.Chance(0.85))
        {
            int spouseAge = Math.Clamp(headAge + (headSex == Male ? _r.Between(-7, 3) : _r.Between(-3, 7)), 18, 99);
            return headSex == Male ? (2, Female, spouseAge, false) : (3, Male, spouseAge, false);
        }

        int x = _r.Next(100);
        if (x < 68)
        {
            return Child(headAge);
        }

        if (x < 74)
        {
            bool father = _r.Chance(0.35);
            int age = headAge + _r.Between(22, 38);
            return age > 100 ? Child(headAge) : (father ? 5 : 6, father ? Male : Female, age, false);
        }

        if (x < 79)
        {
            int age = headAge - _r.Between(45, 65);
            return age < 0 ? Child(headAge) : (7, _r.Chance(0.5) ? Male : Female, age, _r.Chance(0.3));
        }

        if (x < 82)
        {
            int age = headAge - _r.Between(20, 35);
            return age < 18 ? Child(headAge) : (15, Female, age, false);
        }

        if (x < 84)
        {
            int age = headAge + _r.Between(45, 60);
            return age > 102 ? Child(headAge) : (8, Female, age, _r.Chance(0.5));
        }

        if (x < 92)
        {
            int code = _r.Between(9, 12);
            int gap = _r.Between(1, 8);
            int age = code is 9 or 10 ? headAge + gap : Math.Max(0, headAge - gap);
            return (code, code is 9 or 11 ? Male : Female, age, false);
        }

        if (x < 94)
        {
            int age = headAge - _r.Between(20, 35);
            return age < 0 ? Child(headAge) : (13, Male, age, _r.Chance(0.5));
        }

        return (14, _r.Chance(0.5) ? Male : Female, _r.Between(20, 70), true);
    }

    private (int, byte, int, bool) Child(int headAge)
    {
        int age = headAge - _r.Between(22, 42);
        if (age < 0)
        {
            age = _r.Between(0, 3);
        }

        return (4, _r.Chance(0.51) ? Male : Female, age, false);
    }

    private void WriteTestPerson()
    {
        var p = _p;
        p.Reset();
        p.Test = true;
        long testNo = 999_000_000L + (++_testSeq);
        p.Atena = CheckDigits.WithModulus11(testNo);
        p.Setai = CheckDigits.WithModulus11(testNo);
        p.Sex = _r.Chance(0.5) ? Male : Female;
        p.Birth = BirthForAge(_r.Between(25, 65));
        p.Zokugara = 1;
        p.IsHead = true;
        var surname = Pick(_d.TestSurnames);
        var given = _d.TestGivenNames[(p.Sex == Male ? 0 : 2) + _r.Next(2)];
        p.Shimei = Concat(surname.Written, _d.FullWidthSpace, given.Written);
        p.Kana = Concat(surname.Kana, " "u8.ToArray(), given.Kana);
        p.Hittosha = p.Shimei;
        p.Honseki = _d.HonsekiPlaces[0];
        p.HonsekiBan = 1;
        RandomAddress(p);
        p.KojinNo = CheckDigits.WithMyNumber(_r.NextLong(100_000_000_000L));
        p.JukiCode = _r.NextLong(100_000_000_000L);
        int day = _r.Between(Wareki.Day(2010, 4, 1), BaseDay - 1);
        p.JuminDay = day;
        p.JuteiDay = day;
        p.Tennyu = _d.OtherPlaces[0];
        p.TennyuA = 1;
        p.TennyuB = 1;
        p.TennyuC = 1;
        WritePerson(p, EventKind.A1, day);
    }

    /// <summary>Plans 1–4 history rows for the person, writes them and any support-measure rows.</summary>
    private void WritePerson(Person p, EventKind first, int firstDay)
    {
        _persons++;
        int x = _r.Next(100);
        int rows = x < 40 ? 1 : x < 70 ? 2 : x < 90 ? 3 : 4;
        int span = BaseDay - firstDay;
        if (span < 60 * rows)
        {
            rows = Math.Max(1, Math.Min(rows, span / 60));
        }

        _events[0] = new Event(first, firstDay);
        _eventCount = rows;
        for (int k = 1; k < rows; k++)
        {
            int day = firstDay + 1 + _r.Next(span);
            int j = k;
            while (j > 1 && _events[j - 1].Day > day)
            {
                _events[j] = _events[j - 1];
                j--;
            }

            _events[j] = new Event(EventKind.C3, day);
        }

        bool hasC2 = false;
        bool hasC4 = false;
        for (int k = 1; k < rows; k++)
        {
            int y = _r.Next(100);
            var kind = y < 45 ? EventKind.C1 : y < 82 ? EventKind.C3 : y < 90 ? EventKind.C2 : EventKind.C4;
            if (kind == EventKind.C4 && (p.IsHead || p.Test || hasC4 || AgeAt(p.Birth, _events[k].Day) < 18))
            {
                kind = EventKind.C3;
            }

            hasC4 |= kind == EventKind.C4;

            if (kind == EventKind.C2 && p.IsHead && hasC2)
            {
                kind = EventKind.C1;
            }

            hasC2 |= kind == EventKind.C2;
            _events[k] = new Event(kind, _events[k].Day);
        }

        if (rows >= 2 && !p.Test)
        {
            bool elderly = AgeAt(p.Birth, BaseDay) >= 75;
            if (_r.Chance(elderly ? 0.22 : 0.08))
            {
                int y = _r.Next(100);
                var kind = elderly
                    ? (y < 70 ? EventKind.B2 : y < 95 ? EventKind.B1 : EventKind.B3)
                    : (y < 75 ? EventKind.B1 : y < 85 ? EventKind.B2 : EventKind.B3);
                _events[rows - 1] = new Event(kind, _events[rows - 1].Day);
            }
        }

        // The head who became head by 世帯主変更 was 妻 or 子 of the previous head before it.
        if (p.IsHead && hasC2)
        {
            p.Zokugara = p.Sex == Female && first != EventKind.A2 ? 2 : 4;
        }

        PlanSupport(p, firstDay);

        for (int k = 0; k < rows; k++)
        {
            var ev = _events[k];
            if (k > 0)
            {
                Apply(p, ev);
            }

            WriteJuminRow(p, k + 1, ev, k == rows - 1);
        }

        WriteSupportRows(p);
    }

    private void Apply(Person p, Event ev)
    {
        switch (ev.Kind)
        {
            case EventKind.C1:
                int town = p.Town;
                RandomAddress(p);
                if (_r.Chance(0.4))
                {
                    p.Town = town; // moved within the same town
                    int maxChome = _d.Towns[town].MaxChome;
                    p.Chome = maxChome == 0 ? 0 : _r.Between(1, maxChome);
                }

                p.JuteiDay = ev.Day;
                break;
            case EventKind.C2:
                p.Zokugara = p.IsHead ? 1 : p.Zokugara;
                break;
            case EventKind.C3:
                if (p.Foreign && p.Status!.Months.Length > 0)
                {
                    // 在留期間更新: new expiry and a new card.
                    p.PeriodIndex = _r.Next(p.Status.Months.Length);
                    p.Manryo = AddMonths(ev.Day, p.Status.Months[p.PeriodIndex]);
                    RandomCard(p);
                }
                else if (!p.Foreign && _r.Chance(0.5))
                {
                    p.Honseki = Pick(_d.HonsekiPlaces);
                    p.HonsekiBan = _r.Between(1, 999);
                }
                else
                {
                    RandomKatagaki(p);
                }

                break;
            case EventKind.C4:
                p.Setai = NextSetai();
                p.Zokugara = 1;
                break;
            default:
                break;
        }
    }

    private void PlanSupport(Person p, int firstDay)
    {
        // A person under 支援措置 whose name holds the unresolved 外字 would be rejected, and a rejected
        // critical record stops every run by design: such persons get no support measure. The check
        // comes after the draw so that every other sample stays byte-identical.
        if (p.Test || !_r.Chance(ShienRate) || p.UnresolvedGaiji)
        {
            return;
        }

        int from = Math.Max(firstDay, ShienFrom);
        if (from >= BaseDay - 2)
        {
            from = BaseDay - 2;
        }

        if (from < BaseDay - 800 && _r.Chance(0.2))
        {
            // An ended measure followed by a current one.
            int start = _r.Between(from, BaseDay - 800);
            int end = start + _r.Between(365, 730);
            p.AddSupport(3, start, end, _r.Next(_d.TantoKa.Length));
            int again = _r.Between(end + 1, BaseDay - 1);
            p.AddSupport(_r.Chance(0.85) ? 1 : 2, again, 0, _r.Next(_d.TantoKa.Length));
        }
        else
        {
            int y = _r.Next(100);
            int kbn = y < 70 ? 1 : y < 85 ? 2 : 3;
            int start = _r.Between(from, BaseDay - 1);
            int end = 0;
            if (kbn == 3)
            {
                end = start + _r.Between(180, 730);
                if (end >= BaseDay)
                {
                    kbn = 1;
                    end = 0;
                }
            }

            p.AddSupport(kbn, start, end, _r.Next(_d.TantoKa.Length));
        }
    }

    private void WriteSupportRows(Person p)
    {
        var w = _shien;
        for (int i = 0; i < p.SupportCount; i++)
        {
            var s = p.Supports[i];
            w.Field(p.Atena, 10);
            w.Open();
            w.Byte((byte)('0' + s.Kubun));
            w.Open();
            Wareki.Write(w, s.Start);
            w.Open();
            if (s.End > 0)
            {
                Wareki.Write(w, s.End);
            }

            w.Field(_d.TantoKa[s.TantoKa]);
            w.EndRow();
            _shienRows++;
        }
    }

    private int TakeDefect()
    {
        long row = _juminRows;
        for (int k = 0; k < DefectBlocks.Length; k++)
        {
            if (_defectNext[k] <= row)
            {
                _defectBlockStart[k] += DefectBlocks[k];
                _defectNext[k] = Math.Max(_defectBlockStart[k] + _schedule.NextLong(DefectBlocks[k]), row + 1);
                return k;
            }
        }

        return -1;
    }

    private void WriteJuminRow(Person p, int rireki, Event ev, bool last)
    {
        var w = _jumin;
        var d = _d;
        // Persons with any support measure (支援措置, ended ones too: the support file names them, so they
        // are protected) carry critical data: a defect there would stop every run by design, so the
        // sample keeps them clean and puts defects elsewhere.
        int defect = p.Test || p.SupportCount > 0 ? -1 : TakeDefect();
        int defectColumn = -1;
        (int Era, int Year, int Month, int Day) bad = default;
        switch (defect)
        {
            case EraOutOfRange:
                defectColumn = _r.Chance(0.5) ? ColSeinengappi : ColIdoYmd;
                bad = ImpossibleEraDate(defectColumn == ColSeinengappi);
                break;
            case DateInvalid:
                int y = _r.Next(3);
                defectColumn = y == 0 ? ColSeinengappi : y == 1 ? ColIdoYmd : ColJuteiYmd;
                bad = InvalidDate(defectColumn == ColSeinengappi ? p.Birth : defectColumn == ColIdoYmd ? ev.Day : p.JuteiDay);
                break;
            case CodeUnknown:
                defectColumn = _r.Chance(0.5) ? ColZokugara : ColIdoJiyu;
                break;
            case CsvColumnCount:
                defectColumn = _r.Between(1, ColumnCount - 1);
                break;
            default:
                break;
        }

        int rowStart = w.Pending;
        int jotai = ev.Kind switch { EventKind.B1 => 1, EventKind.B2 => 2, EventKind.B3 => 9, _ => 0 };
        bool current = last && jotai == 0;

        w.Field(p.Atena, 10); // ATENA_NO
        w.Open(); // RIREKI_NO
        w.Number(rireki);
        w.Field(p.Setai, 10); // SETAI_NO

        if (defect == LengthExceeded) // SHIMEI
        {
            w.Field(LongName());
        }
        else
        {
            w.Field(p.Shimei);
        }

        w.Field(p.Kana); // KANA_SHIMEI
        w.Open(); // KYUUJI
        if (p.Kyuuji is not null && ev.Day >= KyuujiFrom)
        {
            w.Raw(p.Kyuuji);
        }

        w.Open(); // SEINENGAPPI
        if (defectColumn == ColSeinengappi)
        {
            Wareki.WriteParts(w, bad.Era, bad.Year, bad.Month, bad.Day);
        }
        else
        {
            WriteBirth(w, p);
        }

        w.Open(); // SEIBETSU
        w.Byte(p.Sex);
        w.Field(defect == CodeUnknown && defectColumn == ColZokugara ? UnknownZokugara : ZokugaraCodes[p.Zokugara]); // ZOKUGARA
        w.Open(); // JUMIN_SHUBETSU
        w.Byte(p.Foreign ? (byte)'G' : (byte)'J');
        w.Open(); // JUMIN_JOTAI
        w.Byte((byte)('0' + jotai));
        w.Open(); // JUMIN_YMD
        Wareki.Write(w, p.JuminDay);
        w.Open(); // JUTEI_YMD
        if (defectColumn == ColJuteiYmd)
        {
            Wareki.WriteParts(w, bad.Era, bad.Year, bad.Month, bad.Day);
        }
        else
        {
            Wareki.Write(w, p.JuteiDay);
        }

        w.Field(ShichosonCode); // SHICHOSON_CD
        var town = d.Towns[p.Town];
        w.Field(d.JushoPrefix); // JUSHO
        w.Raw(town.Name);
        if (town.MaxChome > 0)
        {
            w.FullWidthNumber(p.Chome);
            w.Raw(d.Chome);
            w.FullWidthNumber(p.Ban);
            w.Raw(d.Ban);
            w.FullWidthNumber(p.Go);
            w.Raw(d.Go);
        }
        else
        {
            w.FullWidthNumber(p.Ban);
            w.Raw(d.Banchi);
            if (p.Go > 0)
            {
                w.FullWidthNumber(p.Go);
            }
        }

        w.Open(); // KATAGAKI
        if (p.Apartment >= 0)
        {
            w.Raw(d.Apartments[p.Apartment]);
            w.FullWidthNumber(p.Room);
            w.Raw(d.Goshitsu);
        }

        w.Field(town.Yubin); // YUBIN
        w.Open(); // TENNYU_MAE
        if (p.TennyuCountry is not null)
        {
            w.Raw(p.TennyuCountry);
        }
        else if (p.Tennyu is not null)
        {
            w.Raw(p.Tennyu.Prefix);
            if (p.Tennyu.HasChome)
            {
                w.FullWidthNumber(p.TennyuA);
                w.Raw(d.Chome);
                w.FullWidthNumber(p.TennyuB);
                w.Raw(d.Ban);
                w.FullWidthNumber(p.TennyuC);
                w.Raw(d.Go);
            }
            else
            {
                w.FullWidthNumber(p.TennyuB * 10);
                w.Raw(d.Banchi);
            }
        }

        w.Open(); // HONSEKI
        if (p.Honseki is not null)
        {
            w.Raw(p.Honseki.Prefix);
            w.FullWidthNumber(p.HonsekiBan);
            w.Raw(d.Banchi);
        }

        w.Field(p.Hittosha); // HITTOSHA
        w.Open(); // KOJIN_NO
        if (defect == CheckMyNumber)
        {
            long base11 = p.KojinNo / 10;
            w.Digits((base11 * 10) + ((CheckDigits.MyNumber(base11) + _r.Between(1, 9)) % 10), 12);
        }
        else if (ev.Day >= MyNumberFrom || current)
        {
            w.Digits(p.KojinNo, 12);
        }

        w.Open(); // JUKI_CODE
        if (ev.Day >= JukiCodeFrom || current)
        {
            w.Digits(p.JukiCode, 11);
        }

        w.Field(defect == CodeUnknown && defectColumn == ColIdoJiyu ? UnknownIdoJiyu : EventCodes[(int)ev.Kind]); // IDO_JIYU
        w.Open(); // IDO_YMD
        if (defectColumn == ColIdoYmd)
        {
            Wareki.WriteParts(w, bad.Era, bad.Year, bad.Month, bad.Day);
        }
        else if (_r.Chance(IdoLetterRate))
        {
            Wareki.WriteLetter(w, ev.Day);
        }
        else
        {
            Wareki.Write(w, ev.Day);
        }

        w.Open(); // TODOKEDE_YMD
        if (ev.Kind is not (EventKind.A3 or EventKind.B3 or EventKind.C3))
        {
            int delay = ev.Kind == EventKind.A2 ? _r.Between(0, 14) : _r.Chance(0.5) ? 0 : _r.Between(1, 14);
            Wareki.Write(w, Math.Min(ev.Day + delay, BaseDay));
        }

        w.Open(); // SHIEN_FLG
        if (p.SupportActive && (ev.Day >= p.SupportActiveFrom || last))
        {
            w.Byte((byte)'1');
        }
        else if (ev.Day >= ShienFlagColumnFrom)
        {
            w.Byte((byte)'0');
        }

        if (p.Foreign)
        {
            w.Field(p.Alpha); // ALPHA_NAME
            w.Field(p.Tsusho); // TSUSHO
            w.Field(p.Nationality!.Code); // KOKUSEKI
            w.Field(p.Status!.Name); // ZAIRYU_SHIKAKU
            w.Open(); // ZAIRYU_KIKAN
            if (p.Status.Months.Length > 0)
            {
                w.Raw(p.Status.PeriodText[p.PeriodIndex]);
            }

            w.Open(); // ZAIRYU_MANRYO
            if (p.Manryo > 0)
            {
                Wareki.WriteGregorian(w, p.Manryo);
            }

            w.Field(p.Card); // ZAIRYU_CARD
        }
        else
        {
            for (int i = 0; i < 7; i++)
            {
                w.Empty();
            }
        }

        w.Open(); // MEMO
        if (defect == EncodingInvalid)
        {
            w.Raw(Pick(d.PlainMemos));
            w.Raw(Pick(InvalidSequences));
            w.Raw(Pick(d.PlainMemos));
        }
        else if (p.Test)
        {
            w.Raw(d.TestMemo);
        }
        else if (_r.Chance(MemoRate))
        {
            w.Raw(Pick(d.Memos));
        }

        w.Open(); // CHIIKI_FLG
        w.Byte(p.Chiiki ? (byte)'1' : (byte)'0');

        if (defect == CsvColumnCount)
        {
            w.DropField(rowStart, defectColumn);
        }

        w.EndRow();
        _juminRows++;
        if (defect >= 0)
        {
            _defectCounts[defect]++;
        }
    }

    private static void WriteBirth(CsvByteWriter w, Person p)
    {
        switch (p.Form)
        {
            case BirthForm.Letter:
                Wareki.WriteLetter(w, p.Birth);
                break;
            case BirthForm.DayUnknown or BirthForm.MonthUnknown:
                var date = DateOnly.FromDayNumber(p.Birth);
                var (era, year) = Wareki.Of(p.Birth, date.Year);
                Wareki.WriteParts(w, era, year, p.Form == BirthForm.DayUnknown ? date.Month : 0, 0);
                break;
            case BirthForm.AllUnknown:
                Wareki.WriteParts(w, 0, 0, 0, 0);
                break;
            case BirthForm.NonCalendar:
                var born0 = DateOnly.FromDayNumber(p.Birth);
                var (ncEra, ncYear, ncMonth, ncDay) = Wareki.NotOnCalendar(p.Birth) ?? (Wareki.Of(p.Birth, born0.Year).Era, Wareki.Of(p.Birth, born0.Year).Year, born0.Month, 0);
                Wareki.WriteParts(w, ncEra, ncYear, ncMonth, ncDay);
                break;
            case BirthForm.AboutYear or BirthForm.MonthWritten:
                var born = DateOnly.FromDayNumber(p.Birth);
                var (bornEra, bornYear) = Wareki.Of(p.Birth, born.Year);
                w.Raw(Cp932.Encode(p.Form == BirthForm.AboutYear
                    ? $"{Wareki.Name(bornEra)}{Wareki.FullWidthYear(bornYear)}年頃"
                    : $"{Wareki.Name(bornEra)}{Wareki.YearText(bornYear)}年{born.Month}月日不詳"));
                break;
            default:
                Wareki.Write(w, p.Birth);
                break;
        }
    }

    /// <summary>A real calendar day written in an era that had already ended (or not yet begun) on that day.</summary>
    private (int, int, int, int) ImpossibleEraDate(bool birth)
    {
        switch (_r.Next(birth ? 9 : 6))
        {
            case 0: return (3, 64, _r.Between(2, 12), _r.Between(1, 28)); // 昭和64年2月以降
            case 1: return (3, 64, 1, _r.Between(8, 31)); // 昭和64年1月8日以降
            case 2: return (4, 31, _r.Between(5, 12), _r.Between(1, 28)); // 平成31年5月以降
            case 3: return (4, _r.Between(32, 40), _r.Between(1, 12), _r.Between(1, 28)); // 平成32年以降
            case 4: return (5, 1, _r.Between(1, 4), _r.Between(1, 28)); // 令和元年5月より前
            case 5: return (4, 1, 1, _r.Between(1, 7)); // 平成元年1月7日以前
            case 6: return (2, 15, 12, _r.Between(26, 31)); // 大正15年12月26日以降
            case 7: return (1, 45, _r.Between(8, 12), _r.Between(1, 28)); // 明治45年8月以降
            default: return (2, _r.Between(16, 20), _r.Between(1, 12), _r.Between(1, 28)); // 大正16年以降
        }
    }

    /// <summary>A date in a plausible era and year whose month or day does not exist (Feb 30, month 13, …).</summary>
    private (int, int, int, int) InvalidDate(int around)
    {
        var date = DateOnly.FromDayNumber(around);
        var (era, year) = Wareki.Of(around, date.Year);
        if (year == 1 || (era == 1 && year >= 45) || (era == 2 && year >= 15) || (era == 3 && year >= 64) || (era == 4 && year >= 31))
        {
            year = era == 5 ? 3 : 10;
        }

        return _r.Next(4) switch
        {
            // 2月30日 and 4月31日 are 暦上日以外, which 生年月日, 住定日 and 異動年月日 keep (1.1.8): days past 31 are not.
            0 => (era, year, 2, _r.Between(32, 33)),
            1 => (era, year, _r.Between(13, 19), date.Day),
            2 => (era, year, Pick(ThirtyDayMonths), 32),
            _ => (era, year, date.Month, _r.Between(32, 39)),
        };
    }

    private static readonly int[] ThirtyDayMonths = [4, 6, 9, 11];

    /// <summary>A long katakana "name" of 101–130 characters (the standard allows 100).</summary>
    private byte[] LongName()
    {
        int target = _r.Between(101, 130);
        int n = 0;
        while (n < target)
        {
            if (n > 0)
            {
                _longName[n++] = '　';
            }

            int word = _r.Between(3, 8);
            for (int i = 0; i < word && n < target; i++)
            {
                _longName[n++] = LongNameSyllables[_r.Next(LongNameSyllables.Length)];
            }
        }

        if (_longName[n - 1] == '　')
        {
            _longName[n - 1] = 'ン';
        }

        return Cp932.Strict.GetBytes(_longName, 0, n);
    }

    private readonly record struct Event(EventKind Kind, int Day);

    private readonly record struct Support(int Kubun, int Start, int End, int TantoKa);

    /// <summary>The current snapshot of the person being written (one instance, reset per person).</summary>
    private sealed class Person
    {
        public Support[] Supports { get; } = new Support[2];

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

        public int Zokugara { get; set; }

        public int Town { get; set; }

        public int Chome { get; set; }

        public int Ban { get; set; }

        public int Go { get; set; }

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
            Supports[SupportCount++] = new Support(kubun, start, end, tantoKa);
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
}
