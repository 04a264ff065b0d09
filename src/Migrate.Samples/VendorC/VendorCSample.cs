using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Migrate.Samples;

/// <summary>
/// Vendor C (fictional): a legacy relational database, written as one SQLite file
/// (<see cref="VendorCSchema.DatabaseFile"/>, owner-only) with the schema of <see cref="VendorCSchema"/>:
/// households, persons and their history, the vendor's 続柄 and 異動事由 code tables (with a retired
/// 続柄 code old records still point to), its DV-support customization (<c>dv_support</c>, linked to
/// persons) and a newsletter-delivery table with no standard equivalent (<c>koho_haifu</c>). Birth
/// dates are era-letter text (S60.04.01), other dates DATE columns. Deterministic for a seed; rows
/// are inserted household by household through prepared statements in one transaction.
/// Persons under 支援措置 never carry a defect: a critical reject stops a run by design.
/// </summary>
public sealed class VendorCSample : ISampleVendor
{
    // Defect rates: per person (one kind at most, every history row of the person is rejected), per household.
    internal const double RetiredZokugaraRate = 0.003;
    internal const double MyNumberRate = 0.003;
    internal const double MissingHouseholdRate = 0.002;
    internal const double EraOutOfRangeRate = 0.003;
    internal const double OrphanHistoryRate = 0.002;
    internal const double SupportRate = 0.005;
    internal const double NewsletterRate = 0.3;

    /// <summary>The id of the retired 続柄 row ('099') the mapping has no standard code for.</summary>
    internal const long RetiredZokugaraId = 99;

    private static readonly (long Id, string Code, string Name)[] ZokugaraCodes =
    [
        (1, "001", "世帯主"), (2, "002", "妻"), (3, "003", "夫"), (4, "004", "子"), (5, "005", "父"), (6, "006", "母"),
        (7, "007", "孫"), (8, "008", "子の配偶者"), (9, "009", "同居人"), (10, "010", "縁故者"),
    ];

    private static readonly (long Id, string Code, string Name)[] IdoJiyuCodes =
        [(1, "A01", "転入"), (2, "A02", "出生"), (3, "B01", "転出"), (4, "B02", "死亡"), (5, "C01", "転居"), (6, "C02", "世帯主変更")];

