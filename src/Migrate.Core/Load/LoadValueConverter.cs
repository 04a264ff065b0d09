using System.Globalization;
using Migrate.Core.Diagnostics;
using Migrate.Core.Standard;

namespace Migrate.Core.Load;

/// <summary>
/// Turns a mapped row into typed values (string, int or long, short 0/1, DateOnly, decimal) and
/// checks each against the column it goes into, before any bulk write: a server's bulk-load error
/// names neither the row nor the column, ours names the mapped file's line and the item.
/// </summary>
public sealed class LoadValueConverter
{
    private readonly StandardTable _table;
    private readonly SqlDialect _dialect;
    private readonly string _file;
    private readonly object?[] _values;

    // Per column, whether it refuses NULL: asked for every empty field (half of a person row's), so
    // worked out once instead of through the item per field, by Convert and CheckField alike.
    private readonly bool[] _notNull;

    public LoadValueConverter(StandardTable table, SqlDialect dialect, string file)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(dialect);
        _table = table;
        _dialect = dialect;
        _file = file;
        _values = new object?[table.Items.Count];
        _notNull = [.. table.Items.Select(SqlDialect.IsNotNull)];
    }

    /// <summary>The converted values of the last row, null for NULL. The array is reused between rows.</summary>
    public IReadOnlyList<object?> Values => _values;

    public void Convert(IReadOnlyList<string?> row, long line)
    {
        ArgumentNullException.ThrowIfNull(row);
        for (var i = 0; i < _values.Length; i++)
        {
            var item = _table.Items[i];
            var text = row[i];
            if (text is null)
            {
                if (_notNull[i]) throw Fail(line, item, "is required but empty");
                _values[i] = null;
                continue;
            }
            _values[i] = Typed(item, text, line);
            if (_dialect.CheckFits(item, text) is { } problem) throw Fail(line, item, problem);
        }
    }

    /// <summary>
    /// Checks the current record of <paramref name="reader"/> as <see cref="Convert"/> does, on its
    /// UTF-8 bytes and without converting anything: for bulk writes that send the text as it is.
    /// </summary>
    public void Check(MappedRecordReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var line = reader.Line;
        for (var i = 0; i < _values.Length; i++) CheckField(i, reader.Field(i), line);
    }

    /// <summary>
    /// Checks field <paramref name="index"/> of a record (UTF-8, empty for NULL) as <see cref="Check"/>
    /// does, and gives what it parsed on the way: the number of an integer or flag, the date of a date.
    /// Writers that encode typed values use these instead of parsing the text again.
    /// </summary>
    public CheckedValue CheckField(int index, ReadOnlySpan<byte> text, long line)
    {
        if (text.IsEmpty)
        {
            if (_notNull[index]) throw Fail(line, _table.Items[index], "is required but empty");
            return default;
        }
        var item = _table.Items[index];
        CheckedValue value = default;
        switch (item.Type)
        {
            case ItemType.Integer:
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                    throw Fail(line, item, "is not a whole number");
                if (!SqlDialect.IsBigInteger(item) && number is < int.MinValue or > int.MaxValue)
                    throw Fail(line, item, "is outside the 32-bit integer range of its column");
                value = new CheckedValue(number, default);
                break;
            case ItemType.Flag:
                if (text.Length != 1 || text[0] is not ((byte)'0' or (byte)'1')) throw Fail(line, item, "is not a flag (0 or 1)");
                value = new CheckedValue(text[0] - '0', default);
                break;
            case ItemType.Date:
                if (!Text.IsoDate.TryParse(text, out var date)) throw Fail(line, item, "is not a date YYYY-MM-DD");
                value = new CheckedValue(0, date);
                break;
            case ItemType.Decimal:
                if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                    throw Fail(line, item, "is not a number");
                break;
        }
        if (_dialect.CheckFits(item, text) is { } problem) throw Fail(line, item, problem);
        return value;
    }

    private object Typed(StandardItem item, string text, long line)
    {
        switch (item.Type)
        {
            case ItemType.Integer:
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                    throw Fail(line, item, "is not a whole number");
                if (SqlDialect.IsBigInteger(item)) return number;
                if (number is < int.MinValue or > int.MaxValue) throw Fail(line, item, "is outside the 32-bit integer range of its column");
                return (int)number;
            case ItemType.Flag:
                return text switch
                {
                    "0" => (short)0,
                    "1" => (short)1,
                    _ => throw Fail(line, item, "is not a flag (0 or 1)"),
                };
            case ItemType.Date:
                if (!Text.IsoDate.TryParse(text, out var date))
                    throw Fail(line, item, "is not a date YYYY-MM-DD");
                return date;
            case ItemType.Decimal:
                if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                    throw Fail(line, item, "is not a number");
                return value;
            default:
                return text;
        }
    }

    // The message names the place and the rule, never the value (it may be personal).
    private MigrateException Fail(long line, StandardItem item, string what) =>
        MigrateException.DataError(
            $"{_file}:{line.ToString(CultureInfo.InvariantCulture)}: {_table.Id}.{item.Label} {what}; nothing was loaded. The mapped file does not match the standard: run 'migrate map' again (do not edit mapped files by hand)");
}
