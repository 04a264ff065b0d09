using Migrate.Core.Work;

namespace Migrate.Core.Tests.Pipeline;

/// <summary>The bounded handoff between two stages' threads: every byte arrives in order, the file gets the same bytes, a stop unblocks both ends.</summary>
public sealed class ByteHandoffTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("migrate-handoff-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Bytes_written_in_odd_sizes_arrive_whole_and_in_order_and_the_file_holds_them_too()
    {
        var data = new byte[3_000_001];
        new Random(7).NextBytes(data);
        var path = Path.Combine(_dir, "out.bin");
        using var handoff = new ByteHandoff(TestContext.Current.CancellationToken, capacity: 2);

        var writer = Task.Run(() =>
        {
            using var tee = handoff.Tee(File.Create(path));
            for (var at = 0; at < data.Length;)
            {
                var size = Math.Min(data.Length - at, 1 + (at % 70_001));
                tee.Write(data, at, size);
                at += size;
            }
        }, TestContext.Current.CancellationToken);
        using var received = new MemoryStream();
        await using (var reader = handoff.OpenRead()) await reader.CopyToAsync(received, 4096, TestContext.Current.CancellationToken);
        await writer;

        received.ToArray().ShouldBeSameBytes(data);
        (await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)).ShouldBeSameBytes(data);
    }

    [Fact]
    public async Task A_stop_unblocks_a_writer_whose_reader_is_gone()
    {
        using var stop = new CancellationTokenSource();
        using var handoff = new ByteHandoff(stop.Token, capacity: 1);
        var writer = Task.Run(() =>
        {
            using var tee = handoff.Tee(new MemoryStream());
            var block = new byte[1 << 20];
            while (true) tee.Write(block);
        }, TestContext.Current.CancellationToken);

        await Task.Delay(100, TestContext.Current.CancellationToken);
        writer.IsCompleted.ShouldBeFalse();
        await stop.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => writer.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_stop_unblocks_a_reader_waiting_for_bytes()
    {
        using var stop = new CancellationTokenSource();
        using var handoff = new ByteHandoff(stop.Token);
        var reader = Task.Run(() => handoff.OpenRead().ReadByte(), TestContext.Current.CancellationToken);

        await stop.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => reader.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
    }
}
