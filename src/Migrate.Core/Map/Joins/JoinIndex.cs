using System.Collections;
using System.Globalization;
using System.Text;
using Migrate.Core.Diagnostics;
using Migrate.Core.Work;
using nietras.SeparatedValues;

namespace Migrate.Core.Map.Joins;

/// <summary>One record of a joined source found by key: its column values, and how many records share the key.</summary>
internal sealed record JoinedRecord(string[] Values, int Count);

/// <summary>
/// An on-disk index of one staged source by one key column, so that a large joined source is never
/// held in memory: the staging file is sorted by key in bounded chunks (external merge sort) into
/// one sorted file, and only every <see cref="BlockRows"/>-th key is kept in memory with its byte
/// offset. A lookup reads one block (cached, least recently used first out).
/// Memory is O(rows / BlockRows + ChunkRows + cached blocks); the files are owner-only and deleted
/// on dispose.
/// </summary>
internal sealed class JoinIndex : IDisposable
{
    public const int BlockRows = 32;
    private const int ChunkRows = 100_000;
    private const int CachedBlocks = 512;

    private readonly string _path;
    private readonly List<string> _blockKeys = [];
    private readonly List<long> _blockOffsets = [];
    private readonly Dictionary<int, LinkedListNode<(int Block, List<(string Key, JoinedRecord Record)> Rows)>> _cache = [];
    private readonly LinkedList<(int Block, List<(string Key, JoinedRecord Record)> Rows)> _lru = new();
    private readonly FileStream _reader;
    private readonly BitArray _matched;
    private readonly int _columnCount;