    private static readonly string[] Surnames = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "松本", "井上", "木村"];
    private static readonly string[] SurnameKana = ["サトウ", "スズキ", "タカハシ", "タナカ", "イトウ", "ワタナベ", "ヤマモト", "ナカムラ", "コバヤシ", "カトウ", "ヨシダ", "ヤマダ", "マツモト", "イノウエ", "キムラ"];
    private static readonly string[] Male = ["太郎", "一郎", "誠", "浩", "健一", "大輔", "翔太", "蓮", "茂", "博"];
    private static readonly string[] MaleKana = ["タロウ", "イチロウ", "マコト", "ヒロシ", "ケンイチ", "ダイスケ", "ショウタ", "レン", "シゲル", "ヒロシ"];
    private static readonly string[] Female = ["花子", "幸子", "恵子", "裕子", "美咲", "陽菜", "さくら", "葵", "和子", "智子"];
    private static readonly string[] FemaleKana = ["ハナコ", "サチコ", "ケイコ", "ユウコ", "ミサキ", "ヒナ", "サクラ", "アオイ", "カズコ", "トモコ"];
    private static readonly string[] Towns = ["千代田", "丸の内", "神田錦町", "一ツ橋", "神田駿河台", "飯田橋"];
    private static readonly string[] Honseki = ["東京都千代田区千代田１番", "大阪府大阪市北区中之島１丁目３番", "北海道札幌市中央区北一条西２丁目"];
    private static readonly string[] Memos = ["窓口で要配慮", "郵送物は世帯主宛", "点字対応"];

    public string Name => "vendor-c";

    public string Description =>
        "Vendor C (fictional) 住民記録 legacy database (SQLite): households, persons, history, 続柄/異動事由 code tables, " +
        "a DV-support table and a newsletter table with no standard equivalent, era-letter birth dates and seeded defects.";

    public async Task<SampleSummary> WriteAsync(SampleOptions options, IProgress<long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Persons);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.OutputDirectory);
        Directory.CreateDirectory(options.OutputDirectory);
        var path = Path.Combine(options.OutputDirectory, VendorCSchema.DatabaseFile);
        var temp = path + ".tmp";
        File.Delete(temp);
        try
        {
            CreatePrivate(temp);
            SampleSummary summary;
            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temp, Pooling = false }.ConnectionString))
            {
                await connection.OpenAsync(ct);
                summary = await new Generator(options, connection).RunAsync(Name, progress, ct);
            }
            File.Move(temp, path, overwrite: true);
            return summary;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>An empty file is an empty SQLite database; creating it first makes it owner-only (0600) from the start.</summary>
    private static void CreatePrivate(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var _ = new FileStream(path, options);
    }

    private sealed record Person(long Id, string Atena, string Surname, string SurnameKana, string Given, string GivenKana, bool Male, DateOnly Birth, long Zokugara);

    private sealed class Generator(SampleOptions options, SqliteConnection connection)
    {
        private static readonly DateOnly Today = new(2024, 12, 31);
        private readonly SampleRandom _random = new(options.Seed, 0xC);
        private readonly SortedDictionary<string, long> _defects = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, long> _rows = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SqliteCommand> _inserts = new(StringComparer.Ordinal);
        private long _persons;
        private long _households;
        private long _history;
        private long _supports;
        private long _newsletters;

        public async Task<SampleSummary> RunAsync(string vendor, IProgress<long>? progress, CancellationToken ct)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            foreach (var table in VendorCSchema.Tables)
            {
                await using var create = connection.CreateCommand();
                create.Transaction = transaction;
#pragma warning disable CA2100 // DDL built from the fixed schema above.
                create.CommandText = VendorCSchema.CreateTable(table, "sqlite");
#pragma warning restore CA2100
                await create.ExecuteNonQueryAsync(ct);
                _inserts[table.Name] = Prepare(table, transaction);
                _rows[table.Name] = 0;
            }
            try
            {
                foreach (var (id, code, name) in ZokugaraCodes) Insert(VendorCSchema.Zokugara, id, code, name, 0L);
                Insert(VendorCSchema.Zokugara, RetiredZokugaraId, "099", "旧続柄（統合前コード）", 1L);
                foreach (var (id, code, name) in IdoJiyuCodes) Insert(VendorCSchema.IdoJiyu, id, code, name);
                while (_persons < options.Persons)
                {
                    ct.ThrowIfCancellationRequested();
                    Household();
                    if ((_households & 0x3FF) == 0) progress?.Report(_persons);
                }
                await transaction.CommitAsync(ct);
            }
            finally
            {
                foreach (var insert in _inserts.Values) await insert.DisposeAsync();
            }
            progress?.Report(_persons);
            return new SampleSummary(vendor, _persons, _rows, _defects);
        }

        private SqliteCommand Prepare(VendorCTable table, SqliteTransaction transaction)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
#pragma warning disable CA2100 // Built from the fixed schema above.
            command.CommandText = $"INSERT INTO {table.Name} VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
