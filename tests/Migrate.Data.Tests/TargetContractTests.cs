using System.Globalization;
using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Standard;
using Migrate.Core.Work;
using Migrate.Data.Tests.Support;

namespace Migrate.Data.Tests;

/// <summary>
/// The promises every target keeps, run against each real database: atomic (a cancelled load leaves
/// the target as it was), idempotent (no duplicates; non-empty tables refused without --replace),
/// verified (checksums read back from the final tables), versioned (schema history).
/// </summary>
public abstract class TargetContractTests : IAsyncDisposable
{
    protected TempDirectory Temp { get; } = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh, empty target of this kind (skips the test when its server is not configured).</summary>
    protected abstract Task<ITarget> CreateTargetAsync();

    /// <summary>Runs SQL directly on the target (for corrupting rows and reading the schema history).</summary>
    protected abstract Task<object?> ScalarAsync(string sql);

    public virtual ValueTask DisposeAsync()
    {
        Temp.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private IReadOnlyList<LoadInput> Inputs(string tag, int persons, params (string Item, string? Value)[] overrides)
    {
        var dir = Temp.Combine(tag);
        Directory.CreateDirectory(dir);
        var person = MappedFiles.Write(Path.Combine(dir, "person.csv"), TestStandard.Person,
            Enumerable.Range(1, persons).Select(n => MappedFiles.Person(n, 1, overrides)));
        var support = MappedFiles.Write(Path.Combine(dir, "support.csv"), TestStandard.Support,
            Enumerable.Range(1, persons).Where(n => n % 5 == 0).Select(MappedFiles.Support));
        return [MappedFiles.WithExpected(person), MappedFiles.WithExpected(support)];
    }

    private static LoadOptions Replace(bool replace) => new(replace, null);

    [Fact]
    public async Task Sql_in_a_standard_display_name_stays_inside_its_comment()
    {
        await using var target = await CreateTargetAsync();
        await ScalarAsync("CREATE TABLE victim (x integer)");
        const string Sql = "\nDROP TABLE victim;\n--";
        var juki = TestStandard.Juki;
        var hostile = juki with
        {
            Name = juki.Name + Sql,
            Tables = [.. juki.Tables.Select(t => new StandardTable(t.Id, t.Name + Sql, "*/ DROP TABLE victim; /*\r", t.Description, t.Key, t.Critical,
                [.. t.Items.Select(i => i with { Name = i.Name + "\u2028DROP TABLE victim;\r\n" })]))],
        };

        await target.LoadAsync(hostile, Inputs("hostile", 3), Replace(false), null, Ct);

        Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM victim"), CultureInfo.InvariantCulture).ShouldBe(0);
        Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM juki_person"), CultureInfo.InvariantCulture).ShouldBe(3);
    }

    [Fact]
    public async Task Asking_whether_tables_hold_rows_only_reads_and_names_the_first_that_does()
    {
        await using var target = await CreateTargetAsync();
        (await target.FirstNonEmptyAsync(TestStandard.Juki, Ct)).ShouldBeNull();
        await target.LoadAsync(TestStandard.Juki, Inputs("first", 4), Replace(false), null, Ct);

        (await target.FirstNonEmptyAsync(TestStandard.Juki, Ct)).ShouldBe(("juki_person", 4L));
    }

    [Fact]
    public async Task Load_returns_counts_and_checksums_read_back_that_equal_the_mapped_files()
    {
        await using var target = await CreateTargetAsync();
        var inputs = Inputs("v1", 40);

        var loads = await target.LoadAsync(TestStandard.Juki, inputs, Replace(false), null, Ct);

        loads.ShouldBe(inputs.Select(i => i.Expected!));
        loads[0].Loaded.ShouldBe(40);
        loads[1].Loaded.ShouldBe(8);
        (await target.ReadBackAsync(TestStandard.Juki, Ct)).ShouldBe(inputs.Select(i => i.Expected!));
    }

    [Fact]
    public async Task Rows_not_a_multiple_of_any_batch_with_nulls_integers_and_quoted_text_load_exactly()
    {
        await using var target = await CreateTargetAsync();
        var dir = Temp.Combine("many");
        Directory.CreateDirectory(dir);
        // 2,051 rows: not a multiple of the bulk paths' check intervals (1,024) or of any batch size;
        // multi-line, quoted and NULL values throughout; integers up to the column's range.
        var rows = Enumerable.Range(1, 2051).Select(n => MappedFiles.Person(n, n % 4 == 0 ? int.MaxValue - n : n,
            ("katagaki", n % 11 == 0 ? "一号室\r\n\"別棟\"" : n % 13 == 0 ? "a,b\nc" : null),
            ("setainushi_atena_no", n % 2 == 0 ? null : "0000000019"))).ToList();
        var person = MappedFiles.WithExpected(MappedFiles.Write(Path.Combine(dir, "person.csv"), TestStandard.Person, rows));

        var loads = await target.LoadAsync(TestStandard.Juki, [person], Replace(false), null, Ct);

        loads.ShouldBe([person.Expected!]);
        loads[0].Loaded.ShouldBe(2051);
        Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM juki_person WHERE setainushi_atena_no IS NULL"), CultureInfo.InvariantCulture).ShouldBe(1025);
        Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM juki_person WHERE seinengappi IS NULL"), CultureInfo.InvariantCulture).ShouldBe(2051 / 7);
        Convert.ToInt64(await ScalarAsync("SELECT MAX(rireki_no) FROM juki_person"), CultureInfo.InvariantCulture).ShouldBe(int.MaxValue - 4);
        Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM juki_person WHERE shien_sochi_flag = 1"), CultureInfo.InvariantCulture).ShouldBe(2051 / 5);
        (await ScalarAsync("SELECT katagaki FROM juki_person WHERE atena_no = '0000000011'")).ShouldBe("一号室\r\n\"別棟\"");
        (await ScalarAsync("SELECT katagaki FROM juki_person WHERE atena_no = '0000000013'")).ShouldBe("a,b\nc");
        (await ScalarAsync("SELECT shimei FROM juki_person WHERE atena_no = '0000000002'")).ShouldBe("山田, \"太郎\"");
        (await ScalarAsync("SELECT shimei FROM juki_person WHERE atena_no = '0000000001'")).ShouldBe("辻\U000E0100　𠮷男");
        (await target.ReadBackAsync(TestStandard.Juki, Ct))![0].ShouldBe(person.Expected);
    }

    [Fact]
    public async Task Loading_twice_is_refused_without_replace_and_replace_never_duplicates()
    {
        await using var target = await CreateTargetAsync();
        var inputs = Inputs("v1", 25);
        await target.LoadAsync(TestStandard.Juki, inputs, Replace(false), null, Ct);

        var again = await Should.ThrowAsync<MigrateException>(() => target.LoadAsync(TestStandard.Juki, inputs, Replace(false), null, Ct));
        again.Kind.ShouldBe(FailureKind.Data);
        again.Message.ShouldContain("--replace");
        again.Message.ShouldContain("juki_person");

        await target.LoadAsync(TestStandard.Juki, inputs, Replace(true), null, Ct);
        await target.LoadAsync(TestStandard.Juki, inputs, Replace(true), null, Ct);
        Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM juki_person"), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(25);
        (await target.ReadBackAsync(TestStandard.Juki, Ct)).ShouldBe(inputs.Select(i => i.Expected!));
    }

    [Fact]
    public async Task A_replace_load_cancelled_in_the_middle_of_a_table_leaves_the_previous_rows()
    {
        await using var target = await CreateTargetAsync();
        var before = Inputs("v1", 30);
        await target.LoadAsync(TestStandard.Juki, before, Replace(false), null, Ct);
        var bigger = Inputs("v2", 20_000, ("jusho", "大阪府大阪市北区"));
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var progress = new CancelAt(kill, 16_384);

        await Should.ThrowAsync<OperationCanceledException>(() => target.LoadAsync(TestStandard.Juki, bigger, Replace(true), progress, kill.Token));

        progress.Highest.ShouldBeLessThan(20_000);
        (await target.ReadBackAsync(TestStandard.Juki, Ct)).ShouldBe(before.Select(i => i.Expected!));
    }

    [Fact]
    public async Task A_prepared_load_is_verified_but_only_committed_when_asked()
    {
        await using var target = await CreateTargetAsync();
        var before = Inputs("v1", 30);
        await target.LoadAsync(TestStandard.Juki, before, Replace(false), null, Ct);
        var after = Inputs("v2", 40, ("jusho", "大阪府大阪市北区"));

        // What migrate run does when mapping ends refused: the tables were written and verified, then dropped.
        await using (var refused = await target.PrepareLoadAsync(TestStandard.Juki, after, Replace(true), null, Ct))
            refused.Tables.ShouldBe(after.Select(i => i.Expected!));
        (await target.ReadBackAsync(TestStandard.Juki, Ct)).ShouldBe(before.Select(i => i.Expected!));

        await using (var accepted = await target.PrepareLoadAsync(TestStandard.Juki, after, Replace(true), null, Ct))
            await accepted.CommitAsync(Ct);
        (await target.ReadBackAsync(TestStandard.Juki, Ct)).ShouldBe(after.Select(i => i.Expected!));
    }

    [Fact]
    public async Task A_first_load_cancelled_leaves_no_tables_behind()
    {
        await using var target = await CreateTargetAsync();
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        await Should.ThrowAsync<OperationCanceledException>(() => target.LoadAsync(TestStandard.Juki, Inputs("v1", 20_000), Replace(false), new CancelAt(kill, 16_384), kill.Token));

        (await target.ReadBackAsync(TestStandard.Juki, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Rows_that_read_back_differently_from_the_mapped_file_are_not_committed()
    {
        await using var target = await CreateTargetAsync();
        var inputs = Inputs("v1", 10);
        var wrong = inputs.Select(i => i.Table.Id == "person" ? i with { Expected = i.Expected! with { Checksum = "0000000000000000" } } : i).ToList();

        var error = await Should.ThrowAsync<MigrateException>(() => target.LoadAsync(TestStandard.Juki, wrong, Replace(false), null, Ct));

        error.Kind.ShouldBe(FailureKind.Data);
        error.Message.ShouldContain("person: same row count (10)");
        error.Message.ShouldNotContain("support:");
        (await target.ReadBackAsync(TestStandard.Juki, Ct)).ShouldBeNull();
    }

    [Theory]
    [InlineData("edited")]
    [InlineData("truncated")]
    public async Task A_mapped_file_that_is_not_the_one_the_manifest_records_fails_the_load_before_commit(string how)
    {
        await using var target = await CreateTargetAsync();
        var before = Inputs("v1", 30);
        await target.LoadAsync(TestStandard.Juki, before, Replace(false), null, Ct);
        var after = Inputs("v2", 40);
        var person = after[0];
        var recorded = new RecordedFile(person.MappedFile, 40, FileHash.Sha256(person.MappedFile), "map");
        var lines = File.ReadAllLines(person.MappedFile);
        // The last record, after every other was sent: the check comes at the end of the file.
        if (how == "edited") lines[^1] = lines[^1].Replace("東京都", "大阪府", StringComparison.Ordinal);
        else lines = lines[..^1];
        File.WriteAllText(person.MappedFile, string.Join("\n", lines) + "\n");

        var error = await Should.ThrowAsync<MigrateException>(() =>
            target.LoadAsync(TestStandard.Juki, [after[1], person with { Recorded = recorded }], Replace(true), null, Ct));

        error.Kind.ShouldBe(FailureKind.Data);
        error.Message.ShouldStartWith(person.MappedFile + ": ");
        error.Message.ShouldContain(how == "edited" ? "its SHA-256" : "holds 39 records where the manifest records 40");
        (await target.ReadBackAsync(TestStandard.Juki, Ct)).ShouldBe(before.Select(i => i.Expected!));
    }

    [Fact]
    public async Task A_mapped_file_that_is_the_one_the_manifest_records_loads()
    {
        await using var target = await CreateTargetAsync();
        var inputs = Inputs("v1", 12)
            .Select(i => i with { Recorded = new RecordedFile(i.MappedFile, i.Expected!.Loaded, FileHash.Sha256(i.MappedFile), "map") }).ToList();

        var loads = await target.LoadAsync(TestStandard.Juki, inputs, Replace(false), null, Ct);

        loads.ShouldBe(inputs.Select(i => i.Expected!));
    }

    [Fact]
    public async Task One_corrupted_row_in_the_target_changes_its_checksum()
    {
        await using var target = await CreateTargetAsync();
        var inputs = Inputs("v1", 10);
        await target.LoadAsync(TestStandard.Juki, inputs, Replace(false), null, Ct);

        await ScalarAsync("UPDATE juki_person SET setai_no = '0000000027' WHERE atena_no = '0000000004'");

        var held = (await target.ReadBackAsync(TestStandard.Juki, Ct))!;
        var differences = TableComparison.Differences(inputs.Select(i => i.Expected!), held);
        differences.ShouldHaveSingleItem().ShouldStartWith("person: same row count (10) but the rows differ");
    }

    [Fact]
    public async Task Schema_history_records_the_standard_and_another_version_is_refused()
    {
        await using var target = await CreateTargetAsync();
        await target.LoadAsync(TestStandard.Juki, Inputs("v1", 5), Replace(false), null, Ct);

        (await ScalarAsync("SELECT version FROM _migrate_schema_history WHERE standard = 'juki'")).ShouldBe("1.0");
        (await ScalarAsync("SELECT tool_version FROM _migrate_schema_history")).ShouldBe(ToolInfo.Version);
        var hash = (string)(await ScalarAsync("SELECT ddl_sha256 FROM _migrate_schema_history"))!;
        hash.Length.ShouldBe(64);
        Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM _migrate_schema_history"), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(1);

        var other = TestStandard.Juki with { Version = "2.0" };
        var error = await Should.ThrowAsync<MigrateException>(() => target.LoadAsync(other, Inputs("v2", 5), Replace(true), null, Ct));
        error.Kind.ShouldBe(FailureKind.Data);
        error.Message.ShouldContain("version 1.0");
        error.Message.ShouldContain("version 2.0");
        (await Should.ThrowAsync<MigrateException>(() => target.ReadBackAsync(other, Ct))).Message.ShouldContain("version 1.0");
    }

    [Fact]
    public async Task A_value_that_does_not_fit_names_the_mapped_file_line_and_item_and_loads_nothing()
    {
        await using var target = await CreateTargetAsync();
        var dir = Temp.Combine("bad");
        Directory.CreateDirectory(dir);
        var rows = Enumerable.Range(1, 5).Select(n => MappedFiles.Person(n)).ToList();
        rows[3]["rireki_no"] = "1x";
        var person = MappedFiles.Write(Path.Combine(dir, "person.csv"), TestStandard.Person, rows);

        var error = await Should.ThrowAsync<MigrateException>(() => target.LoadAsync(TestStandard.Juki, [person], Replace(false), null, Ct));

        error.Kind.ShouldBe(FailureKind.Data);
        error.Message.ShouldContain("person.csv:5:");
        error.Message.ShouldContain("rireki_no");
        error.Message.ShouldNotContain("1x");
        (await target.ReadBackAsync(TestStandard.Juki, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Duplicate_keys_are_a_data_error_and_nothing_is_loaded()
    {
        await using var target = await CreateTargetAsync();
        var dir = Temp.Combine("dup");
        Directory.CreateDirectory(dir);
        var person = MappedFiles.Write(Path.Combine(dir, "person.csv"), TestStandard.Person, [MappedFiles.Person(1), MappedFiles.Person(2), MappedFiles.Person(1)]);

        var error = await Should.ThrowAsync<MigrateException>(() => target.LoadAsync(TestStandard.Juki, [person], Replace(false), null, Ct));

        error.Kind.ShouldBe(FailureKind.Data);
        error.Message.ShouldContain("key");
        error.Message.ShouldNotContain("0000000001");
        (await target.ReadBackAsync(TestStandard.Juki, Ct)).ShouldBeNull();
    }
}
