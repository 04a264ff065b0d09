using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Migrate.Samples;

/// <summary>
/// Fills vendor C's legacy database from the shared <see cref="FamilySimulator"/>: the tables and columns are
/// the declarative <see cref="VendorCSchema"/> (one prepared INSERT per table, values in column order), the
/// vendor's own 続柄 and 異動事由 code tables with a retired code, its DV-support and newsletter tables, and the
/// seeded defects. One transaction; rows are inserted household by household.
/// </summary>
internal sealed class VendorCGenerator
{
    // Defect rates: per person (one kind at most, every history row of the person is rejected), per household.
    private const double RetiredZokugaraRate = 0.003;
    private const double MyNumberRate = 0.003;
    private const double MissingHouseholdRate = 0.002;
    private const double EraOutOfRangeRate = 0.003;
    private const double OrphanHistoryRate = 0.002;
    private const double NewsletterRate = 0.3;

    private const int Retired = 0;
    private const int BadMyNumber = 1;
    private const int MissingHousehold = 2;
    private const int EraDefect = 3;

    /// <summary>The id of the retired 続柄 row ('099') the mapping has no standard code for.</summary>
    private const long RetiredZokugaraId = 99;

    /// <summary>Vendor C's 本籍 are the first three of the shared list.</summary>
    private const int HonsekiCount = 3;

    private static readonly double[] PersonDefectRates = [RetiredZokugaraRate, MyNumberRate, MissingHouseholdRate, EraOutOfRangeRate];

    private static readonly (long Id, string Code, string Name)[] ZokugaraCodes =
    [
        (1, "001", "世帯主"), (2, "002", "妻"), (3, "003", "夫"), (4, "004", "子"), (5, "005", "父"), (6, "006", "母"),
        (7, "007", "孫"), (8, "008", "子の配偶者"), (9, "009", "同居人"), (10, "010", "縁故者"),
    ];

    private static readonly (long Id, string Code, string Name)[] IdoJiyuCodes =
        [(1, "A01", "転入"), (2, "A02", "出生"), (3, "B01", "転出"), (4, "B02", "死亡"), (5, "C01", "転居"), (6, "C02", "世帯主変更")];

    private static readonly string[] Memos = ["窓口で要配慮", "郵送物は世帯主宛", "点字対応"];

    private static readonly DateOnly OrphanDay = new(2001, 4, 1);

    private readonly FamilyNames _names = new(15, [], []);
    private readonly SortedDictionary<string, long> _defects = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteCommand> _inserts = new(StringComparer.Ordinal);
    private readonly long _total;
    private readonly SqliteConnection _connection;
    private readonly SampleRandom _random;
    private readonly FamilySimulator _family;
    private long _persons;
    private long _households;
    private long _history;
    private long _supports;
    private long _newsletters;

    public VendorCGenerator(long total, int seed, SqliteConnection connection)
    {
        _total = total;
        _connection = connection;
        _random = new SampleRandom(seed, 0xC);
        _family = new FamilySimulator(_random, _names, gaijiHouseholdRate: 0);
    }

