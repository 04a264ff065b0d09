using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Migrate.Core.Diagnostics;
using Migrate.Core.Standard;

namespace Migrate.Core.Load;

/// <summary>Streams the rows of a standard-layout file, checking its header against the standard table.</summary>
public sealed class MappedFileReader : IDisposable
{
    private readonly StreamReader _reader;
    private readonly CsvParser _parser;
    private readonly string?[] _row;

    public MappedFileReader(string path, StandardTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!File.Exists(path)) throw MigrateException.Usage($"{path}: mapped file for table '{table.Id}' not found; run 'migrate map' first");
        _reader = new StreamReader(path, new UTF8Encoding(false), false, 1 << 16);
        _parser = new CsvParser(_reader, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, Mode = CsvMode.RFC4180 });
        if (!_parser.Read()) throw MigrateException.DataError($"{path}: the mapped file is empty");
        var header = _parser.Record ?? [];
        if (!header.SequenceEqual(table.Items.Select(i => i.Id)))
            throw MigrateException.DataError($"{path}: its columns do not match table '{table.Id}' of the standard; run 'migrate map' again");
        _row = new string?[table.Items.Count];
    }

    /// <summary>The current row; empty fields are NULL. The array is reused between rows.</summary>
    public IReadOnlyList<string?> Row => _row;

    /// <summary>The file line the current row starts on (the header is line 1), for error messages.</summary>
    public long Line { get; private set; } = 1;

    public bool Read()
    {
        var linesBefore = _parser.RawRow;
        if (!_parser.Read()) return false;
        Line = linesBefore + 1;
        for (var i = 0; i < _row.Length; i++)
        {
            var v = _parser[i];
            _row[i] = v.Length == 0 ? null : v;
        }
        return true;
    }

    public void Dispose()
    {
        _parser.Dispose();
        _reader.Dispose();
    }
}
