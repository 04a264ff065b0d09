using System.Globalization;
using System.Text;
using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Standard;
using Migrate.Data.Engines.Postgres;
using Migrate.Data.Tests.Support;
using Npgsql;

namespace Migrate.Data.Tests;

public sealed class PostgresTargetTests : TargetContractTests
{
    private PostgresSchema? _schema;

    protected override async Task<ITarget> CreateTargetAsync()
    {
        _schema = await PostgresSchema.CreateAsync();
        return new PostgresTarget(_schema.ConnectionString);
    }

    protected override Task<object?> ScalarAsync(string sql) => _schema!.ScalarAsync(sql);

    public override async ValueTask DisposeAsync()
    {
        if (_schema is not null) await _schema.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Columns_get_postgres_types_and_values_keep_their_meaning()
    {
        await using var target = await CreateTargetAsync();
        var dir = Temp.Combine("typed");
        Directory.CreateDirectory(dir);
        var person = MappedFiles.WithExpected(MappedFiles.Write(Path.Combine(dir, "person.csv"), TestStandard.Person, [MappedFiles.Person(1), MappedFiles.Person(7)]));

        await target.LoadAsync(TestStandard.Juki, [person], new LoadOptions(false, null), null, TestContext.Current.CancellationToken);

        (await ScalarAsync("SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'juki_person' AND column_name = 'seinengappi'")).ShouldBe("date");
        (await ScalarAsync("SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'juki_person' AND column_name = 'shien_sochi_flag'")).ShouldBe("smallint");
        (await ScalarAsync("SELECT character_maximum_length FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'juki_person' AND column_name = 'atena_no'")).ShouldBe(15);
        (await ScalarAsync("SELECT seinengappi FROM juki_person WHERE atena_no = '0000000001'")).ShouldBe(new DateOnly(1975, 3, 1));
        (await ScalarAsync("SELECT seinengappi IS NULL FROM juki_person WHERE atena_no = '0000000007'")).ShouldBe(true);
        (await ScalarAsync("SELECT shimei FROM juki_person WHERE atena_no = '0000000001'")).ShouldBe("辻\U000E0100　𠮷男");
        (await ScalarAsync("SELECT rireki_no FROM juki_person WHERE atena_no = '0000000001'")).ShouldBe(1L);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_connection_that_cannot_be_established_is_retried_with_backoff_and_said_so()
    {
        // Port 1 on this machine: nothing listens, the connection is refused (a transient failure).
        var notices = new List<string>();
        await using var target = new PostgresTarget("Host=127.0.0.1;Port=1;Username=u;Password=secret-pw;Database=d;Timeout=5")
        {
            Retry = new ConnectionRetry(3, TimeSpan.FromMilliseconds(1), notices.Add),
        };

        var error = await Should.ThrowAsync<MigrateException>(() => target.ReadBackAsync(TestStandard.Juki, Ct));

        error.Kind.ShouldBe(FailureKind.Environment);
        error.Message.ShouldBe("postgres:(connection string hidden): could not connect after 3 attempt(s) (ConnectionRefused); check that the server is up and reachable");
        notices.ShouldBe([
            "postgres:(connection string hidden): could not connect (ConnectionRefused); retrying in 0 s (attempt 2 of 3)",
            "postgres:(connection string hidden): could not connect (ConnectionRefused); retrying in 0 s (attempt 3 of 3)",
        ]);
        new ConnectionRetry(4, TimeSpan.FromSeconds(1)).DelayAfter(3).ShouldBe(TimeSpan.FromSeconds(4));
    }

    private async Task<long> ServerHashAsync(string expression, object value)
    {
        await using var connection = new NpgsqlConnection(_schema!.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand($"SELECT {expression}", connection);
        command.Parameters.AddWithValue("v", value);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    [Fact]
    public async Task Hashes_computed_here_are_the_servers_for_text_integers_and_dates_under_every_seed()
    {
        await using var target = await CreateTargetAsync();
        // Seed 0 skips the seed's block; the others are column positions, one past 32 bits.
        ulong[] seeds = [0, 1, 43, 0x1_0000_0002];
        // Every length from 0 to 40 bytes crosses lookup3's 12-byte blocks and each tail length;
        // multi-byte UTF-8 (kanji, an IVS selector, a surrogate pair), commas, quotes and line breaks.
        var texts = Enumerable.Range(0, 41).Select(n => new string([.. "abcdefghijklmnopqrstuvwxyz0123456789ABCDE".Take(n)]))
            .Concat(["辻\U000E0100　𠮷男", "髙橋　花子", "山田, \"太郎\"", "一号室\r\n別棟", "ｱｲｳ", " trailing ", "ー"]).ToList();
        long[] integers = [0, 1, -1, 7, short.MinValue, short.MaxValue, int.MinValue, int.MaxValue, 4_294_967_296, -4_294_967_297, long.MinValue, long.MaxValue];
        // As text, the way COPY receives them (Npgsql would send DateOnly.MinValue as -infinity).
        DateOnly[] dates = [new(1, 1, 1), new(1868, 1, 25), new(1989, 1, 7), new(1999, 12, 31), new(2000, 1, 1), new(2000, 1, 2), new(2019, 5, 1), new(9999, 12, 31)];
        foreach (var seed in seeds)
        {
            foreach (var text in texts)
                unchecked((long)PostgresHash.Bytes(Encoding.UTF8.GetBytes(text), seed)).ShouldBe(await ServerHashAsync($"hashtextextended(@v, {seed})", text), $"text of {text.Length} chars, seed {seed}");
            foreach (var number in integers)
            {
                var ours = unchecked((long)PostgresHash.Integer(number, seed));
                ours.ShouldBe(await ServerHashAsync($"hashint8extended(@v, {seed})", number), $"int8 {number}, seed {seed}");
                if (number is >= int.MinValue and <= int.MaxValue) ours.ShouldBe(await ServerHashAsync($"hashint4extended(@v, {seed})", (int)number), $"int4 {number}, seed {seed}");
                if (number is >= short.MinValue and <= short.MaxValue) ours.ShouldBe(await ServerHashAsync($"hashint2extended(@v, {seed})", (short)number), $"int2 {number}, seed {seed}");
            }
            foreach (var date in dates)
                unchecked((long)PostgresHash.Date(date, seed)).ShouldBe(await ServerHashAsync($"hashint4extended(@v::date - date '2000-01-01', {seed})", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), $"date {date:yyyy-MM-dd}, seed {seed}");
        }
    }

    [Fact]
    public async Task Row_hashes_of_a_mapped_file_equal_the_servers_hash_of_the_loaded_table()
    {
        await using var target = await CreateTargetAsync();
        var dir = Temp.Combine("hashed");
        Directory.CreateDirectory(dir);
        // NULLs of every type, negative and large integers, quoted text with line breaks.
        var rows = Enumerable.Range(1, 300).Select(n => MappedFiles.Person(n, n % 3 == 0 ? int.MaxValue - n : n,
            ("katagaki", n % 11 == 0 ? "一号室\r\n\"別棟\"" : null),
            ("ido_ymd", n % 2 == 0 ? "1868-01-25" : "2019-05-01"))).ToList();
        var person = MappedFiles.WithExpected(MappedFiles.Write(Path.Combine(dir, "person.csv"), TestStandard.Person, rows));
        await target.LoadAsync(TestStandard.Juki, [person], new LoadOptions(false, null), null, Ct);

        var hash = new PostgresRowHash([.. TestStandard.Person.Items.Select(i => i.Type)]);
        using (var reader = new MappedRecordReader(person.MappedFile, TestStandard.Person))
            while (reader.Read()) hash.Add(reader);
        await using var connection = new NpgsqlConnection(_schema!.ConnectionString);
        await connection.OpenAsync(Ct);
        var query = hash.Query(TestStandard.Person, new PostgresDialect(), "juki_person");
        // Columns no row has a value in (kyuuji, for one) are counted, not hashed.
        query.ShouldContain("num_nonnulls(");
        query.ShouldNotContain("hashtextextended(t.\"kyuuji\"");
        query.ShouldContain("hashtextextended(t.\"katagaki\"");
        await using var command = new NpgsqlCommand(query, connection);
        await using var result = await command.ExecuteReaderAsync(Ct);
        (await result.ReadAsync(Ct)).ShouldBeTrue();

        hash.Usable.ShouldBeTrue();
        hash.Rows.ShouldBe(300);
        result.GetInt64(0).ShouldBe(300);
        result.GetString(1).ShouldBe(hash.Sum.ToString(CultureInfo.InvariantCulture));
        result.GetInt64(2).ShouldBe(hash.Xor);
        result.GetInt64(3).ShouldBe(0);
    }

    /// <summary>
    /// Loads 20 persons, installs <paramref name="triggerSql"/> (a BEFORE INSERT trigger on juki_person),
    /// then tries to replace them with 20 more; returns the refusal, after checking that the first
    /// load's rows are still there.
    /// </summary>
    private async Task<MigrateException> ReplaceThroughTriggerAsync(string name, string triggerSql)
    {
        await using var target = await CreateTargetAsync();
        var dir = Temp.Combine(name);
        Directory.CreateDirectory(dir);
        var first = MappedFiles.WithExpected(MappedFiles.Write(Path.Combine(dir, "first.csv"), TestStandard.Person, Enumerable.Range(1, 20).Select(n => MappedFiles.Person(n))));
        await target.LoadAsync(TestStandard.Juki, [first], new LoadOptions(false, null), null, Ct);
        await _schema!.ExecuteAsync(triggerSql);
        var second = MappedFiles.WithExpected(MappedFiles.Write(Path.Combine(dir, "second.csv"), TestStandard.Person, Enumerable.Range(1, 20).Select(n => MappedFiles.Person(n, 2))));

        var error = await Should.ThrowAsync<MigrateException>(() => target.LoadAsync(TestStandard.Juki, [second], new LoadOptions(true, null), null, Ct));

        Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM juki_person WHERE rireki_no = 1"), CultureInfo.InvariantCulture).ShouldBe(20);
        return error;
    }

    [Fact]
    public async Task Two_values_that_trade_columns_within_a_row_are_caught()
    {
        // Same values in the row, two of them in each other's place: only per-column seeds see it.
        var error = await ReplaceThroughTriggerAsync("traded", """
            CREATE FUNCTION trade() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE kept text; BEGIN IF NEW.atena_no = '0000000007' THEN kept := NEW.shimei; NEW.shimei := NEW.jusho; NEW.jusho := kept; END IF; RETURN NEW; END $$;
            CREATE TRIGGER trade BEFORE INSERT ON juki_person FOR EACH ROW EXECUTE FUNCTION trade();
            """);

        error.Kind.ShouldBe(FailureKind.Data);
        error.Message.ShouldContain("person: same row count (20) but the rows differ");
    }

    // Same count, same keys, one value changed on the way in: only a check of every value sees it.
    // 〒 has a value in every row sent (hashed by the server); 方書 is empty in every row sent, so the
    // server's hash leaves it out and its count of values must still be 0.
    [Theory]
    [InlineData("yubin_no", "0000000013", "1000002")]
    [InlineData("katagaki", "0000000011", "２階")]
    public async Task A_trigger_that_changes_a_value_as_rows_are_copied_is_caught_and_nothing_is_replaced(string column, string atena, string value)
    {
        var error = await ReplaceThroughTriggerAsync("trigger-" + column, $"""
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.atena_no = '{atena}' THEN NEW.{column} := '{value}'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER touch BEFORE INSERT ON juki_person FOR EACH ROW EXECUTE FUNCTION touch();
            """);

        error.Kind.ShouldBe(FailureKind.Data);
        error.Message.ShouldContain("person: same row count (20) but the rows differ");
        error.Message.ShouldNotContain(value);
    }

    [Fact]
    public async Task A_table_whose_column_types_differ_from_the_ddl_is_loaded_as_csv_and_verified()
    {
        await using var target = await CreateTargetAsync();
        var dir = Temp.Combine("widened");
        Directory.CreateDirectory(dir);
        var first = MappedFiles.WithExpected(MappedFiles.Write(Path.Combine(dir, "first.csv"), TestStandard.Person, Enumerable.Range(1, 30).Select(n => MappedFiles.Person(n))));
        await target.LoadAsync(TestStandard.Juki, [first], new LoadOptions(false, null), null, Ct);
        // Widened by hand: binary COPY would send 2 bytes to a 4-byte column, so CSV is sent instead.
        await _schema!.ExecuteAsync("ALTER TABLE juki_person ALTER COLUMN shien_sochi_flag TYPE integer");
        // CSV COPY gets each value quoted from its fields: quotes, commas and line breaks must arrive as they are.
        var second = MappedFiles.WithExpected(MappedFiles.Write(Path.Combine(dir, "second.csv"), TestStandard.Person,
            Enumerable.Range(1, 30).Select(n => MappedFiles.Person(n, 2, ("jusho", n % 3 == 0 ? "東京都\"千代田区\", 1-1\r\n二行目" : "東京都")))));

        var loads = await target.LoadAsync(TestStandard.Juki, [second], new LoadOptions(true, null), null, Ct);

        loads.ShouldBe([second.Expected!]);
        Convert.ToInt64(await ScalarAsync("SELECT SUM(shien_sochi_flag) FROM juki_person WHERE rireki_no = 2"), CultureInfo.InvariantCulture).ShouldBe(6);
        (await ScalarAsync("SELECT jusho FROM juki_person WHERE atena_no = (SELECT MIN(atena_no) FROM juki_person WHERE jusho <> '東京都')")).ShouldBe("東京都\"千代田区\", 1-1\r\n二行目");
        (await target.ReadBackAsync(TestStandard.Juki, Ct))![0].ShouldBe(second.Expected!);
    }

    [Fact]
    public async Task Replace_empties_a_table_another_table_references_by_deleting_its_rows()
    {
        await using var target = await CreateTargetAsync();
        var dir = Temp.Combine("referenced");
        Directory.CreateDirectory(dir);
        var first = MappedFiles.WithExpected(MappedFiles.Write(Path.Combine(dir, "first.csv"), TestStandard.Person, Enumerable.Range(1, 12).Select(n => MappedFiles.Person(n))));
        await target.LoadAsync(TestStandard.Juki, [first], new LoadOptions(false, null), null, Ct);
        // A table of the municipality's own that points at the persons: TRUNCATE refuses, DELETE is used.
        await _schema!.ExecuteAsync("CREATE TABLE memo (atena_no varchar(15), rireki_no bigint, FOREIGN KEY (atena_no, rireki_no) REFERENCES juki_person)");
        var second = MappedFiles.WithExpected(MappedFiles.Write(Path.Combine(dir, "second.csv"), TestStandard.Person, Enumerable.Range(1, 9).Select(n => MappedFiles.Person(n, 3))));

        var loads = await target.LoadAsync(TestStandard.Juki, [second], new LoadOptions(true, null), null, Ct);

        loads.ShouldBe([second.Expected!]);
        Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM juki_person WHERE rireki_no = 3"), CultureInfo.InvariantCulture).ShouldBe(9);
        Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM juki_person"), CultureInfo.InvariantCulture).ShouldBe(9);
    }
}
