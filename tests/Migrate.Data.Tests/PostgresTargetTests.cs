using Migrate.Core.Load;
using Migrate.Data.Targets;
using Migrate.Data.Tests.Support;

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
}
