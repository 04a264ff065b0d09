using System.Security.Cryptography;
using Migrate.Core.Diagnostics;
using Migrate.Core.Work;

namespace Migrate.Core.Tests.Pipeline;

/// <summary>
/// A file the manifest records is checksummed as it is read and checked once read: the same bytes and
/// record count pass, anything else fails naming the file, and bytes the reader left unread count too.
/// </summary>
public sealed class RecordedFileStreamTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "recorded-" + Guid.NewGuid().ToString("N")[..12] + ".csv");
    private readonly byte[] _bytes = System.Text.Encoding.UTF8.GetBytes("h\n1,髙橋\n2,辻\n");

    public RecordedFileStreamTests() => File.WriteAllBytes(_path, _bytes);

    public void Dispose() => File.Delete(_path);

    private RecordedFile Recorded(long records = 2, string? sha256 = null) =>
        new(_path, records, sha256 ?? Convert.ToHexStringLower(SHA256.HashData(_bytes)), "extract");

    private static void ReadAll(Stream stream, int chunk)
    {
        var buffer = new byte[chunk];
        while (stream.Read(buffer) > 0)
        {
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    public void The_recorded_bytes_and_count_pass(int chunk)
    {
        using var stream = RecordedFileStream.Open(Recorded());
        ReadAll(stream, chunk);

        Should.NotThrow(() => stream.Complete(2));
    }

    [Fact]
    public void Bytes_the_reader_did_not_read_are_hashed_at_completion()
    {
        using var stream = RecordedFileStream.Open(Recorded());
        stream.ReadExactly(new byte[3]);

        Should.NotThrow(() => stream.Complete(2));
    }

    [Fact]
    public void Another_count_fails_naming_the_file_and_the_command_to_run_again()
    {
        using var stream = RecordedFileStream.Open(Recorded(records: 3));
        ReadAll(stream, 64);

        var error = Should.Throw<MigrateException>(() => stream.Complete(2));

        error.Kind.ShouldBe(FailureKind.Data);
        error.Message.ShouldStartWith($"{_path}: the file holds 2 records where the manifest records 3 from 'migrate extract'");
        error.Message.ShouldContain("run 'migrate extract' again");
    }

    [Fact]
    public void Other_bytes_fail_with_the_two_checksums_shortened()
    {
        var other = new string('0', 64);
        using var stream = RecordedFileStream.Open(Recorded(sha256: other));
        ReadAll(stream, 64);

        var error = Should.Throw<MigrateException>(() => stream.Complete(2));

        error.Message.ShouldStartWith($"{_path}: its SHA-256 ({Convert.ToHexStringLower(SHA256.HashData(_bytes))[..12]}…) is not the one the manifest records from 'migrate extract' (000000000000…)");
    }
}