#pragma warning restore CA2100
            for (var i = 0; i < table.Columns.Count; i++) command.Parameters.Add(new SqliteParameter("$p" + i, null));
            command.Prepare();
            return command;
        }

        private void Insert(VendorCTable table, params object?[] values)
        {
            var command = _inserts[table.Name];
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] switch
                {
                    null => DBNull.Value,
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    var v => v,
                };
            }
            command.ExecuteNonQuery();
            _rows[table.Name]++;
        }

        private void Count(string kind, long n = 1)
        {
            if (n > 0) _defects[kind] = _defects.GetValueOrDefault(kind) + n;
        }

        private static string Digits10(long value) => value.ToString("D10", CultureInfo.InvariantCulture);

        private void Household()
        {
            var householdId = ++_households;
            var members = Members();
            var supported = members.Select(_ => _random.Chance(SupportRate)).ToArray();
            var town = _random.Next(Towns.Length);
            Insert(VendorCSchema.Households, householdId, Digits10(CheckDigits.WithModulus11(300_000_000 + householdId)), members[0].Atena, "131016",
                $"東京都千代田区{Towns[town]}{Digit(_random.Between(1, 4))}丁目{Digit(_random.Between(1, 20))}番{Digit(_random.Between(1, 9))}号",
                _random.Chance(0.1) ? $"コーポ千代田{Digit(_random.Between(1, 5))}０{Digit(_random.Between(1, 9))}号室" : null,
                $"10000{town + 1:D2}", DateOnly.FromDayNumber(Wareki.Day(2015, 1, 1) + _random.Next(3000)));

            for (var i = 0; i < members.Count; i++)
            {
                var p = members[i];
                _persons++;
                var roll = supported[i] ? 1.0 : _random.NextDouble();
                var retired = roll < RetiredZokugaraRate;
                roll -= RetiredZokugaraRate;
                var badMyNumber = roll is >= 0 and < MyNumberRate;
                roll -= MyNumberRate;
                var missingHousehold = roll is >= 0 and < MissingHouseholdRate;
                roll -= MissingHouseholdRate;
                var eraDefect = roll is >= 0 and < EraOutOfRangeRate;

                var rows = History(p);
                if (retired) Count("code.unknown", rows);
                else if (badMyNumber) Count("check.my-number", rows);
                else if (missingHousehold) Count("join.orphan", rows);
                else if (eraDefect) Count("date.era-out-of-range", rows);
                PersonRow(p, missingHousehold ? 900_000_000 + householdId : householdId, retired, badMyNumber, eraDefect);
                if (supported[i]) Support(p);
            }

            if (_random.Chance(NewsletterRate))
                Insert(VendorCSchema.KohoHaifu, ++_newsletters, householdId, (long)_random.Between(1, 3), _random.Chance(0.8) ? "郵送" : "町会配布");

            if (_random.Chance(OrphanHistoryRate))
            {
                // History left behind by a person deleted from the master table.
                Insert(VendorCSchema.History, ++_history, 800_000_000 + householdId, 1L, "1", 1L,
                    new DateOnly(2001, 4, 1), new DateOnly(2001, 4, 2), new DateOnly(2001, 4, 1), new DateOnly(2001, 4, 1));
                Count("join.orphan");
            }
        }

        private List<Person> Members()
        {
            var members = new List<Person>();
            var s = _random.Next(Surnames.Length);
            var headMale = _random.Chance(0.8);
            var headBirth = Birth(1940, 1995);
            members.Add(NewPerson(s, headMale, headBirth, 1));
            if (_random.Chance(0.7))
                members.Add(NewPerson(s, !headMale, Birth(headBirth.Year - 5, Math.Min(headBirth.Year + 5, 1998)), headMale ? 2 : 3));
            var children = _random.Next(4);
            for (var c = 0; c < children; c++)
                members.Add(NewPerson(s, _random.Chance(0.5), Birth(Math.Min(headBirth.Year + 25, 2020), Math.Min(headBirth.Year + 40, 2023)), 4));
            if (_random.Chance(0.1))
                members.Add(NewPerson(s, _random.Chance(0.4), Birth(Math.Max(headBirth.Year - 35, 1920), Math.Max(headBirth.Year - 25, 1925)), _random.Chance(0.4) ? 5 : 6));
            if (children > 0 && _random.Chance(0.05)) members.Add(NewPerson(s, _random.Chance(0.5), Birth(2010, 2023), 7));
            if (children > 0 && _random.Chance(0.04)) members.Add(NewPerson(_random.Next(Surnames.Length), false, Birth(1980, 1998), 8));
            if (_random.Chance(0.02)) members.Add(NewPerson(_random.Next(Surnames.Length), _random.Chance(0.5), Birth(1950, 2000), _random.Chance(0.5) ? 9 : 10));
            return members;
        }

        private long _nextPerson;

        private Person NewPerson(int surname, bool male, DateOnly birth, long zokugara)
        {
            var id = ++_nextPerson;
            var g = _random.Next(Male.Length);
            return new Person(id, Digits10(CheckDigits.WithModulus11(100_000_000 + id)), Surnames[surname], SurnameKana[surname],
                male ? Male[g] : Female[g], male ? MaleKana[g] : FemaleKana[g], male, birth, zokugara);
        }

        private DateOnly Birth(int fromYear, int toYear)
        {
            var from = Wareki.Day(Math.Min(fromYear, toYear), 1, 1);
            var to = Wareki.Day(Math.Max(fromYear, toYear), 12, 31);
            return DateOnly.FromDayNumber(from + _random.Next(to - from + 1));
        }

        private void PersonRow(Person p, long householdId, bool retired, bool badMyNumber, bool eraDefect)
        {
            var myNumber = CheckDigits.WithMyNumber(10_000_000_000 + _random.NextLong(89_999_999_999));
            if (badMyNumber) myNumber = (myNumber / 10 * 10) + ((myNumber % 10 + 1) % 10);
            var foreign = _random.Chance(0.02);
            Insert(VendorCSchema.Persons, p.Id, p.Atena, householdId, $"{p.Surname}　{p.Given}", $"{p.SurnameKana}　{p.GivenKana}",
                eraDefect ? "S64.02.01" : BirthText(p), p.Male ? 1L : 2L, retired ? RetiredZokugaraId : p.Zokugara, foreign ? 1L : 0L,
                foreign ? null : Honseki[_random.Next(Honseki.Length)], foreign ? null : $"{p.Surname}　一郎",
                myNumber.ToString("D12", CultureInfo.InvariantCulture), (10_000_000_000 + _random.NextLong(89_999_999_999)).ToString(CultureInfo.InvariantCulture),
                _random.Chance(0.05) ? Memos[_random.Next(Memos.Length)] : null);
        }

        private void Support(Person p)
        {
            var kubun = _random.Next(10) switch { < 6 => 1L, < 8 => 2L, _ => 3L };
            var start = DateOnly.FromDayNumber(Wareki.Day(2012, 1, 1) + _random.Next(4000));
            Insert(VendorCSchema.DvSupport, ++_supports, p.Id, kubun, start, kubun == 3 ? start.AddDays(365 + _random.Next(700)) : null,
                _random.Chance(0.5) ? "市民課" : "子ども家庭支援課");
        }

        /// <summary>Writes the person's history rows; returns how many.</summary>
        private int History(Person p)
        {
            var born = p.Birth.Year >= 1960 && _random.Chance(0.5);
            var first = born ? p.Birth : DateOnly.FromDayNumber(Math.Min(Today.DayNumber - 1, Math.Max(p.Birth.DayNumber, Wareki.Day(1970, 1, 1)) + _random.Next(9000)));
            var events = new List<(long Jiyu, string Status, DateOnly Date)> { (born ? 2 : 1, "1", first) };
            if (_random.Chance(0.4))
            {
                var moved = first.AddDays(30 + _random.Next(6000));
                if (moved < Today) events.Add((5, "1", moved));
            }
            if (_random.Chance(0.1))
            {
                var last = events[^1].Date.AddDays(30 + _random.Next(3000));
                if (last < Today) events.Add(_random.Chance(0.5) ? (4, "3", last) : (3, "2", last));
            }
            var jutei = first;
            for (var i = 0; i < events.Count; i++)
            {
                var (jiyu, status, date) = events[i];
                if (jiyu == 5) jutei = date;
                var notified = date.AddDays(_random.Next(10)) is var d && d > Today ? Today : d;
                Insert(VendorCSchema.History, ++_history, p.Id, (long)(i + 1), status, jiyu, date, _random.Chance(0.1) ? null : notified, first, jutei);
            }
            return events.Count;
        }

        /// <summary>
        /// The birth date as the vendor stores it; one person in 397 (chosen by id, so the random stream
        /// is untouched) has a 不詳 birth typed as text, as standard 1.1.8 keeps it: 昭和30年頃.
        /// </summary>
        private static string BirthText(Person p)
        {
            if (p.Id % 397 != 0) return EraLetter(p.Birth);
            var (era, year) = Wareki.Of(p.Birth.DayNumber, p.Birth.Year);
            return $"{Wareki.Name(era)}{Wareki.YearText(year)}年頃";
        }

        private static string EraLetter(DateOnly date)
        {
            var (era, year) = Wareki.Of(date.DayNumber, date.Year);
            return string.Create(CultureInfo.InvariantCulture, $"{(char)Wareki.Letter(era)}{year:D2}.{date.Month:D2}.{date.Day:D2}");
        }

        private static string Digit(int n) => string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(c => (char)('０' + (c - '0'))));
    }
}
