using Microsoft.Data.Sqlite;
using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Data.Engines.Sqlite;
using Migrate.Data.Tests.Support;

namespace Migrate.Data.Tests;

public sealed class SqliteTargetTests : TargetContractTests
{
    private string DatabasePath => Temp.Combine("target.db");

    protected override Task<ITarget> CreateTargetAsync() => Task.FromResult<ITarget>(new SqliteTarget(DatabasePath));

    protected override async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Reading_a_target_that_does_not_exist_creates_neither_file_nor_folder()
    {
        var path = Temp.Combine("missing", "x.db");
        await using var target = new SqliteTarget(path);

        (await target.ReadBackAsync(TestStandard.Juki, TestContext.Current.CancellationToken)).ShouldBeNull();
        (await ((ITarget)target).FirstNonEmptyAsync(TestStandard.Juki, TestContext.Current.CancellationToken)).ShouldBeNull();

        Directory.Exists(Temp.Combine("missing")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_first_load_prepared_and_not_committed_leaves_no_database_file()
    {
        var path = Temp.Combine("new", "standard.db");
        Directory.CreateDirectory(Temp.Combine("new"));
        await using var target = new SqliteTarget(path);
        var person = MappedFiles.Write(Temp.Combine("new", "person.csv"), TestStandard.Person, Enumerable.Range(1, 5).Select(n => MappedFiles.Person(n, 1)));

        await using (var prepared = await target.PrepareLoadAsync(TestStandard.Juki, [MappedFiles.WithExpected(person)], new LoadOptions(false, null), null, TestContext.Current.CancellationToken))
        {
            File.Exists(path).ShouldBeTrue();
            prepared.Tables.Single().Loaded.ShouldBe(5);
        }

        File.Exists(path).ShouldBeFalse();
    }

    [Fact]
    public async Task Without_a_precomputed_checksum_the_rows_sent_are_still_compared_with_the_rows_read_back()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var target = await CreateTargetAsync();
        var dir = Temp.Combine("sent");
        Directory.CreateDirectory(dir);
        // No Expected, as the load step passes them: the target checksums the file while sending it.
        var person = MappedFiles.Write(Path.Combine(dir, "person.csv"), TestStandard.Person, Enumerable.Range(1, 30).Select(n => MappedFiles.Person(n)));
        var loads = await target.LoadAsync(TestStandard.Juki, [person], new LoadOptions(false, null), null, ct);
        loads.ShouldBe([MappedChecksum.Compute(person, ct)]);

        // A trigger changes one row as it is stored: the read-back no longer matches what was sent.
        await ScalarAsync("CREATE TRIGGER change_one AFTER INSERT ON juki_person WHEN NEW.atena_no = '0000000007' BEGIN UPDATE juki_person SET shimei = 'x' WHERE rowid = NEW.rowid; END");
        var error = await Should.ThrowAsync<MigrateException>(() => target.LoadAsync(TestStandard.Juki, [person], new LoadOptions(true, null), null, ct));

        error.Kind.ShouldBe(FailureKind.Data);
        error.Message.ShouldContain("person: same row count (30) but the rows differ");
        (await target.ReadBackAsync(TestStandard.Juki, ct))![0].ShouldBe(loads[0]);
    }

    [Theory]
    [InlineData("UPDATE juki_person SET seinengappi_fusho_hyoki = '' WHERE atena_no = '0000000001'")]   // NULL → empty text
    [InlineData("UPDATE juki_person SET seinengappi = NULL WHERE atena_no = '0000000001'")]            // a date → NULL
    [InlineData("UPDATE juki_person SET rireki_no = 10 WHERE atena_no = '0000000001'")]                 // an integer, one digit more
    [InlineData("UPDATE juki_person SET shimei = shimei || char(0) WHERE atena_no = '0000000002'")]    // a NUL byte appended
    public async Task The_read_back_of_whole_rows_tells_every_kind_of_change(string change)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var target = await CreateTargetAsync();
        var dir = Temp.Combine("whole");
        Directory.CreateDirectory(dir);
        var person = MappedFiles.Write(Path.Combine(dir, "person.csv"), TestStandard.Person, Enumerable.Range(1, 14).Select(n => MappedFiles.Person(n)));
        var loads = await target.LoadAsync(TestStandard.Juki, [person], new LoadOptions(false, null), null, ct);
        (await target.ReadBackAsync(TestStandard.Juki, ct))![0].ShouldBe(loads[0]);

        await ScalarAsync(change);

        var after = (await target.ReadBackAsync(TestStandard.Juki, ct))![0];
        after.Loaded.ShouldBe(loads[0].Loaded);
        after.Checksum.ShouldNotBe(loads[0].Checksum);
    }

    [Fact]
    public async Task Rows_read_back_while_written_give_what_a_read_of_the_whole_table_gives()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var target = await CreateTargetAsync();
        var dir = Temp.Combine("many");
        Directory.CreateDirectory(dir);
        // More rows than one read-back batch (8,192), and not a multiple of it.
        var person = MappedFiles.Write(Path.Combine(dir, "person.csv"), TestStandard.Person, Enumerable.Range(1, 20_001).Select(n => MappedFiles.Person(n)));

        var loads = await target.LoadAsync(TestStandard.Juki, [person], new LoadOptions(false, null), null, ct);

        loads.ShouldBe([MappedChecksum.Compute(person, ct)]);
        loads[0].Loaded.ShouldBe(20_001);
        (await target.ReadBackAsync(TestStandard.Juki, ct))![0].ShouldBe(loads[0]);
    }

    [Fact]
    public async Task A_trigger_that_changes_an_earlier_row_later_is_caught_by_the_read_back_of_the_whole_table()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var target = await CreateTargetAsync();
        var dir = Temp.Combine("late");
        Directory.CreateDirectory(dir);
        var person = MappedFiles.Write(Path.Combine(dir, "person.csv"), TestStandard.Person, Enumerable.Range(1, 20_000).Select(n => MappedFiles.Person(n)));
        await target.LoadAsync(TestStandard.Juki, [person], new LoadOptions(false, null), null, ct);

        // Row 19,000 changes row 7, long after row 7 was read back while being written.
        await ScalarAsync("CREATE TRIGGER change_earlier AFTER INSERT ON juki_person WHEN NEW.atena_no = '0000019000' BEGIN UPDATE juki_person SET shimei = 'x' WHERE atena_no = '0000000007'; END");
        var error = await Should.ThrowAsync<MigrateException>(() => target.LoadAsync(TestStandard.Juki, [person], new LoadOptions(true, null), null, ct));

        error.Kind.ShouldBe(FailureKind.Data);
        error.Message.ShouldContain("the rows differ");
    }
}