    private JoinIndex(string path, int columnCount, long records, long distinct, long[] nonEmpty)
    {
        _path = path;
        _columnCount = columnCount;
        Records = records;
        DistinctKeys = distinct;
        NonEmpty = nonEmpty;
        _matched = new BitArray(checked((int)Math.Max(1, distinct)));
        _reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12, FileOptions.RandomAccess);
    }

    /// <summary>Records in the joined source's staging file.</summary>
    public long Records { get; }

    /// <summary>Distinct keys (records sharing a key count once).</summary>
    public long DistinctKeys { get; }

    /// <summary>Non-empty values per column of the joined source, for the customization report.</summary>
    public IReadOnlyList<long> NonEmpty { get; }

    /// <summary>Keys of the joined source that no lookup asked for (the other side's orphans).</summary>
    public long Unmatched => DistinctKeys - _matched.Cast<bool>().Take((int)DistinctKeys).Count(b => b);

    /// <summary>Builds the index of <paramref name="stagingPath"/> (a staging file: _line, _offset, columns) by column <paramref name="keyColumn"/>.</summary>
    /// <param name="recorded">What the manifest records of the staging file: checked once it is read, in the same pass.</param>
    public static async Task<JoinIndex> BuildAsync(string stagingPath, string keyColumn, string indexPath, CancellationToken cancellationToken,
        RecordedFile? recorded = null)
    {
        if (!File.Exists(stagingPath))
            throw MigrateException.Usage($"{stagingPath}: no staging file for the joined source; run 'migrate extract' first");
        using var rows = StagedRows.Open(recorded is null ? File.OpenRead(stagingPath) : RecordedFileStream.Open(recorded), stagingPath);
        var keyIndex = rows.Header.ToList().IndexOf(keyColumn);
        if (keyIndex < 0) throw MigrateException.DataError($"{stagingPath}: staging file has no column '{keyColumn}'; run 'migrate extract' again");
        return await BuildAsync(rows, rows.Header.Count, keyIndex, indexPath, cancellationToken);
    }

    /// <summary>
    /// Builds the index of a staged source's records by its column <paramref name="keyIndex"/>: records
    /// read back from the staging file, or handed on by the extractor while it writes the file (<c>migrate run</c>).
    /// </summary>
    public static async Task<JoinIndex> BuildAsync(StagedRows rows, int columnCount, int keyIndex, string indexPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var runs = new List<string>();
        long records = 0;
        var nonEmpty = new long[columnCount];
        try
        {
            var chunk = new List<(string Key, long Line, string[] Values)>(ChunkRows);
            var read = new string?[columnCount];
            while (rows.MoveNext(read))
            {
                cancellationToken.ThrowIfCancellationRequested();
                records++;
                var values = new string[columnCount];
                for (var i = 0; i < columnCount; i++)
                {
                    values[i] = read[i]!;
                    if (values[i].Length > 0) nonEmpty[i]++;
                }
                chunk.Add((values[keyIndex].Trim(), rows.Position.Line, values));
                if (chunk.Count == ChunkRows) runs.Add(WriteRun(chunk, indexPath, runs.Count));
            }
            if (chunk.Count > 0 || runs.Count == 0) runs.Add(WriteRun(chunk, indexPath, runs.Count));
        }
        catch
        {
            // The sorted copies hold the source's personal data: not left behind by a refused or damaged file.
            foreach (var run in runs) File.Delete(run);
            throw;
        }

        var (blockKeys, blockOffsets, distinct) = await MergeAsync(runs, indexPath, columnCount, cancellationToken);
        foreach (var run in runs) File.Delete(run);
        var index = new JoinIndex(indexPath, columnCount, records, distinct, nonEmpty);
        index._blockKeys.AddRange(blockKeys);
        index._blockOffsets.AddRange(blockOffsets);
        return index;
    }

    /// <summary>The record with this key (compared trimmed, ordinal), or null.</summary>
    public JoinedRecord? Find(string? key)
    {
        key = key?.Trim();
        if (string.IsNullOrEmpty(key) || _blockKeys.Count == 0) return null;
        var block = UpperBound(key) - 1;
        if (block < 0) return null;
        var rows = Block(block);
        for (var i = 0; i < rows.Count; i++)
        {
            var c = string.CompareOrdinal(rows[i].Key, key);
            if (c < 0) continue;
            if (c > 0) return null;
            _matched[block * BlockRows + i] = true;
            return rows[i].Record;
        }
        return null;
    }

    public void Dispose()
    {
        _reader.Dispose();
        File.Delete(_path);
    }

    private int UpperBound(string key)
    {
        int lo = 0, hi = _blockKeys.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(_blockKeys[mid], key) <= 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private List<(string Key, JoinedRecord Record)> Block(int block)
    {
        if (_cache.TryGetValue(block, out var node))
        {
            _lru.Remove(node);
            _lru.AddFirst(node);
            return node.Value.Rows;
        }
        var start = _blockOffsets[block];
        var end = block + 1 < _blockOffsets.Count ? _blockOffsets[block + 1] : _reader.Length;
        var bytes = new byte[end - start];
        _reader.Position = start;
        _reader.ReadExactly(bytes);
        var rows = new List<(string, JoinedRecord)>(BlockRows);
        using (var csv = CsvReaders.OpenText(Encoding.UTF8.GetString(bytes)))
        {
            while (csv.MoveNext())
            {
                var row = csv.Current;
                var values = new string[_columnCount];
                for (var i = 0; i < _columnCount; i++) values[i] = row[i + 2].ToString();
                rows.Add((row[0].ToString(), new JoinedRecord(values, int.Parse(row[1].Span, CultureInfo.InvariantCulture))));
            }
        }
        if (_cache.Count >= CachedBlocks)
        {
            var last = _lru.Last!;
            _lru.RemoveLast();
            _cache.Remove(last.Value.Block);
        }
        _cache[block] = _lru.AddFirst((block, rows));
        return rows;
    }

    private static string WriteRun(List<(string Key, long Line, string[] Values)> chunk, string indexPath, int number)
    {
        // Ordinal by key, then by source line, so that the first record of a key is the first in the file.
        chunk.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key) is var c && c != 0 ? c : a.Line.CompareTo(b.Line));
        var path = $"{indexPath}.run{number}";
        using (var csv = new Utf8CsvWriter(PrivateFiles.Create(path)))
        {
            foreach (var (key, line, values) in chunk)
            {
                csv.WriteField(key);
                csv.WriteField(line);
                foreach (var v in values) csv.WriteField(v);
                csv.NextRecord();
            }
        }
        chunk.Clear();
        return path;
    }

    /// <summary>
    /// Merges the sorted runs into the index file: one row per distinct key (the first record of the
    /// key, with how many records share it), a block boundary every <see cref="BlockRows"/> rows.
    /// </summary>
    private static async Task<(List<string> Keys, List<long> Offsets, long Distinct)> MergeAsync(List<string> runs, string indexPath, int columnCount, CancellationToken cancellationToken)
    {
        var readers = new List<(StreamReader Text, SepReader Csv)>();
        var keys = new List<string>();
        var offsets = new List<long>();
        long distinct = 0;
        try
        {
            var queue = new PriorityQueue<int, (string Key, long Line)>(Comparer<(string Key, long Line)>.Create((a, b) =>
                string.CompareOrdinal(a.Key, b.Key) is var c && c != 0 ? c : a.Line.CompareTo(b.Line)));
            foreach (var run in runs)
            {
                var text = new StreamReader(run, new UTF8Encoding(false), false, 1 << 16);
                readers.Add((text, CsvReaders.Open(text)));
                if (await readers[^1].Csv.MoveNextAsync(cancellationToken)) queue.Enqueue(readers.Count - 1, Head(readers[^1].Csv));
            }

            var file = PrivateFiles.Create(indexPath);
            using var csv = new Utf8CsvWriter(file);
            string? pendingKey = null;
            string[] pending = new string[columnCount];
            var pendingCount = 0;

            void Flush()
            {
                if (pendingKey is null) return;
                if (distinct % BlockRows == 0)
                {
                    csv.Flush();
                    keys.Add(pendingKey);
                    offsets.Add(file.Position);
                }
                csv.WriteField(pendingKey);
                csv.WriteField(pendingCount);
                foreach (var v in pending) csv.WriteField(v);
                csv.NextRecord();
                distinct++;
            }

            while (queue.TryDequeue(out var run, out var head))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var source = readers[run].Csv;
                if (head.Key == pendingKey)
                {
                    pendingCount++;
                }
                else
                {
                    Flush();
                    pendingKey = head.Key;
                    pendingCount = 1;
                    pending = new string[columnCount];
                    for (var i = 0; i < columnCount; i++) pending[i] = source.Current[i + 2].ToString();
                }
                if (await source.MoveNextAsync(cancellationToken)) queue.Enqueue(run, Head(source));
            }
            Flush();
        }
        finally
        {
            foreach (var (text, csv) in readers)
            {
                csv.Dispose();
                text.Dispose();
            }
        }
        return (keys, offsets, distinct);
    }

    /// <summary>The sort key of a run's current row: its key and its source line.</summary>
    private static (string Key, long Line) Head(SepReader run) => (run.Current[0].ToString(), long.Parse(run.Current[1].Span, CultureInfo.InvariantCulture));
}
