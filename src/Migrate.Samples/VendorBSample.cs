using System.Globalization;

namespace Migrate.Samples;

/// <summary>
/// Vendor B (fictional): the fixed-width CP932 export described by mappings/vendors/vendor-b/juki.yaml —
/// SETAI.DAT (households, CR LF), KOJIN.DAT (persons, CR LF) and RIREKI.DAT (history snapshots,
/// 60-byte records with no separator, a packed-decimal counter), 1-digit era dates, half-width
/// katakana, the vendor's own 続柄 and 異動事由 codes, 外字 in the user-defined area and a custom
/// per-household memo. Deterministic for a seed; written household by household (streaming).
/// Persons under 支援措置 never carry a defect: a critical reject stops a run by design.
/// </summary>
public sealed class VendorBSample : ISampleVendor
{
    public const string SetaiFile = "SETAI.DAT";
    public const string KojinFile = "KOJIN.DAT";
    public const string RirekiFile = "RIREKI.DAT";

    internal const int SetaiLength = 200;
    internal const int KojinLength = 227;
    internal const int RirekiLength = 60;

    // Defect rates: per person (one kind at most), per history row, per household.
    internal const double ZokugaraUnknownRate = 0.003;
    internal const double MyNumberRate = 0.003;
    internal const double UnresolvedGaijiRate = 0.002;
    internal const double MissingHouseholdRate = 0.002;
    internal const double SplitCharacterRate = 0.001;
    internal const double EraOutOfRangeRate = 0.004;
    internal const double OrphanHistoryRate = 0.002;
    internal const double HouseholdLengthRate = 0.001;
    internal const double SupportRate = 0.005;

