namespace Migrate.Samples;

/// <summary>
/// Vendor A's population simulator, household by household: who lives together (続柄, ages, family names,
/// foreign households and their 在留資格, 外字 surnames), where, since when, and the odd test record. Each member
/// is handed to <see cref="HistorySimulator"/>, which lives through the person's events and emits the rows.
/// </summary>
internal sealed class HouseholdSimulator(PopulationDraws draws, ResidentNumbers numbers, HistorySimulator history)
{
    private const double TestPersonRate = 0.0044; // per household slot: about 0.2% of rows
    private const double ForeignHouseholdRate = 0.037;
    private const double GaijiHouseholdRate = 0.003;
    private const double BirthUnknownRate = 0.01;
    private const double BirthLetterRate = 0.005;
    private const double ChiikiRate = 0.30;
    private const double KyuujiRate = 0.08; // of wives
    private const double SexUnknownRate = 0.0005;

    private readonly SampleRandom _r = draws.Random;
    private readonly VendorAData _d = draws.Data;
    private readonly Resident _p = new();

    /// <summary>Persons simulated so far.</summary>
    public long Persons => history.Persons;

    /// <summary>One test record, or one household of at most <paramref name="remaining"/> persons.</summary>
    public void Next(long remaining)
    {
        if (_r.Chance(TestPersonRate))
        {
            TestPerson();
        }
        else
        {
            Household((int)Math.Min(remaining, draws.HouseholdSize()));
        }
    }

    private void Household(int size)
    {
        var p = _p;
        bool foreign = _r.Chance(ForeignHouseholdRate);
        var nat = foreign ? draws.Nationality() : null;
        if (foreign && size > 3)
        {
            size = _r.Between(1, 3);
        }

        long setai = numbers.NextSetai();
        bool gaiji = !foreign && _r.Chance(GaijiHouseholdRate);
        var headSurname = foreign ? draws.Pick(nat!.Surnames) : draws.JapaneseSurname(gaiji);
        byte headSex = size == 1 ? (_r.Chance(0.5) ? Sex.Male : Sex.Female) : (_r.Chance(0.78) ? Sex.Male : Sex.Female);
        int headAge = foreign ? _r.Between(19, 62) : size == 1 ? _r.Between(18, 95) : _r.Between(24, 90);
        int headBirth = draws.BirthForAge(headAge);
        bool headBornHere = !foreign && headAge < 60 && _r.Chance(0.12);
        int baseDay = VendorACalendar.BaseDay;
        int arrivalFrom = foreign ? VendorACalendar.ForeignArrivalFrom : Math.Max(headBirth + (18 * 365), VendorACalendar.JapaneseArrivalFrom);
        int arrival = arrivalFrom >= baseDay - 1 ? baseDay - 1 : _r.Between(arrivalFrom, baseDay - 1);

        // Shared household facts: address, 本籍, previous address.
        draws.Address(p);
        int town = p.Town, chome = p.Chome, ban = p.Ban, go = p.Go, apartment = p.Apartment, room = p.Room;
        var honseki = draws.Pick(_d.HonsekiPlaces);
        int honsekiBan = _r.Between(1, 999);
        var tennyu = draws.Pick(_d.OtherPlaces);
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
                sex = Sex.Unknown;
            }

            int birth = i == 0 ? headBirth : draws.BirthForAge(age);
            var surname = i == 0 || !ownSurname ? headSurname : foreign ? draws.Pick(nat!.Surnames) : draws.JapaneseSurname(false);
            var given = foreign
                ? draws.Pick(sex == Sex.Female || (sex == Sex.Unknown && _r.Chance(0.5)) ? nat!.Female : nat!.Male)
                : draws.GivenName(sex, birth);

            p.Reset();
            p.Atena = numbers.NextAtena();
            p.Setai = setai;
            // The household's names may carry the unresolved 外字 (F045): 氏名 and 筆頭者 are then rejected.
            p.UnresolvedGaiji = ReferenceEquals(headSurname.Written, _d.UnresolvedGaijiSurname.Written);
            p.Foreign = foreign;
            p.Sex = sex;
            p.Birth = birth;
            p.Zokugara = zokugara;
            p.IsHead = i == 0;
            p.Shimei = PopulationDraws.Concat(surname.Written, _d.FullWidthSpace, given.Written);
            p.Kana = PopulationDraws.Concat(surname.Kana, " "u8.ToArray(), given.Kana);
            p.Town = town;
            p.Chome = chome;
            p.Ban = ban;
            p.Go = go;
            p.Apartment = apartment;
            p.Room = room;
            p.KojinNo = draws.MyNumber();
            p.JukiCode = draws.JukiCode();
            p.Chiiki = _r.Chance(ChiikiRate);

