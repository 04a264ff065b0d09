using Microsoft.Data.Sqlite;
using Migrate.Samples;

namespace Migrate.Samples.Tests;

/// <summary>vendor-c writes a SQLite database: deterministic, owner-only, with the declared schema and seeded defects.</summary>
public sealed class VendorCSampleTests : IDisposable
{
    private readonly string _a = SampleFiles.NewTempDirectory();
    private readonly string _b = SampleFiles.NewTempDirectory();

    public void Dispose()
    {
        Directory.Delete(_a, recursive: true);
        Directory.Delete(_b, recursive: true);
    }

    private static async Task<byte[]> ContentAsync(string directory)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, VendorCSchema.DatabaseFile)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var table in VendorCSchema.Tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table.Name} ORDER BY 1";
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            reader.FieldCount.ShouldBe(table.Columns.Count);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
                for (var i = 0; i < reader.FieldCount; i++) hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{reader.GetValue(i)}\u001f"));
        }
        return hash.GetHashAndReset();
    }

    [Fact]
    public async Task Same_seed_gives_the_same_rows_and_the_summary_counts_what_was_written()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await new VendorCSample().WriteAsync(new SampleOptions("vendor-c", 2_000, 5, _a), null, ct);
        var b = await new VendorCSample().WriteAsync(new SampleOptions("vendor-c", 2_000, 5, _b), null, ct);

        (await ContentAsync(_a)).ShouldBe(await ContentAsync(_b));
        b.RowsPerFile.ShouldBe(a.RowsPerFile);
        b.DefectsByKind.ShouldBe(a.DefectsByKind);
        a.Persons.ShouldBeGreaterThanOrEqualTo(2_000);
        a.RowsPerFile[VendorCSchema.Persons.Name].ShouldBe(a.Persons);
        a.DefectsByKind.Keys.ShouldBe(["check.my-number", "code.unknown", "date.era-out-of-range", "join.orphan"], ignoreOrder: true);
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(Path.Combine(_a, VendorCSchema.DatabaseFile)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_a, VendorCSchema.DatabaseFile)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        // Persons under 支援措置 never carry a defect.
        command.CommandText = "SELECT COUNT(*) FROM dv_support d JOIN persons p ON p.person_id = d.person_id WHERE p.zokugara_id = 99 OR p.birth_wareki = 'S64.02.01' OR p.household_id NOT IN (SELECT household_id FROM households)";
        ((long)(await command.ExecuteScalarAsync(ct))!).ShouldBe(0);
        foreach (var (table, rows) in a.RowsPerFile)
        {
            command.CommandText = $"SELECT COUNT(*) FROM {table}";
            ((long)(await command.ExecuteScalarAsync(ct))!).ShouldBe(rows, table);
        }
    }
}
