using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Core.Map;

/// <summary>
/// Where the mapper's rows go: each row is encoded once into a <see cref="MappedBatch"/>, as the bytes
/// the mapped file holds with every value located inside them; the file (and its hash) gets the
/// batch's bytes in one piece, and in <c>migrate run</c> the same batch goes on to the target
/// (<see cref="MappedRecordHandoff"/>): two sinks of one record stream, so what is loaded is what the
/// file holds, without the file's bytes being parsed again.
/// </summary>
internal sealed class MappedRowWriter : IDisposable
{
    private readonly Stream _file;
    private readonly MappedRecordHandoff? _handoff;
    private MappedBatch? _batch;
    private long _line = 2; // the header is line 1
    private bool _disposed;

    public MappedRowWriter(Stream file, StandardTable table, MappedRecordHandoff? handoff)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(table);
        _file = file;
        _handoff = handoff;
        using var header = new Utf8CsvWriter(file, leaveOpen: true);
        foreach (var item in table.Items) header.WriteField(item.Id);
        header.NextRecord();
    }

    /// <summary>Writes one row; <paramref name="quote"/> says which values the file quotes (<see cref="Utf8CsvWriter.NeedsQuotes"/>).</summary>
    public void Write(string?[] values, bool[] quote)
    {
        var batch = _batch ??= _handoff?.Rent() ?? new MappedBatch(values.Length);
        var record = batch.Count;
        batch.Add(values, quote, _line);
        _line++;
        for (var i = 0; i < quote.Length; i++)
        {
            // Only a quoted value can hold a line break; a reader of the file counts its lines.
            if (quote[i]) _line += LineBreaks(batch.Field(record, i));
        }
        if (!batch.IsFull) return;
        _file.Write(batch.Csv);
        if (_handoff is null)
        {
            batch.Clear();
            return;
        }
        _handoff.Pass(batch);
        _batch = null;
    }

    /// <summary>CRLF, CR and LF each end a line, as a reader of the file counts them.</summary>
    private static int LineBreaks(ReadOnlySpan<byte> field)
    {
        var count = 0;
        for (var at = field.IndexOfAny((byte)'\r', (byte)'\n'); at >= 0; at = field.IndexOfAny((byte)'\r', (byte)'\n'))
        {
            count++;
            var next = field[at] == (byte)'\r' && at + 1 < field.Length && field[at + 1] == (byte)'\n' ? at + 2 : at + 1;
            field = field[next..];
        }
        return count;
    }

    /// <summary>Ends the file and, when handed on, the records (even when the file fails, so the reader is not left waiting).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            try
            {
                if (_batch is { Count: > 0 } last) _file.Write(last.Csv);
            }
            finally
            {
                _file.Dispose();
            }
            if (_batch is { Count: > 0 } rest) _handoff?.Pass(rest);
        }
        finally
        {
            _handoff?.Complete();
        }
    }
}