            if (foreign)
            {
                ForeignFacts(p, nat!, surname, given, age);
            }
            else
            {
                bool sameFamily = !ownSurname && zokugara != 14;
                p.Honseki = sameFamily ? honseki : draws.Pick(_d.HonsekiPlaces);
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
                    p.Kyuuji = draws.JapaneseSurname(false).Written;
                }
            }

            // First history row: 出生 here, 転入 (with the previous address) or 職権記載.
            LifeEventKind first;
            int firstDay;
            if ((i == 0 && headBornHere) || birth >= arrival)
            {
                first = LifeEventKind.A2;
                firstDay = birth;
            }
            else
            {
                first = !foreign && _r.Chance(0.005) ? LifeEventKind.A3 : LifeEventKind.A1;
                firstDay = arrival;
                if (i == 1 && zokugara is 2 or 3 && _r.Chance(0.3))
                {
                    firstDay = _r.Between(arrival, baseDay - 1); // joined the household later (marriage)
                }

                if (first == LifeEventKind.A1)
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
                    p.Form = UnknownBirthForm();
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
                p.Manryo = VendorACalendar.AddMonths(firstDay, p.Status.Months[p.PeriodIndex]);
            }

            history.Live(p, first, firstDay);
        }
    }

    /// <summary>通称 (some Chinese and Korean residents), 在留資格 with its period, and the residence card.</summary>
    private void ForeignFacts(Resident p, Nationality nat, NamePart surname, NamePart given, int age)
    {
        p.Alpha = PopulationDraws.Concat(surname.Alpha, " "u8.ToArray(), given.Alpha);
        p.Nationality = nat;
        if (nat.CodeText is "CHN" or "KOR" && _r.Chance(0.25))
        {
            p.Tsusho = PopulationDraws.Concat(draws.JapaneseSurname(false).Written, _d.FullWidthSpace, draws.GivenName(p.Sex, p.Birth).Written);
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
            draws.ResidenceCard(p);
        }
    }

    /// <summary>The forms standard 1.1.8 keeps: coded 00 parts, a day not on the calendar, and 不詳 typed as text.</summary>
    private BirthForm UnknownBirthForm() => _r.Next(10) switch
    {
        < 4 => BirthForm.DayUnknown,
        < 6 => BirthForm.MonthUnknown,
        6 => BirthForm.NonCalendar,
        7 => BirthForm.AboutYear,
        8 => BirthForm.MonthWritten,
        _ => BirthForm.AllUnknown,
    };

    /// <summary>続柄 (vendor code), sex, age and whether the member has a different family name.</summary>
    private (int Zokugara, byte Sex, int Age, bool OwnSurname) Relation(int index, byte headSex, int headAge)
    {
        if (index == 1 && headAge >= 20 && _r.Chance(0.85))
        {
            int spouseAge = Math.Clamp(headAge + (headSex == Sex.Male ? _r.Between(-7, 3) : _r.Between(-3, 7)), 18, 99);
            return headSex == Sex.Male ? (2, Sex.Female, spouseAge, false) : (3, Sex.Male, spouseAge, false);
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
            return age > 100 ? Child(headAge) : (father ? 5 : 6, father ? Sex.Male : Sex.Female, age, false);
        }

        if (x < 79)
        {
            int age = headAge - _r.Between(45, 65);
            return age < 0 ? Child(headAge) : (7, _r.Chance(0.5) ? Sex.Male : Sex.Female, age, _r.Chance(0.3));
        }

        if (x < 82)
        {
            int age = headAge - _r.Between(20, 35);
            return age < 18 ? Child(headAge) : (15, Sex.Female, age, false);
        }

        if (x < 84)
        {
            int age = headAge + _r.Between(45, 60);
            return age > 102 ? Child(headAge) : (8, Sex.Female, age, _r.Chance(0.5));
        }

        if (x < 92)
        {
            int code = _r.Between(9, 12);
            int gap = _r.Between(1, 8);
            int age = code is 9 or 10 ? headAge + gap : Math.Max(0, headAge - gap);
            return (code, code is 9 or 11 ? Sex.Male : Sex.Female, age, false);
        }

        if (x < 94)
        {
            int age = headAge - _r.Between(20, 35);
            return age < 0 ? Child(headAge) : (13, Sex.Male, age, _r.Chance(0.5));
        }

        return (14, _r.Chance(0.5) ? Sex.Male : Sex.Female, _r.Between(20, 70), true);
    }

    private (int, byte, int, bool) Child(int headAge)
    {
        int age = headAge - _r.Between(22, 42);
        if (age < 0)
        {
            age = _r.Between(0, 3);
        }

        return (4, _r.Chance(0.51) ? Sex.Male : Sex.Female, age, false);
    }

    /// <summary>A test record (テスト用データ): a household of one in the 999… number range, clean by design.</summary>
    private void TestPerson()
    {
        var p = _p;
        p.Reset();
        p.Test = true;
        long testNo = numbers.NextTest();
        p.Atena = testNo;
        p.Setai = testNo;
        p.Sex = _r.Chance(0.5) ? Sex.Male : Sex.Female;
        p.Birth = draws.BirthForAge(_r.Between(25, 65));
        p.Zokugara = 1;
        p.IsHead = true;
        var surname = draws.Pick(_d.TestSurnames);
        var given = _d.TestGivenNames[(p.Sex == Sex.Male ? 0 : 2) + _r.Next(2)];
        p.Shimei = PopulationDraws.Concat(surname.Written, _d.FullWidthSpace, given.Written);
        p.Kana = PopulationDraws.Concat(surname.Kana, " "u8.ToArray(), given.Kana);
        p.Hittosha = p.Shimei;
        p.Honseki = _d.HonsekiPlaces[0];
        p.HonsekiBan = 1;
        draws.Address(p);
        p.KojinNo = draws.MyNumber();
        p.JukiCode = draws.JukiCode();
        int day = _r.Between(VendorACalendar.TestArrivalFrom, VendorACalendar.BaseDay - 1);
        p.JuminDay = day;
        p.JuteiDay = day;
        p.Tennyu = _d.OtherPlaces[0];
        p.TennyuA = 1;
        p.TennyuB = 1;
        p.TennyuC = 1;
        history.Live(p, LifeEventKind.A1, day);
    }
}
