using System.Globalization;
using System.Text;
using Migrate.Core.Diagnostics;
using nietras.SeparatedValues;

namespace Migrate.Core.Work;

/// <summary>
/// The records of one staging file for the mapper's row loop: read from the file, or taken as the
/// extractor hands them on in <c>migrate run</c>. Either way the same values.
/// </summary>
internal abstract class StagedRows : IDisposable
{
    /// <summary>
    /// The staging file's records read from the file; a file the manifest records is checked against
    /// it once read to the end (<see cref="WorkDirectory.RecordOf"/>).
    /// </summary>
    public static StagedRows Open(WorkDirectory work, string stagingPath, int columnCount)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Open(work.OpenStaged(stagingPath), stagingPath, columnCount);
    }

    /// <summary>
    /// The records of a staging file read from <paramref name="stream"/>, with as many columns as its
    /// header names (<see cref="Header"/>) when <paramref name="columnCount"/> is not given.
    /// </summary>
    public static StagedRows Open(Stream stream, string stagingPath, int? columnCount = null) => new FromFile(stream, stagingPath, columnCount);

    /// <summary>The records the extractor hands on while it writes the staging file (<c>migrate run</c>).</summary>
    public static StagedRows Take(RecordHandoff handed) => new Handed(handed);

    /// <summary>The source's columns as the staging file's header names them; empty for handed-on records, whose columns are the source's.</summary>
    public virtual IReadOnlyList<string> Header => [];

    /// <summary>Advances to the next record and puts its values into the first columns of <paramref name="values"/>; false at the end.</summary>
    public abstract bool MoveNext(string?[] values);

    /// <summary>The current record's source line and byte offset (for rejects only).</summary>
    public abstract (long Line, long Offset) Position { get; }

    public abstract void Dispose();

    private sealed class FromFile : StagedRows
    {
        private readonly StreamReader _text;
        private readonly SepReader _reader;
        private readonly string _path;
        private readonly int _columnCount;
        private readonly RecordedFileStream? _recorded;
        private readonly string[] _header = [];
        private long _records;

        public FromFile(Stream stream, string path, int? columnCount)
        {
            _path = path;
            _recorded = stream as RecordedFileStream;
            _text = new StreamReader(stream, new UTF8Encoding(false), false, 1 << 16);
            try
            {
                // Staging files are ours (RFC 4180, UTF-8), so the fast reader unescapes them as it goes.
                // (A per-column string pool for repeated values was measured slower than a string each.)
                _reader = CsvReaders.Open(_text);
                if (!_reader.MoveNext()) throw MigrateException.DataError($"{path}: staging file is empty; run 'migrate extract' again");
                // _line and _offset first, then the source's columns.
                _header = [.. Enumerable.Range(2, Math.Max(0, _reader.Current.ColCount - 2)).Select(i => _reader.Current[i].ToString())];
                _columnCount = columnCount ?? _header.Length;
            }
            catch
            {
                _text.Dispose();
                throw;
            }
        }

        public override IReadOnlyList<string> Header => _header;

        public override bool MoveNext(string?[] values)
        {
            if (!_reader.MoveNext())
            {
                // Checked before the mapper's result exists, so a changed file never reaches the manifest.
                _recorded?.Complete(_records);
                return false;
            }
            _records++;
            var row = _reader.Current;
            if (row.ColCount != _columnCount + 2)
                throw MigrateException.DataError($"{_path}:{row.LineNumberFrom}: {row.ColCount} fields, expected {_columnCount + 2}; the staging file is damaged, run 'migrate extract' again");
            for (var i = 0; i < _columnCount; i++) values[i] = row[i + 2].ToString();
            return true;
        }

        // Parsed only when asked: most records are never rejected.
        public override (long Line, long Offset) Position =>
            (long.Parse(_reader.Current[0].Span, CultureInfo.InvariantCulture), long.Parse(_reader.Current[1].Span, CultureInfo.InvariantCulture));

        public override void Dispose()
        {
            _reader.Dispose();
            _text.Dispose();
        }
    }

    private sealed class Handed(RecordHandoff handoff) : StagedRows
    {
        private (long Line, long Offset) _position;

        public override bool MoveNext(string?[] values)
        {
            if (!handoff.TryTake(values, out var line, out var offset)) return false;
            _position = (line, offset);
            return true;
        }

        public override (long Line, long Offset) Position => _position;

        public override void Dispose()
        {
            // The handoff belongs to the run, which disposes it.
        }
    }
}
