using System.Text;
using Migrate.Core.Standard;

namespace Migrate.Core.Load;

/// <summary>
/// Streams the rows of a standard-layout file as strings, checking its header against the standard
/// table (see <see cref="MappedRecordReader"/> for the byte-level reader it is built on).
/// </summary>
public sealed class MappedFileReader : IDisposable
{
    private readonly MappedRecordReader _records;
    private readonly string?[] _row;

    public MappedFileReader(string path, StandardTable table)
        : this(new MappedRecordReader(path, table), table)
    {
    }

    /// <summary>The rows of a load input: its handed-on bytes when it has them, else its file.</summary>
    public MappedFileReader(LoadInput input)
        : this(MappedRecordReader.Open(input), input?.Table!)
    {
    }

    private MappedFileReader(MappedRecordReader records, StandardTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _records = records;
        _row = new string?[table.Items.Count];
    }

    /// <summary>The current row; empty fields are NULL. The array is reused between rows.</summary>
    public IReadOnlyList<string?> Row => _row;

    /// <summary>The file line the current row starts on (the header is line 1), for error messages.</summary>
    public long Line => _records.Line;

    public bool Read()
    {
        if (!_records.Read()) return false;
        for (var i = 0; i < _row.Length; i++)
            _row[i] = _records.IsNull(i) ? null : Encoding.UTF8.GetString(_records.Field(i));
        return true;
    }

    public void Dispose() => _records.Dispose();
}