    private static readonly string[] Surnames = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "松本", "井上", "木村", "林", "清水", "森", "池田", "橋本"];
    private static readonly string[] SurnameKana = ["サトウ", "スズキ", "タカハシ", "タナカ", "イトウ", "ワタナベ", "ヤマモト", "ナカムラ", "コバヤシ", "カトウ", "ヨシダ", "ヤマダ", "マツモト", "イノウエ", "キムラ", "ハヤシ", "シミズ", "モリ", "イケダ", "ハシモト"];

    // 外字 (U+E000… = CP932 0xF040…): 0xF040–0xF043 identified, 0xF044 reduced, 0xF046 identified
    // only by the inline table (a municipality override), 0xF045 unresolved (the defect).
    private static readonly string[] GaijiSurnames = ["\uE000橋", "山\uE001", "\uE002田", "\uE003本", "渡\uE004", "\uE006谷"];
    private static readonly string[] GaijiSurnameKana = ["タカハシ", "ヤマザキ", "ヨシダ", "ツジモト", "ワタナベ", "カミヤ"];
    private const string UnresolvedSurname = "\uE005沢";
    private const string UnresolvedSurnameKana = "セリザワ";

    private static readonly string[] Male = ["太郎", "一郎", "誠", "浩", "健一", "大輔", "翔太", "蓮", "茂", "博"];
    private static readonly string[] MaleKana = ["タロウ", "イチロウ", "マコト", "ヒロシ", "ケンイチ", "ダイスケ", "ショウタ", "レン", "シゲル", "ヒロシ"];
    private static readonly string[] Female = ["花子", "幸子", "恵子", "裕子", "美咲", "陽菜", "さくら", "葵", "和子", "智子"];
    private static readonly string[] FemaleKana = ["ハナコ", "サチコ", "ケイコ", "ユウコ", "ミサキ", "ヒナ", "サクラ", "アオイ", "カズコ", "トモコ"];
    private static readonly string[] Towns = ["千代田", "丸の内", "神田錦町", "一ツ橋", "神田駿河台", "飯田橋"];
    private static readonly string[] Memos = ["民生委員訪問済", "ゴミ出し支援対象", "外国語対応（英語）", "郵便物転送あり", "高齢者見守り"];
    private static readonly string[] Honseki = ["東京都千代田区千代田１番", "大阪府大阪市北区中之島１丁目３番", "北海道札幌市中央区北一条西２丁目", "福岡県福岡市中央区天神１丁目８番"];

    public string Name => "vendor-b";

    public string Description =>
        "Vendor B (fictional) 住民記録 export: fixed-width CP932 SETAI.DAT + KOJIN.DAT (CR LF) and RIREKI.DAT (no separator, packed decimal), " +
        "1-digit era dates, half-width kana, own 続柄/異動事由 codes, 外字 0xF040–0xF046, custom household memo and seeded defects.";

    public Task<SampleSummary> WriteAsync(SampleOptions options, IProgress<long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Persons);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.OutputDirectory);
        Directory.CreateDirectory(options.OutputDirectory);
        var files = new[] { SetaiFile, KojinFile, RirekiFile }.Select(f => Path.Combine(options.OutputDirectory, f)).ToArray();
        var temps = files.Select(f => f + ".tmp").ToArray();
        try
        {
            SampleSummary summary;
            using (var setai = new FileStream(temps[0], FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var kojin = new FileStream(temps[1], FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var rireki = new FileStream(temps[2], FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                summary = new Generator(options, setai, kojin, rireki).Run(Name, progress, ct);
            }
            for (var i = 0; i < files.Length; i++) File.Move(temps[i], files[i], overwrite: true);
            return Task.FromResult(summary);
        }
        catch
        {
            foreach (var t in temps) File.Delete(t);
            throw;
        }
    }

    private sealed record Person(long Atena, string Surname, string SurnameKana, string Given, string GivenKana, bool Male, DateOnly Birth, string Zokugara);

    private sealed class Generator(SampleOptions options, Stream setai, Stream kojin, Stream rireki)
    {
        private static readonly byte[] CrLf = "\r\n"u8.ToArray();
        private readonly SampleRandom _random = new(options.Seed, 0xB);
        private readonly FixedRecord _setai = new(SetaiLength);
        private readonly FixedRecord _kojin = new(KojinLength);
        private readonly FixedRecord _rireki = new(RirekiLength);
        private readonly SortedDictionary<string, long> _defects = new(StringComparer.Ordinal);
        private long _persons;
        private long _households;
        private long _kojinRows;
        private long _rirekiRows;

        public SampleSummary Run(string vendor, IProgress<long>? progress, CancellationToken ct)
        {
            while (_persons < options.Persons)
            {
                ct.ThrowIfCancellationRequested();
                Household();
                if ((_households & 0x3FF) == 0) progress?.Report(_persons);
            }
            progress?.Report(_persons);
            return new SampleSummary(vendor, _persons,
                new SortedDictionary<string, long>(StringComparer.Ordinal) { [SetaiFile] = _households, [KojinFile] = _kojinRows, [RirekiFile] = _rirekiRows },
                _defects);
        }

        private void Count(string kind, long n = 1)
        {
            if (n > 0) _defects[kind] = _defects.GetValueOrDefault(kind) + n;
        }

        private static long Check11(long base9) => CheckDigits.WithModulus11(base9);

        private void Household()
        {
            var setaiNo = Check11(200_000_000 + ++_households);
            var members = Members();
            var head = members[0];
            var supported = members.Select(_ => _random.Chance(SupportRate)).ToArray();
            var householdRoll = supported.Any(x => x) ? 1.0 : _random.NextDouble();
            var badLength = householdRoll < HouseholdLengthRate;
            var split = householdRoll is >= HouseholdLengthRate and < HouseholdLengthRate + SplitCharacterRate;

            // The household record.
            var town = _random.Next(Towns.Length);
            _setai.Clear()
                .Digits(0, 10, setaiNo).Digits(10, 10, head.Atena).Text(20, 6, "131016")
                .Text(26, 80, $"東京都千代田区{Towns[town]}{Digit(_random.Between(1, 4))}丁目{Digit(_random.Between(1, 20))}番{Digit(_random.Between(1, 9))}号")
                .Text(146, 7, $"10000{town + 1:D2}");
            if (_random.Chance(0.1)) _setai.Text(106, 40, $"コーポ千代田{Digit(_random.Between(1, 5))}０{Digit(_random.Between(1, 9))}号室");
            if (_random.Chance(0.15)) _setai.Text(153, 40, Memos[_random.Next(Memos.Length)]);
            Date(_setai, 193, DateOnly.FromDayNumber(Wareki.Day(2015, 1, 1) + _random.Next(3000)));
            if (split)
            {
                // The legacy system cut a long address at byte 80 of the field, half-way through a double-byte
                // character: 79 bytes of whole characters, then the lead byte of 漢 (0x8A) alone.
                _setai.Raw(26, Cp932.Encode("東京都千代田区" + string.Concat(Enumerable.Repeat("漢字", 16)) + "ｱ")).Raw(105, [0x8A]);
                Count("fixed.split-character");
            }
            setai.Write(_setai.Bytes);
            if (badLength)
            {
                setai.WriteByte((byte)' '); // one byte too many: fixed.record-length
                Count("fixed.record-length");
            }
            setai.Write(CrLf);

            for (var i = 0; i < members.Count; i++)
            {
                var p = members[i];
                _persons++;
                var roll = supported[i] ? 1.0 : _random.NextDouble();
                var zokugara = roll < ZokugaraUnknownRate ? "77" : p.Zokugara;
                roll -= ZokugaraUnknownRate;
                var badMyNumber = roll is >= 0 and < MyNumberRate;
                roll -= MyNumberRate;
                var unresolved = roll is >= 0 and < UnresolvedGaijiRate;
                roll -= UnresolvedGaijiRate;
                var missingHousehold = roll is >= 0 and < MissingHouseholdRate;

                var rows = History(p, zokugara, supported[i], out var historyRows);
                var orphan = missingHousehold || split || badLength;
                if (orphan) Count("join.orphan", historyRows);
                else if (zokugara == "77") Count("code.unknown", historyRows);
                else if (badMyNumber) Count("check.my-number", historyRows);
                else if (unresolved) Count("gaiji.unresolved", historyRows);
                if (!orphan && !unresolved && zokugara != "77" && !badMyNumber) Count("date.era-out-of-range", rows);
                Kojin(p, missingHousehold ? Check11(900_000_000 + _households) : setaiNo, supported[i], badMyNumber, unresolved);
            }

            if (_random.Chance(OrphanHistoryRate))
            {
                // History left behind by a person deleted from the master file.
                _rireki.Clear().Digits(0, 10, Check11(800_000_000 + _households)).Digits(10, 3, 1).Text(13, 2, "10").Text(15, 1, "1").Text(16, 2, "11");
                Date(_rireki, 18, new DateOnly(2001, 4, 1));
                Date(_rireki, 25, new DateOnly(2001, 4, 2));
                Date(_rireki, 32, new DateOnly(2001, 4, 1));
                Date(_rireki, 39, new DateOnly(2001, 4, 1));
                _rireki.Packed(46, 3, 1);
                rireki.Write(_rireki.Bytes);
                _rirekiRows++;
                Count("join.orphan");
            }
        }

        private List<Person> Members()
        {
            var members = new List<Person>();
            var gaiji = _random.Chance(0.03);
            var s = _random.Next(gaiji ? GaijiSurnames.Length : Surnames.Length);
            var surname = gaiji ? GaijiSurnames[s] : Surnames[s];
            var kana = gaiji ? GaijiSurnameKana[s] : SurnameKana[s];
            var headMale = _random.Chance(0.8);
            var headBirth = Birth(1940, 1995);
            members.Add(NewPerson(surname, kana, headMale, headBirth, "10"));
            if (_random.Chance(0.7))
                members.Add(NewPerson(surname, kana, !headMale, Birth(headBirth.Year - 5, Math.Min(headBirth.Year + 5, 1998)), headMale ? "21" : "22"));
            var children = _random.Next(4);
            for (var c = 0; c < children; c++)
                members.Add(NewPerson(surname, kana, _random.Chance(0.5), Birth(Math.Min(headBirth.Year + 25, 2020), Math.Min(headBirth.Year + 40, 2023)), "30"));
            if (_random.Chance(0.1))
                members.Add(NewPerson(surname, kana, _random.Chance(0.4), Birth(Math.Max(headBirth.Year - 35, 1920), Math.Max(headBirth.Year - 25, 1925)), "4" + (_random.Chance(0.4) ? "1" : "2")));
            if (children > 0 && _random.Chance(0.05))
                members.Add(NewPerson(surname, kana, _random.Chance(0.5), Birth(2010, 2023), "50"));
            if (children > 0 && _random.Chance(0.04))
                members.Add(NewPerson(Surnames[_random.Next(Surnames.Length)], "ヤマダ", false, Birth(1980, 1998), "61"));
            if (_random.Chance(0.02))
            {
                var o = _random.Next(Surnames.Length);
                members.Add(NewPerson(Surnames[o], SurnameKana[o], _random.Chance(0.5), Birth(1950, 2000), _random.Chance(0.5) ? "90" : "95"));
            }
            return members;
        }

        private Person NewPerson(string surname, string kana, bool male, DateOnly birth, string zokugara)
        {
            var g = _random.Next(Male.Length);
            return new Person(Check11(100_000_000 + ++_nextAtena), surname, kana, male ? Male[g] : Female[g], male ? MaleKana[g] : FemaleKana[g], male, birth, zokugara);
        }

        private long _nextAtena;

        private DateOnly Birth(int fromYear, int toYear)
        {
            var from = Wareki.Day(Math.Min(fromYear, toYear), 1, 1);
            var to = Wareki.Day(Math.Max(fromYear, toYear), 12, 31);
            return DateOnly.FromDayNumber(from + _random.Next(to - from + 1));
        }

        private void Kojin(Person p, long setaiNo, bool supported, bool badMyNumber, bool unresolved)
        {
            var surname = unresolved ? UnresolvedSurname : p.Surname;
            var kana = unresolved ? UnresolvedSurnameKana : p.SurnameKana;
            var myNumber = CheckDigits.WithMyNumber(10_000_000_000 + _random.NextLong(89_999_999_999));
            if (badMyNumber) myNumber = (myNumber / 10 * 10) + ((myNumber % 10 + 1) % 10);
            _kojin.Clear()
                .Digits(0, 10, p.Atena).Digits(10, 10, setaiNo)
                .Text(20, 40, $"{surname}　{p.Given}")
                .Text(60, 40, Cp932.ToHalfWidthKana($"{kana}　{p.GivenKana}"))
                .Text(107, 1, p.Male ? "1" : "2")
                .Text(108, 60, Honseki[_random.Next(Honseki.Length)])
                .Text(168, 20, $"{p.Surname}　一郎")
                .Digits(188, 12, myNumber)
                .Digits(200, 11, 10_000_000_000 + _random.NextLong(89_999_999_999))
                .Text(226, 1, "0");
            // One person in 397 (by 宛名番号, so the random stream is untouched) was registered with a birth
            // date that is not on the calendar (暦上日以外, 2月29日 of a common year), which 1.1.8 keeps.
            if (p.Atena % 397 == 0 && Wareki.NotOnCalendar(p.Birth.DayNumber) is var (era, year, month, day))
                _kojin.Text(100, 7, string.Create(CultureInfo.InvariantCulture, $"{era}{year:D2}{month:D2}{day:D2}"));
            else
                Date(_kojin, 100, p.Birth);
            if (supported)
            {
                var kubun = _random.Next(10) switch { < 6 => 1, < 8 => 2, _ => 3 };
                var start = DateOnly.FromDayNumber(Wareki.Day(2012, 1, 1) + _random.Next(4000));
                _kojin.Text(211, 1, kubun.ToString(CultureInfo.InvariantCulture));
                Date(_kojin, 212, start);
                if (kubun == 3) Date(_kojin, 219, start.AddDays(365 + _random.Next(700)));
            }
            kojin.Write(_kojin.Bytes);
            kojin.Write(CrLf);
            _kojinRows++;
        }

        /// <summary>Writes the person's history rows; returns how many carry the era defect.</summary>
        private int History(Person p, string zokugara, bool supported, out int rows)
        {
            var defects = 0;
            var today = new DateOnly(2024, 12, 31);
            var born = p.Birth.Year >= 1960 && _random.Chance(0.5);
            var first = born ? p.Birth : DateOnly.FromDayNumber(Math.Min(today.DayNumber - 1, Math.Max(p.Birth.DayNumber, Wareki.Day(1970, 1, 1)) + _random.Next(9000)));
            var events = new List<(string Jiyu, string Jotai, DateOnly Date)> { (born ? "12" : "11", "1", first) };
            var jumin = first;
            var jutei = first;
            if (_random.Chance(0.4))
            {
                var moved = first.AddDays(30 + _random.Next(6000));
                if (moved < today) events.Add(("31", "1", moved));
            }
            if (_random.Chance(0.1))
            {
                var last = events[^1].Date.AddDays(30 + _random.Next(3000));
                if (last < today) events.Add(_random.Chance(0.5) ? ("22", "3", last) : ("21", "2", last));
            }
            rows = events.Count;
            for (var i = 0; i < events.Count; i++)
            {
                var (jiyu, jotai, date) = events[i];
                if (jiyu == "31") jutei = date;
                _rireki.Clear().Digits(0, 10, p.Atena).Digits(10, 3, i + 1).Text(13, 2, zokugara).Text(15, 1, jotai).Text(16, 2, jiyu);
                if (!supported && _random.Chance(EraOutOfRangeRate))
                {
                    _rireki.Text(18, 7, "3640201"); // 昭和64年2月1日 does not exist
                    defects++;
                }
                else
                {
                    Date(_rireki, 18, date);
                }
                Date(_rireki, 25, date.AddDays(_random.Next(10)) is var d && d > today ? today : d);
                Date(_rireki, 32, jumin);
                Date(_rireki, 39, jutei);
                _rireki.Packed(46, 3, i + 1);
                rireki.Write(_rireki.Bytes);
                _rirekiRows++;
            }
            return defects;
        }

        private static void Date(FixedRecord record, int offset, DateOnly date)
        {
            var (era, year) = Wareki.Of(date.DayNumber, date.Year);
            record.Text(offset, 7, string.Create(CultureInfo.InvariantCulture, $"{era}{year:D2}{date.Month:D2}{date.Day:D2}"));
        }

        private static string Digit(int n) => string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(c => (char)('０' + (c - '0'))));
    }
}