    public async Task<SampleSummary> RunAsync(string vendor, IProgress<long>? progress, CancellationToken ct)
    {
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(ct);
        foreach (var table in VendorCSchema.Tables)
        {
            await using var create = _connection.CreateCommand();
            create.Transaction = transaction;
#pragma warning disable CA2100 // DDL built from the fixed schema.
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
            while (_persons < _total)
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

    /// <summary>The vendor's 続柄 ids (rows of m_zokugara).</summary>
    private static long Zokugara(FamilyMember m) => m.Relation switch
    {
        Relation.Head => 1,
        Relation.Spouse => m.Variant ? 2 : 3,
        Relation.Child => 4,
        Relation.Parent => m.Variant ? 5 : 6,
        Relation.Grandchild => 7,
        Relation.ChildSpouse => 8,
        _ => m.Variant ? 9 : 10,
    };

    /// <summary>The vendor's 異動事由 ids (rows of m_ido_jiyu).</summary>
    private static long Jiyu(FamilyEventKind kind) => kind switch
    {
        FamilyEventKind.Arrival => 1,
        FamilyEventKind.Birth => 2,
        FamilyEventKind.MovedOut => 3,
        FamilyEventKind.Death => 4,
        _ => 5,
    };

    private static string Digits10(long value) => value.ToString("D10", CultureInfo.InvariantCulture);

    private SqliteCommand Prepare(VendorCTable table, SqliteTransaction transaction)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Built from the fixed schema.
        command.CommandText = $"INSERT INTO {table.Name} VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
#pragma warning restore CA2100
        for (var i = 0; i < table.Columns.Count; i++) command.Parameters.Add(new SqliteParameter("$p" + i, null));
        command.Prepare();
        return command;
    }

    /// <summary>One row of <paramref name="table"/>, values in its column order.</summary>
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

    private void Household()
    {
        var householdId = ++_households;
        var members = _family.Members();
        var supported = _family.Supported(members);
        var address = _family.Address();
        Insert(VendorCSchema.Households, householdId, Digits10(CheckDigits.WithModulus11(300_000_000 + householdId)), Digits10(members[0].Atena), "131016",
            address.Address, address.Katagaki, address.Postal, _family.UpdatedOn());

        for (var i = 0; i < members.Count; i++)
        {
            var p = members[i];
            _persons++;
            var defect = _family.PersonDefect(supported[i], PersonDefectRates);
            var rows = History(p);
            switch (defect)
            {
                case Retired: Count("code.unknown", rows); break;
                case BadMyNumber: Count("check.my-number", rows); break;
                case MissingHousehold: Count("join.orphan", rows); break;
                case EraDefect: Count("date.era-out-of-range", rows); break;
                default: break;
            }
            PersonRow(p, defect == MissingHousehold ? 900_000_000 + householdId : householdId, defect);
            if (supported[i]) Support(p);
        }

        if (_random.Chance(NewsletterRate))
            Insert(VendorCSchema.KohoHaifu, ++_newsletters, householdId, (long)_random.Between(1, 3), _random.Chance(0.8) ? "郵送" : "町会配布");

        if (_random.Chance(OrphanHistoryRate))
        {
            // History left behind by a person deleted from the master table.
            Insert(VendorCSchema.History, ++_history, 800_000_000 + householdId, 1L, "1", 1L, OrphanDay, OrphanDay.AddDays(1), OrphanDay, OrphanDay);
            Count("join.orphan");
        }
    }

    private void PersonRow(FamilyMember p, long householdId, int defect)
    {
        var myNumber = _family.MyNumber(defect == BadMyNumber);
        var foreign = _random.Chance(0.02);
        var surname = _names.Surname(p);
        var honseki = foreign ? null : FamilyNames.Honseki[_random.Next(HonsekiCount)];
        var jukiCode = _family.JukiCode();
        var memo = _random.Chance(0.05) ? Memos[_random.Next(Memos.Length)] : null;
        Insert(VendorCSchema.Persons, p.Id, Digits10(p.Atena), householdId, $"{surname}　{FamilyNames.Given(p)}", $"{_names.SurnameKana(p)}　{FamilyNames.GivenKana(p)}",
            defect == EraDefect ? "S64.02.01" : BirthText(p), p.Male ? 1L : 2L, defect == Retired ? RetiredZokugaraId : Zokugara(p), foreign ? 1L : 0L,
            honseki, foreign ? null : $"{surname}　一郎",
            myNumber.ToString("D12", CultureInfo.InvariantCulture), jukiCode.ToString(CultureInfo.InvariantCulture), memo);
    }

    private void Support(FamilyMember p)
    {
        var support = _family.Support();
        Insert(VendorCSchema.DvSupport, ++_supports, p.Id, (long)support.Kubun, support.Start, support.End,
            _random.Chance(0.5) ? "市民課" : "子ども家庭支援課");
    }

    /// <summary>Writes the person's history rows; returns how many.</summary>
    private int History(FamilyMember p)
    {
        var events = _family.Events(p);
        for (var i = 0; i < events.Count; i++)
        {
            var ev = events[i];
            var notified = _family.Notified(ev.Date);
            Insert(VendorCSchema.History, ++_history, p.Id, (long)(i + 1), ev.Status, Jiyu(ev.Kind), ev.Date, _random.Chance(0.1) ? null : notified, events[0].Date, ev.Jutei);
        }
        return events.Count;
    }

    /// <summary>
    /// The birth date as the vendor stores it; one person in 397 (chosen by id, so the random stream
    /// is untouched) has a 不詳 birth typed as text, as standard 1.1.8 keeps it: 昭和30年頃.
    /// </summary>
    private static string BirthText(FamilyMember p)
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
}
