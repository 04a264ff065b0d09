namespace Migrate.Samples;

/// <summary>
/// Writes vendor B's three fixed-width files from the shared <see cref="FamilySimulator"/>: households with
/// the vendor's own 続柄 and 異動事由 codes, 外字 family names, a custom household memo and the seeded defects,
/// rendered through the column tables in <see cref="SetaiLayout"/>, <see cref="KojinLayout"/> and <see cref="RirekiLayout"/>.
/// </summary>
internal sealed class VendorBGenerator
{
    // Defect rates: per person (one kind at most, in this order), per history row, per household.
    private const double ZokugaraUnknownRate = 0.003;
    private const double MyNumberRate = 0.003;
    private const double UnresolvedGaijiRate = 0.002;
    private const double MissingHouseholdRate = 0.002;
    private const double SplitCharacterRate = 0.001;
    private const double EraOutOfRangeRate = 0.004;
    private const double OrphanHistoryRate = 0.002;
    private const double HouseholdLengthRate = 0.001;
    private const double GaijiHouseholdRate = 0.03;

    private const int ZokugaraUnknown = 0;
    private const int BadMyNumber = 1;
    private const int UnresolvedGaiji = 2;
    private const int MissingHousehold = 3;

    private static readonly double[] PersonDefectRates = [ZokugaraUnknownRate, MyNumberRate, UnresolvedGaijiRate, MissingHouseholdRate];

    // 外字 (U+E000… = CP932 0xF040…): 0xF040–0xF043 identified, 0xF044 reduced, 0xF046 identified
    // only by the inline table (a municipality override), 0xF045 unresolved (the defect).
    private static readonly string[] GaijiSurnames = ["\uE000橋", "山\uE001", "\uE002田", "\uE003本", "渡\uE004", "\uE006谷"];
    private static readonly string[] GaijiSurnameKana = ["タカハシ", "ヤマザキ", "ヨシダ", "ツジモト", "ワタナベ", "カミヤ"];
    private const string UnresolvedSurname = "\uE005沢";
    private const string UnresolvedSurnameKana = "セリザワ";

    private static readonly string[] Memos = ["民生委員訪問済", "ゴミ出し支援対象", "外国語対応（英語）", "郵便物転送あり", "高齢者見守り"];

    private static readonly byte[] CrLf = "\r\n"u8.ToArray();
    private static readonly DateOnly OrphanDay = new(2001, 4, 1);

    private readonly FamilyNames _names = new(20, GaijiSurnames, GaijiSurnameKana);
    private readonly SortedDictionary<string, long> _defects = new(StringComparer.Ordinal);
    private readonly long _total;
    private readonly Stream _setai;
    private readonly Stream _kojin;
    private readonly Stream _rireki;
    private readonly SampleRandom _random;
    private readonly FamilySimulator _family;
    private long _persons;
    private long _households;
    private long _kojinRows;
    private long _rirekiRows;

    public VendorBGenerator(long persons, int seed, Stream setai, Stream kojin, Stream rireki)
    {
        _total = persons;
        _setai = setai;
        _kojin = kojin;
        _rireki = rireki;
        _random = new SampleRandom(seed, 0xB);
        _family = new FamilySimulator(_random, _names, GaijiHouseholdRate);
    }

    public SampleSummary Run(string vendor, IProgress<long>? progress, CancellationToken ct)
    {
        while (_persons < _total)
        {
            ct.ThrowIfCancellationRequested();
            Household();
            if ((_households & 0x3FF) == 0)
            {
                progress?.Report(_persons);
            }
        }

        progress?.Report(_persons);
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal)
        {
            [VendorBSample.SetaiFile] = _households,
            [VendorBSample.KojinFile] = _kojinRows,
            [VendorBSample.RirekiFile] = _rirekiRows,
        };
        return new SampleSummary(vendor, _persons, rows, _defects);
    }

    /// <summary>The vendor's 続柄 codes.</summary>
    private static string Zokugara(FamilyMember m) => m.Relation switch
    {
        Relation.Head => "10",
        Relation.Spouse => m.Variant ? "21" : "22",
        Relation.Child => "30",
        Relation.Parent => m.Variant ? "41" : "42",
        Relation.Grandchild => "50",
        Relation.ChildSpouse => "61",
        _ => m.Variant ? "90" : "95",
    };

    /// <summary>The vendor's 異動事由 codes.</summary>
    private static string Jiyu(FamilyEventKind kind) => kind switch
    {
        FamilyEventKind.Arrival => "11",
        FamilyEventKind.Birth => "12",
        FamilyEventKind.Move => "31",
        FamilyEventKind.MovedOut => "21",
        _ => "22",
    };

    private static long Check11(long base9) => CheckDigits.WithModulus11(base9);

    private void Count(string kind, long n = 1)
    {
        if (n > 0)
        {
            _defects[kind] = _defects.GetValueOrDefault(kind) + n;
        }
    }

    private void Household()
    {
        var setaiNo = Check11(200_000_000 + ++_households);
        var members = _family.Members();
        var supported = _family.Supported(members);
        var householdRoll = supported.Any(x => x) ? 1.0 : _random.NextDouble();
        var badLength = householdRoll < HouseholdLengthRate;
        var split = householdRoll is >= HouseholdLengthRate and < HouseholdLengthRate + SplitCharacterRate;

        var address = _family.Address();
        var memo = _random.Chance(0.15) ? Memos[_random.Next(Memos.Length)] : null;
        _setai.Write(SetaiLayout.Instance.Render(new SetaiRow(setaiNo, members[0].Atena, address, memo, _family.UpdatedOn(), split)));
        if (split)
        {
            Count("fixed.split-character");
        }

        if (badLength)
        {
            _setai.WriteByte((byte)' '); // one byte too many: fixed.record-length
            Count("fixed.record-length");
        }

        _setai.Write(CrLf);

        for (var i = 0; i < members.Count; i++)
        {
            var p = members[i];
            _persons++;
            var defect = _family.PersonDefect(supported[i], PersonDefectRates);
            var zokugara = defect == ZokugaraUnknown ? "77" : Zokugara(p);
            var badMyNumber = defect == BadMyNumber;
            var unresolved = defect == UnresolvedGaiji;
            var missingHousehold = defect == MissingHousehold;

            var eraDefects = History(p, zokugara, supported[i], out var historyRows);
            var orphan = missingHousehold || split || badLength;
            if (orphan)
            {
                Count("join.orphan", historyRows);
            }
            else if (zokugara == "77")
            {
                Count("code.unknown", historyRows);
            }
            else if (badMyNumber)
            {
                Count("check.my-number", historyRows);
            }
            else if (unresolved)
            {
                Count("gaiji.unresolved", historyRows);
            }

            if (!orphan && !unresolved && zokugara != "77" && !badMyNumber)
            {
                Count("date.era-out-of-range", eraDefects);
            }

            Kojin(p, missingHousehold ? Check11(900_000_000 + _households) : setaiNo, supported[i], badMyNumber, unresolved);
        }

        if (_random.Chance(OrphanHistoryRate))
        {
            // History left behind by a person deleted from the master file.
            WriteRireki(new RirekiRow(Check11(800_000_000 + _households), 1, "10", "1", "11", OrphanDay, false, OrphanDay.AddDays(1), OrphanDay, OrphanDay));
            Count("join.orphan");
        }
    }

    private void Kojin(FamilyMember p, long setaiNo, bool supported, bool badMyNumber, bool unresolved)
    {
        var surname = _names.Surname(p);
        // The reading of a 子の配偶者's family name has always been ヤマダ in this vendor's samples, whatever the
        // name (kept so that the samples stay byte-identical; no mapping checks readings against names).
        var kana = unresolved ? UnresolvedSurnameKana : p.Relation == Relation.ChildSpouse ? "ヤマダ" : _names.SurnameKana(p);
        var myNumber = _family.MyNumber(badMyNumber);
        var honseki = FamilyNames.Honseki[_random.Next(FamilyNames.Honseki.Count)];
        var jukiCode = _family.JukiCode();
        var support = supported ? _family.Support() : (FamilySupport?)null;
        _kojin.Write(KojinLayout.Instance.Render(new KojinRow(
            p.Atena, setaiNo, $"{(unresolved ? UnresolvedSurname : surname)}　{FamilyNames.Given(p)}",
            Cp932.ToHalfWidthKana($"{kana}　{FamilyNames.GivenKana(p)}"), p.Birth, p.Male, honseki, $"{surname}　一郎",
            myNumber, jukiCode, support)));
        _kojin.Write(CrLf);
        _kojinRows++;
    }

    /// <summary>Writes the person's history rows; returns how many carry the era defect.</summary>
    private int History(FamilyMember p, string zokugara, bool supported, out int rows)
    {
        var defects = 0;
        var events = _family.Events(p);
        rows = events.Count;
        for (var i = 0; i < events.Count; i++)
        {
            var ev = events[i];
            var eraDefect = !supported && _random.Chance(EraOutOfRangeRate);
            if (eraDefect)
            {
                defects++;
            }

            WriteRireki(new RirekiRow(p.Atena, i + 1, zokugara, ev.Status, Jiyu(ev.Kind), ev.Date, eraDefect, _family.Notified(ev.Date), events[0].Date, ev.Jutei));
        }

        return defects;
    }

    private void WriteRireki(RirekiRow row)
    {
        _rireki.Write(RirekiLayout.Instance.Render(row));
        _rirekiRows++;
    }
}
